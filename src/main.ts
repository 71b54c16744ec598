import { mount, unmount } from 'svelte';
import App from './ui/App.svelte';
import { isWorkshopHash } from './ui/workshop/route.ts';
import { registerOfflineCache } from './ui/offlineCache.ts';

const root = document.getElementById('app')!;
// The app and the workshop each have their own place. The app, once mounted, stays
// mounted (hidden) while the workshop shows: a trainer who goes to the workshop and
// comes back finds the app as it was (its results, its panels, where it was
// scrolled), not a new run of every scenario.
const appHost = root.appendChild(document.createElement('div'));
const workshopHost = root.appendChild(document.createElement('div'));
let app: ReturnType<typeof mount> | null = null;
let workshop: ReturnType<typeof mount> | null = null;
/** Where the app was scrolled when the workshop took the page. */
let appScroll = 0;
/** The latest address to show (a workshop loaded on demand may arrive after the user left it). */
let request = 0;

/** Shows the page the address asks for: the workshop (loaded on demand, its runs stopped when left) or the app. */
async function show(): Promise<void> {
  const mine = ++request;
  if (isWorkshopHash(location.hash)) {
    const Workshop = (await import('./ui/workshop/Workshop.svelte')).default;
    if (mine !== request || workshop) return;
    if (!appHost.hidden) appScroll = window.scrollY;
    appHost.hidden = true;
    workshop = mount(Workshop, { target: workshopHost });
    window.scrollTo(0, 0);
  } else {
    if (workshop) void unmount(workshop);
    workshop = null;
    appHost.hidden = false;
    if (app) window.scrollTo(0, appScroll);
    else app = mount(App, { target: appHost });
  }
}

void show();
// A page opened on the workshop registers the offline cache once loaded; the app after its first picture (App.svelte).
if (isWorkshopHash(location.hash)) {
  if (document.readyState === 'complete') registerOfflineCache();
  else window.addEventListener('load', registerOfflineCache, { once: true });
}
// Entering or leaving the workshop swaps the page; other fragments (share links) are the app's.
let inWorkshop = isWorkshopHash(location.hash);
window.addEventListener('hashchange', () => {
  if (isWorkshopHash(location.hash) === inWorkshop) return;
  inWorkshop = !inWorkshop;
  void show();
});
