import { mount, unmount, type Component } from 'svelte';
import App from './ui/App.svelte';
import { isWorkshopHash } from './ui/workshop/route.ts';

const target = document.getElementById('app')!;
let workshop = isWorkshopHash(location.hash);
let current: ReturnType<typeof mount> | null = null;

/** Mounts the page the address asks for: the workshop (loaded on demand) or the app. */
async function show(): Promise<void> {
  const root: Component = workshop ? (await import('./ui/workshop/Workshop.svelte')).default : App;
  if (current) void unmount(current);
  current = mount(root, { target });
}

void show();
// Entering or leaving the workshop swaps the page; other fragments (share links) are the app's.
window.addEventListener('hashchange', () => {
  if (isWorkshopHash(location.hash) === workshop) return;
  workshop = !workshop;
  void show();
});
