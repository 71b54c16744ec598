/**
 * Faults the user must hear about, in Chromium: storage that is full for the
 * working scenario, a simulation worker that dies without an error event, and a
 * share link pasted into a tab that already shows Funnel.
 */
import { test, expect } from '@playwright/test';
import { fresh, setField, waitDone } from './helpers.ts';
import { LINK_PARAM, encodeScenario } from '../../src/share/link.ts';

test('storage full for the working scenario: the edit is reported as not saved until a later save succeeds', async ({ page }) => {
  await fresh(page);
  await waitDone(page);
  // Storage is full for the baseline's key only: the variants' key still takes writes.
  await page.evaluate(() => {
    const w = window as unknown as { restoreSetItem: () => void };
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === 'funnel.draft.v1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
    w.restoreSetItem = () => (Storage.prototype.setItem = original);
  });
  await setField(page, 'field-insideSales-headcount', '7');
  // An alert that names the browser's error (found the same way in the old page, which cleared it at once).
  const alert = page.getByRole('alert').filter({ hasText: 'QuotaExceededError' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('the scenario (baseline) could not be saved');
  await expect(alert).toContainText('a reload would bring back the version saved before');
  // Another write that succeeds (the language) does not hide it.
  await page.getByRole('button', { name: '日本語' }).click();
  await expect(alert).toContainText('保存できませんでした(シナリオ(ベースライン))');
  await page.getByRole('button', { name: 'English' }).click();
  await setField(page, 'field-insideSales-headcount', '8');
  await expect(alert).toBeVisible();
  // Space again: the next edit is saved, the notice goes, and a reload keeps the edit.
  await page.evaluate(() => (window as unknown as { restoreSetItem: () => void }).restoreSetItem());
  await setField(page, 'field-insideSales-headcount', '9');
  await expect(alert).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('9');
});

test('a simulation worker that ends without an error event fails the run at once: the line says Failed, the results stay', async ({ page }) => {
  // Keep a handle on every Web Worker the page starts, to stop them as the browser might.
  await page.addInitScript(() => {
    const Native = window.Worker;
    const started: Worker[] = [];
    (window as unknown as { simWorkers: Worker[] }).simWorkers = started;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        started.push(this);
      }
    };
  });
  await fresh(page);
  await waitDone(page);
  await setField(page, 'field-replications', '2000');
  const status = page.locator('.status');
  await expect(status).toHaveAttribute('data-status', 'running');
  await expect(page.getByTestId('progress-text')).toContainText(/Simulating:\s+[1-9]\d* of 2000/);
  // No error event, no message: the workers just end (as after close() or a browser kill).
  await page.evaluate(() => (window as unknown as { simWorkers: Worker[] }).simWorkers.forEach((w) => w.terminate()));
  // At once: far below the pool's 120 s limits (a generous bound for a loaded machine).
  await expect(status).toHaveAttribute('data-status', 'error', { timeout: 15_000 });
  await expect(page.getByTestId('progress-text')).toContainText(/^\s*Failed:\s+\d+ of 2000 replications/);
  await expect(page.getByTestId('run-error')).toContainText('The run failed');
  await expect(page.getByTestId('run-error')).toContainText('ended without an error');
  // The results drawn before stay on screen.
  await expect(page.getByTestId('verdict')).not.toContainText('Results appear here');
  await expect(page.locator('g.dept')).toHaveCount(4);
  // The pool starts new workers: the next change runs to the end.
  await setField(page, 'field-replications', '20');
  await waitDone(page);
  await expect(page.getByTestId('progress-text')).toContainText(/Done:\s+20 of 20 replications/);
});

test('the browser releases a Web Worker\'s lock when the worker closes itself (what the pool\'s exit watch relies on)', async ({ page }) => {
  await page.goto('/');
  const seen = await page.evaluate(async () => {
    const name = `close-test-${crypto.randomUUID()}`;
    const source = `navigator.locks.request(${JSON.stringify(name)}, () => { postMessage('held'); return new Promise(() => {}); });
      onmessage = () => close();`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    await new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
    const whileAlive = await navigator.locks.request(name, { ifAvailable: true }, (lock) => lock !== null);
    worker.postMessage('close');
    const afterClose = await Promise.race([
      navigator.locks.request(name, (lock) => lock !== null),
      new Promise<string>((resolve) => setTimeout(() => resolve('not released within 20 s'), 20_000)),
    ]);
    return { whileAlive, afterClose };
  });
  expect(seen).toEqual({ whileAlive: false, afterClose: true });
});

/** A share link to the baseline with 9 AEs and a name to look for. */
async function linkTo9AEs(): Promise<string> {
  const draft = { version: 1, name: 'Pasted link', fieldSales: { headcount: 9 }, replications: 12 };
  return `#${LINK_PARAM}=${encodeURIComponent(await encodeScenario(draft))}`;
}

test('a share link pasted into a tab that already shows Funnel opens its scenario', async ({ page }) => {
  await fresh(page);
  await waitDone(page);
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('13');
  // The library baseline is on screen, unchanged: nothing to lose, so the link opens at once.
  const hash = await linkTo9AEs();
  await page.evaluate((h) => (location.hash = h), hash);
  await expect(page.getByTestId('link-notice')).toContainText('Opened the scenario from the link');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('9');
  await expect(page.locator('#field-replications')).toHaveValue('12');
  await waitDone(page);
  expect(page.url()).not.toContain('#s=');
  // The same link pasted again is read again (the fragment was consumed).
  await setField(page, 'field-fieldSales-headcount', '9'); // the link's own value: still nothing to lose
  await page.evaluate((h) => (location.hash = h), hash);
  await expect.poll(() => page.url()).not.toContain('#s=');
  await expect(page.getByTestId('link-over-edits')).toHaveCount(0);
});

test('a link pasted over unsaved edits asks first: keep them, or open the link', async ({ page }) => {
  await fresh(page);
  await setField(page, 'field-insideSales-headcount', '7');
  const hash = await linkTo9AEs();
  await page.evaluate((h) => (location.hash = h), hash);
  const ask = page.getByTestId('link-over-edits');
  await expect(ask).toContainText('This link would replace the scenario you are working on');
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('7');
  await ask.getByRole('button', { name: 'Keep my work' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId('link-notice')).toContainText('The link was not opened; nothing was changed.');
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('7');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('13');
  // Asked again, the user opens it.
  await page.evaluate((h) => (location.hash = h), hash);
  await ask.getByRole('button', { name: 'Open the link' }).click();
  await expect(page.getByTestId('link-notice')).toContainText('Opened the scenario from the link');
  await expect(page.locator('#field-fieldSales-headcount')).toHaveValue('9');
  await expect(page.locator('#field-insideSales-headcount')).toHaveValue('5');
});
