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

/**
 * The results draw in parts (ResultsView's staged parts; "Every measure" is the last), and until
 * every part shows the new run the region is aria-busy.
 */
const drawn = async (page: Page) => {
  await page.getByTestId('results').getByRole('heading', { name: 'Every measure' }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="results"][aria-busy="false"]').waitFor({ timeout: 30_000 });
};

const kept = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open('front-door-replications');
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('replications')) return resolve(0);
          // Only this test's run (60 days, no warm-up): idle workers may also keep the default run's.
          const all = db.transaction('replications').objectStore('replications').getAll();
          all.onsuccess = () => (db.close(), resolve(all.result.filter((v: { key: string }) => v.key.startsWith('60/0/')).length));
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
    // The link in the address runs the scenario at the default settings on opening (shipped with
    // the build, so at once); this run is the one of three replications.
    await page
      .locator('[data-run-status="done"]', { hasText: /^Finished 3 replications/ })
      .or(page.locator('[data-run-status="failed"]'))
      .waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-run-status]').getAttribute('data-run-status')).toBe('done');
    await drawn(page);
    const again = await page.getByTestId('results').locator('li.card[data-metric]').allTextContents();
    expect(again).toEqual(first);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
