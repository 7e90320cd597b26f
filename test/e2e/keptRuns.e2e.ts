import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, pageErrors, withBuiltApp } from './harness.ts';

/**
 * Issue 10 (speed): replications computed on one visit are kept in the browser
 * (src/worker/resultStore.ts), so a returning user's run of anything run before shows at once.
 * The proof that nothing is recomputed: on the second visit no simulation worker can even start
 * (its file is refused), and the run still finishes with the same numbers.
 */
const app = withBuiltApp();

async function smallRun(page: Page): Promise<void> {
  await page.getByLabel('Replications').fill('3');
  await page.getByLabel('Days measured').fill('60');
  await page.getByLabel('Warm-up days').fill('0');
}

/** The results draw in parts (ResultsView's staged parts); "Every measure" is the last. */
const drawn = (page: Page) => page.getByTestId('results').getByRole('heading', { name: 'Every measure' }).waitFor({ timeout: 30_000 });

const kept = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('front-door-replications');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('replications')) return resolve(0);
          const count = db.transaction('replications').objectStore('replications').count();
          count.onsuccess = () => (db.close(), resolve(count.result));
        };
        req.onerror = () => resolve(-1);
      }),
  );

describe('runs kept between visits', () => {
  it('a run done on an earlier visit is shown again with no worker at all, the same numbers', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await smallRun(page);
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 60_000 });
    await drawn(page);
    const first = await page.getByTestId('results').locator('li.card[data-metric]').allTextContents();
    expect(first.length).toBeGreaterThan(3);
    await expect.poll(() => kept(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);

    // The next visit: every simulation worker's file refused.
    await page.route('**/assets/sim.worker*.js', (route) => route.abort());
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await smallRun(page);
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"], [data-run-status="failed"]').first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-run-status]').getAttribute('data-run-status')).toBe('done');
    await drawn(page);
    const again = await page.getByTestId('results').locator('li.card[data-metric]').allTextContents();
    expect(again).toEqual(first);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
