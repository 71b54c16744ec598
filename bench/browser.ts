/**
 * Browser benchmark (a script, not a test): in Chromium against the production
 * build, the time from an edit to the first drawn partial result, the time to the
 * full default run (the baseline's 200 replications), and the longest task on the
 * main thread during a run. Run with `npm run bench:browser`.
 */
import { spawn, execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = 4175;
execSync('npx vite build --logLevel error', { stdio: 'inherit' });
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // Scripts for the page are plain strings: tsx would otherwise add helpers the page lacks.
  await page.addInitScript(`
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  `);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.waitForSelector('.status[data-status="done"]', { timeout: 600_000 });

  // The edit: one more Inside Sales rep, as a manager would try.
  const measures = (await page.evaluate(`(async () => {
    const input = document.querySelector('#field-insideSales-headcount');
    const is = () => document.querySelector('g.dept[data-dept="insideSales"]');
    const before = is().getAttribute('data-utilisation');
    window.longest = 0;
    const t0 = performance.now();
    input.value = String(Number(input.value) + 1);
    input.dispatchEvent(new Event('change', { bubbles: true }));
    let firstDrawn = NaN;
    await new Promise((resolve) => {
      const check = () => {
        if (Number.isNaN(firstDrawn) && is().getAttribute('data-utilisation') !== before) firstDrawn = performance.now() - t0;
        if (document.querySelector('.status').getAttribute('data-status') === 'done' && !Number.isNaN(firstDrawn)) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return { firstDrawn, full: performance.now() - t0, longest: window.longest };
  })()`)) as { firstDrawn: number; full: number; longest: number };
  console.log(`Browser (Chromium, hardwareConcurrency ${cores}, so ${Math.max(1, cores - 1)} worker(s)), baseline, 200 replications`);
  console.log(`edit -> first drawn partial result: ${measures.firstDrawn.toFixed(0)} ms (includes the 350 ms pause after an edit)`);
  console.log(`edit -> full run drawn: ${(measures.full / 1000).toFixed(1)} s`);
  // The Long Tasks API reports only tasks over 50 ms.
  console.log(measures.longest > 0 ? `longest main-thread task during the run: ${measures.longest.toFixed(0)} ms` : 'longest main-thread task during the run: none over 50 ms');
} finally {
  await browser.close();
  server.kill();
}
