import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte(),
    // Installable and offline after the first visit (a workshop room often has no
    // network): Workbox precaches every built file, the simulation worker and the
    // bundled scenario library included. registerType 'prompt' with no prompt
    // shown: a new version takes over only once every Funnel tab is closed, so a
    // deployment never reloads a page mid-run or mid-workshop.
    VitePWA({
      registerType: 'prompt',
      // Registered by the app itself after the page-load run's first picture (src/ui/offlineCache.ts).
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Funnel — The Model simulator',
        short_name: 'Funnel',
        description: 'Monte Carlo simulation of B2B leads through Marketing, Inside Sales, Field Sales and Customer Success',
        lang: 'ja',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#3B4450',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    testTimeout: 60_000,
  },
});
