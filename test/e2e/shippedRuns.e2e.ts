import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, pageErrors, withBuiltApp } from './harness.ts';

/**
 * Issue 10 (speed): a hosted build ships every preset's run at the default settings
 * (src/worker/shippedRuns.ts), computed when it was built. The proof that they are used: with
 * every simulation worker's file refused, a first visit's default run and a comparison of two
 * presets still finish. The proof that they are right: the default run computed in this browser
 * (with the shipped files refused instead) shows the same numbers, card for card.
 */
const app = withBuiltApp();

/**
 * The results draw in parts (ResultsView's staged parts; "Every measure" is the last), and until
 * every part shows the new run the region is aria-busy.
 */
const drawn = async (page: Page) => {
  await page.getByTestId('results').getByRole('heading', { name: 'Every measure' }).waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="results"][aria-busy="false"]').waitFor({ timeout: 120_000 });
};

async function defaultRun(page: Page): Promise<string[]> {
  await page.goto(app.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  await page.locator('[data-run-status="done"], [data-run-status="failed"]').first().waitFor({ timeout: 120_000 });
  expect(await page.locator('[data-run-status]').getAttribute('data-run-status')).toBe('done');
  await drawn(page);
  return page.getByTestId('results').locator('li.card[data-metric]').allTextContents();
}

describe('runs shipped with the build', () => {
  it('a first visit runs the default scenario with no worker at all, and the numbers are those the browser computes', async () => {
    const shipped = await newPage(app.browser);
    await shipped.page.route('**/assets/sim.worker*.js', (route) => route.abort());
    const fromBuild = await defaultRun(shipped.page);
    expect(fromBuild.length).toBeGreaterThan(3);
    // The status line says the run was not computed now, so it is not taken for a fast engine.
    expect(await shipped.page.locator('[data-run-status]').textContent()).toMatch(/All had been computed before you pressed Run/);
    expect(pageErrors(shipped.page)).toEqual([]);
    await shipped.context.close();

    const computed = await newPage(app.browser);
    const refused: string[] = [];
    await computed.page.route('**/runs/*.json', (route) => (refused.push(route.request().url()), route.abort()));
    const inBrowser = await defaultRun(computed.page);
    // The shipped file was asked for (and refused), so these numbers were computed here.
    expect(refused.length).toBeGreaterThan(0);
    expect(inBrowser).toEqual(fromBuild);
    await computed.context.close();
  }, 240_000);

  it('a comparison of presets at the default settings needs no worker either', async () => {
    const { context, page } = await newPage(app.browser);
    await page.route('**/assets/sim.worker*.js', (route) => route.abort());
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.selectOption('#slot-0', 'kent-2010-mash');
    await page.selectOption('#slot-1', 'medway-2006');
    await page.getByRole('button', { name: 'Run comparison', exact: true }).click();
    await page.getByTestId('comparison-table').waitFor({ timeout: 60_000 });
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
