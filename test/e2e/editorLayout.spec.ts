/**
 * The editor's layout in the left column, as executives on a laptop and trainers
 * on a projector see it (Japanese, 1280x720 and 1366x768): every card, with its
 * hiring plan, its other settings and a hire's every field open, stays inside the
 * column, and every choice of every select can be read whole.
 */
import { expect, test, type Page } from '@playwright/test';
import { fresh, setField, waitDone } from './helpers.ts';
import { parseNumberInput } from '../../src/i18n/numberInput.ts';

const DEPARTMENTS = ['marketing', 'insideSales', 'fieldSales', 'customerSuccess'];

/** Opens every fold of the editor and gives each department a hire dated by requisition with a custom ramp, and a departure. */
async function openEverything(page: Page) {
  for (const dept of DEPARTMENTS) {
    const plan = page.getByTestId(`plan-${dept}`);
    if (!(await plan.evaluate((d) => (d as HTMLDetailsElement).open))) await plan.locator('summary').first().click();
    await plan.getByRole('button', { name: /^\+ (採用を追加|Add a hire)$/ }).click();
    await plan.getByRole('button', { name: /^\+ (退職を追加|Add a departure)$/ }).click();
    const hire = plan.getByTestId('hire-row').first();
    await hire.locator('select[id$="-from"]').selectOption('requisition');
    await hire.locator('select[id$="-ramp"]').selectOption('custom');
  }
  await page.evaluate(() => { for (const d of document.querySelectorAll('aside details')) (d as HTMLDetailsElement).open = true; });
}

/** What sticks out: cards past the column's content edge, boxes wider than they show, choices cut short. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const aside = document.querySelector('aside')!;
    const a = aside.getBoundingClientRect();
    const columnRight = a.left + aside.clientLeft + aside.clientWidth;
    if (aside.scrollWidth > aside.clientWidth) out.push(`column scrolls sideways: ${aside.scrollWidth} > ${aside.clientWidth}`);
    for (const card of document.querySelectorAll<HTMLElement>('aside section.card')) {
      const r = card.getBoundingClientRect();
      const name = card.className.split(' ')[1];
      if (r.right > columnRight + 0.5) out.push(`${name}: right edge ${r.right} past the column's ${columnRight}`);
      if (card.scrollWidth > card.clientWidth) out.push(`${name}: content ${card.scrollWidth} wider than the card ${card.clientWidth}`);
      const inner = r.right - parseFloat(getComputedStyle(card).paddingRight) - card.clientLeft;
      for (const el of card.querySelectorAll<HTMLElement>('input, select, button, label, small, p, table')) {
        const e = el.getBoundingClientRect();
        if (e.width > 0 && e.right > inner + 0.5) out.push(`${name}: ${el.tagName.toLowerCase()}#${el.id} "${(el.textContent ?? '').trim().slice(0, 30)}" ends at ${e.right}, the card's content at ${inner}`);
      }
    }
    // A select shows its choice in one line: each option's text, in the select's font, must fit beside the arrow.
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    document.body.append(probe);
    for (const select of document.querySelectorAll<HTMLSelectElement>('aside select')) {
      if (select.getBoundingClientRect().width === 0) continue;
      probe.style.font = getComputedStyle(select).font;
      const room = select.clientWidth - parseFloat(getComputedStyle(select).paddingLeft) - 20;
      for (const o of select.options) {
        probe.textContent = o.text;
        if (probe.getBoundingClientRect().width > room) out.push(`select#${select.id}: "${o.text}" is ${probe.getBoundingClientRect().width}px, room ${room}px`);
      }
    }
    probe.remove();
    return out;
  });
}

for (const [width, height] of [[1280, 720], [1366, 768]]) {
  test(`every editor card stays inside the left column and every choice reads whole (Japanese, ${width}x${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const errors = await fresh(page, 'ja');
    await waitDone(page);
    await openEverything(page);
    expect(await overflows(page)).toEqual([]);
    await page.locator('section.card.insideSales').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `artifacts/screenshots/editor-layout-ja-${width}.png` });
    expect(errors).toEqual([]);
  });
}

test('every editor card stays inside the left column and every choice reads whole in English too (1280x720)', async ({ page }) => {
  const errors = await fresh(page, 'en');
  await waitDone(page);
  await openEverything(page);
  expect(await overflows(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test('the KPI table says a figure the same in every replication is exact, never ±0%, and each rate is the ratio of the rows it names (Japanese)', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await setField(page, 'field-replications', '40');
  await waitDone(page);
  const table = page.locator('table.kpi');
  const row = (label: RegExp) => table.locator('tbody tr').filter({ has: page.locator('th', { hasText: label }) }).first();
  await expect(row(/^総コスト/).getByTestId('kpi-precision')).toHaveText('±0(毎回同じ)');
  for (const text of await table.getByTestId('kpi-precision').allTextContents()) expect(text).not.toMatch(/^±0(\.0+)?%$/);
  // A rate beside its two numbers: the median shown is their ratio, to its rounding (integer percent).
  const median = async (label: RegExp) => {
    const n = parseNumberInput((await row(label).locator('td').first().textContent()) ?? '', 'plain');
    if (!n.ok) throw new Error(`not a number in ${label}`);
    return n.value;
  };
  for (const [rate, num, den] of [[/^MQL化率/, /^新規MQL$/, /^リード$/], [/^商談化率/, /^SQL$/, /^ISへのMQL/], [/^受注率/, /^受注$/, /^SQL$/]]) {
    const shown = Number(((await row(rate).locator('td').first().textContent()) ?? '').replace('%', ''));
    const ratio = (100 * (await median(num))) / (await median(den));
    expect(Math.abs(shown - ratio), `${rate}: ${shown}% against ${ratio}%`).toBeLessThanOrEqual(0.7);
  }
  // A row's median and P10–P90 read alike: one unit, the same decimals (16.6億円 – 18.0億円, not 16.6億円 – 18億円).
  for (const tr of await table.locator('tbody tr:not([data-testid])').all()) {
    const cells = (await tr.locator('td').allTextContents()).slice(0, 2).join(' ');
    const numbers = [...cells.matchAll(/\d[\d,]*(\.\d+)?/g)].map((m) => m[1]?.length ?? 0);
    expect(new Set(numbers).size, `${await tr.locator('th').textContent()}: ${cells}`).toBe(1);
    expect(new Set([...cells.matchAll(/[億万]円|円|%|日/g)].map((m) => m[0])).size, cells).toBeLessThanOrEqual(1);
  }
  // No spread at all (the cost is the same in every replication): the figure once, not "2.35億円 – 2.35億円".
  await expect(row(/^総コスト/).locator('td').nth(1)).not.toContainText('–');
  await page.locator('section.kpis').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'artifacts/screenshots/kpi-precision-ja.png' });
  expect(errors).toEqual([]);
});

test('plan dates are typed and shown in the app’s language, whatever the browser’s locale; bad text stays with a message naming the field and the rule', async ({ page }) => {
  const errors = await fresh(page, 'ja');
  await waitDone(page);
  await expect(page.locator('aside input[type="date"]')).toHaveCount(0);
  const start = page.getByTestId('start-date');
  await expect(start).toHaveAttribute('placeholder', '例: 2027/03/02');
  await start.fill('2027年4月1日');
  await start.press('Enter');
  await expect(start).toHaveValue('2027/04/01');
  await expect(page.locator('#field-marketing-startMonth')).toHaveValue('4');

  const plan = page.getByTestId('plan-insideSales');
  await plan.locator('summary').first().click();
  await plan.getByRole('button', { name: '+ 採用を追加' }).click();
  const date = plan.getByTestId('hire-date');
  await date.fill('2027/7/1');
  await date.press('Enter');
  await expect(date).toHaveAttribute('data-day', '91');
  await expect(date).toHaveValue('2027/07/01');

  // The US form is refused, kept as typed, and said at the field; the run keeps the last valid results.
  await date.fill('07/01/2027');
  await date.press('Enter');
  await expect(date).toHaveValue('07/01/2027');
  await expect(plan.getByTestId('hire-date-error')).toHaveText('「07/01/2027」は日付として読めません。日付は 2027/03/02 または 2027年3月2日 のように、年・月・日の順で実在する日付を入力してください。');
  await expect(page.getByTestId('invalid-note')).toBeVisible();
  await start.fill('2027/02/30');
  await start.press('Enter');
  await expect(start).toHaveValue('2027/02/30');
  await expect(page.locator('#field-startDate ~ small.error')).toContainText('「2027/02/30」は日付として読めません。計画の開始日は');
  expect(await overflows(page)).toEqual([]);
  await page.locator('section.card.run').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'artifacts/screenshots/editor-dates-invalid-ja.png' });

  // Corrected, both read again; in English the same dates read year-month-day.
  await start.fill('2027/04/01');
  await start.press('Enter');
  await date.fill('2027年7月1日');
  await date.press('Enter');
  await expect(date).toHaveAttribute('data-day', '91');
  await expect(page.getByTestId('invalid-note')).toHaveCount(0);
  await waitDone(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(start).toHaveValue('2027-04-01');
  await expect(date).toHaveValue('2027-07-01');
  expect(errors).toEqual([]);
});

/**
 * Where a field's label and input are against what sticks at the top: the sticky
 * bar (or, in one column, the verdict alone) and, when the editor column scrolls
 * by itself, that column's top edge.
 */
async function fieldAgainstTop(page: Page, id: string) {
  return page.evaluate((fieldId) => {
    const aside = document.querySelector('main > aside')!;
    const stuck = Math.max(document.querySelector('[data-testid="sticky-bar"]')!.getBoundingClientRect().bottom, document.querySelector('[data-testid="verdict"]')!.getBoundingClientRect().bottom);
    const top = getComputedStyle(aside).position === 'sticky' ? Math.max(stuck, aside.getBoundingClientRect().top) : stuck;
    return { top, label: document.querySelector(`label[for="${fieldId}"]`)!.getBoundingClientRect().top, input: document.getElementById(fieldId)!.getBoundingClientRect().top };
  }, id);
}

for (const [width, height] of [[1280, 720], [1024, 768], [880, 700]]) {
  test(`a field reached by the keyboard from below shows its label, not under the sticky bar, and stays so after its edit runs (Japanese, ${width}x${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const errors = await fresh(page, 'ja');
    await waitDone(page);
    const id = 'field-insideSales-headcount';
    // The field just scrolled out above: its input 5 px above the top of what can be seen (the column's, or in one column the page's).
    await page.evaluate((fieldId) => {
      const aside = document.querySelector('main > aside')!;
      const input = document.getElementById(fieldId)!;
      if (getComputedStyle(aside).position === 'sticky') {
        window.scrollTo(0, 2000);
        aside.scrollTop += input.getBoundingClientRect().top - aside.getBoundingClientRect().top + 5;
      } else window.scrollTo(0, window.scrollY + input.getBoundingClientRect().top + 5);
      // The next field has the focus, as after typing there.
      const controls = [...aside.querySelectorAll<HTMLElement>('input, select, button, summary')];
      controls[controls.indexOf(input) + 1].focus({ preventScroll: true });
    }, id);
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator(`#${id}`)).toBeFocused();
    const seen = await fieldAgainstTop(page, id);
    // Before: the input at the column's top edge with its label cut above it (1280), or under the verdict (one column).
    expect(seen.label, `label at ${seen.label} against the top at ${seen.top}`).toBeGreaterThanOrEqual(seen.top - 0.5);
    expect(seen.input).toBeGreaterThan(seen.label);
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await waitDone(page);
    const after = await fieldAgainstTop(page, id);
    expect(after.label, 'after the run').toBeGreaterThanOrEqual(after.top - 0.5);
    expect(after.input + 30, 'the field still in view').toBeLessThanOrEqual(height);
    expect(errors).toEqual([]);
  });
}
