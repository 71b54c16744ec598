/** Steps the browser tests share: a clean start, editing a field, waiting for a run, screenshots. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Screenshots (viewport and full page) into artifacts/screenshots. */
export async function shot(page: Page, name: string) {
  // Blur the edited field so the page can show its top, as a user would see it after an edit.
  await page.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); document.querySelector('aside')?.scrollTo(0, 0); });
  await page.screenshot({ path: `artifacts/screenshots/${name}.png`, fullPage: false });
  await page.screenshot({ path: `artifacts/screenshots/${name}-full.png`, fullPage: true });
}

/** A clean start in `lang`; returns the console errors seen from then on. */
export async function fresh(page: Page, lang: 'en' | 'ja' = 'en') {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.evaluate((l) => { localStorage.clear(); localStorage.setItem('funnel.lang', l); }, lang);
  await page.reload();
  return errors;
}

/** Types `value` into the field with id `id` and commits it. */
export async function setField(page: Page, id: string, value: string) {
  const input = page.locator(`#${id}`);
  await input.fill(value);
  await input.press('Enter');
}

/** Waits until the scenario on screen has finished its run. */
export async function waitDone(page: Page) {
  await expect(page.locator('.status')).toHaveAttribute('data-status', 'done');
}

/** Loads a library scenario with fewer replications, and waits for its run. */
export async function loadScenario(page: Page, file: string, replications = '40') {
  await page.getByLabel(/Load a scenario|シナリオを読み込む/).selectOption(file);
  await setField(page, 'field-replications', replications);
  await waitDone(page);
}


/**
 * Asks goal-seek (in Japanese) for a plan reaching ARR `target` (typed as a user would, e.g. '1.3億') with at
 * most `bound` more people per department, and waits for the answer; `confidence` in percent when given.
 */
export async function askForPlan(page: Page, target: string, bound: string, confidence?: string) {
  const panel = page.getByTestId('goal-seek');
  await panel.scrollIntoViewIfNeeded();
  await page.locator('#goal-seek-target').fill(target);
  if (confidence !== undefined) await page.locator('#goal-seek-confidence').fill(confidence);
  await page.locator('#goal-seek-bound').fill(bound);
  await panel.getByRole('button', { name: '計画を探す' }).click();
}

/**
 * The options of `select` whose names the closed menu cuts: each name measured in
 * the menu's font against the room it gives its text (less its arrow).
 */
export async function namesCutInMenu(select: Locator): Promise<string[]> {
  return select.evaluate((s: HTMLSelectElement) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = getComputedStyle(s).font;
    const style = getComputedStyle(s);
    const room = s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
    return [...s.options].map((o) => o.text).filter((text) => ctx.measureText(text).width > room);
  });
}
