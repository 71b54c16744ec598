import { defineConfig } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium against the Vite dev server. E2E_PORT lets
 * two checkouts test side by side: with one fixed port, a second checkout would
 * silently reuse the first one's server and test the wrong code.
 */
const port = Number(process.env.E2E_PORT ?? 4173);
/** The production build (service worker and all), for the offline test: see test/e2e/offline.spec.ts. */
export const previewPort = port + 100;

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `npx vite --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      // The service worker exists only in a build, so offline is tested against one.
      command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${previewPort} --strictPort`,
      url: `http://127.0.0.1:${previewPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});
