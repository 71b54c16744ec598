/**
 * Offline after the first visit: the production build's service worker precaches
 * the app, its simulation worker and the scenario library, so a workshop room
 * without a network can reload the app and run scenarios.
 */
import { test, expect } from '@playwright/test';
import { previewPort } from '../../playwright.config.ts';
import { setField, waitDone } from './helpers.ts';

const origin = `http://127.0.0.1:${previewPort}`;

test('installable, and with the network cut after the first visit a reload still opens the app and runs a scenario', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('funnel.lang', 'ja'));

  // Installable: a manifest with a name and 192 and 512 px icons.
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(manifestHref).toBeTruthy();
  const manifest = await (await page.request.get(new URL(manifestHref!, origin).href)).json();
  expect(manifest.short_name).toBe('Funnel');
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // The service worker is active once its precache is complete.
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), { timeout: 30_000 }).toBe(true);

  await context.setOffline(true);
  // The network really is gone: a file the service worker never cached fails.
  const probe = await page.evaluate(async () => fetch(`/not-cached-${Date.now()}.txt`).then(() => 'fetched', () => 'failed'));
  expect(probe).toBe('failed');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByLabel(/Load a scenario|シナリオを読み込む/).selectOption('marketing-too-strong.json');
  await setField(page, 'field-replications', '8');
  await waitDone(page);
  await expect(page.locator('g.dept')).toHaveCount(4);
  await expect(page.getByTestId('verdict')).not.toBeEmpty();
  await page.screenshot({ path: 'artifacts/screenshots/offline-ja.png' });
  expect(errors).toEqual([]);
  await context.close();
});

test('the offline cache is registered once the first picture is drawn, not while the page load runs its first replications', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  // Each registration notes whether the flow picture had its first numbers at that moment.
  await page.addInitScript(() => {
    const w = window as unknown as { swAskedWithPicture: boolean[] };
    w.swAskedWithPicture = [];
    const sw = navigator.serviceWorker;
    const register = sw.register.bind(sw);
    sw.register = (...args: Parameters<typeof register>) => {
      w.swAskedWithPicture.push(document.querySelector('g.dept[data-utilisation]') !== null);
      return register(...args);
    };
  });
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => (window as unknown as { swAskedWithPicture: boolean[] }).swAskedWithPicture), { timeout: 60_000 }).toEqual([true]);
  await expect.poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), { timeout: 30_000 }).toBe(true);
  await context.close();
});
