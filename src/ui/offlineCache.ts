/**
 * The offline cache: a service worker (Workbox, vite.config.ts) that precaches every
 * built file, so the app opens without a network after a first visit. Installing it
 * fetches and stores every file and boots one more JavaScript thread; at page load that
 * work took a core from the workers' first replications on a 2-core laptop, so the
 * app registers it once the page-load run has drawn its first picture (App.svelte),
 * the workshop once its page has loaded (main.ts).
 */
let registered = false;

/** Registers the service worker, once per page, in a production build where the browser has them. */
export function registerOfflineCache(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  // A registration that fails leaves the app as it is, online only.
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }).catch(() => {});
}
