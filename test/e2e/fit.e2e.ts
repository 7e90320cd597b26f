import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeAllViolations, newPage, pageErrors, screenshot, withBuiltApp } from './harness.ts';

/**
 * Issue 15, items 3-4, in Chromium: the Fit my authority page. A missing population is named; a
 * fit shows its progress and stops on Cancel; a fit of a small council runs to the end in the
 * page's Web Workers and shows each figure against the fitted value and England's, the fitted
 * parameters and whether the figures pin them down; the fitted scenario saves into My scenarios
 * and opens in Explore. axe (WCAG 2.2 A/AA and best practice) on the form and on the results.
 */

const app = withBuiltApp();
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
const status = (page: Page) => page.locator('[data-fit-status]');

async function fillSmallCouncil(page: Page) {
  await page.getByLabel('Council (the fitted scenario’s name)').fill('Smalltown');
  await page.getByLabel('Start from').selectOption('medway-2006');
  await page.getByLabel('Children aged 0-17 (required)').fill('20000');
  await page.getByLabel('Contacts that became referrals (%)').fill('60');
  await page.getByLabel('Re-referrals within 12 months (%)').fill('40');
  await page.getByLabel('Vacancy rate (%)').fill('19');
}

describe('Fit my authority (issue 15, items 3-4)', () => {
  it('names a missing population, shows progress, cancels, fits a small council, saves it and opens it in Explore', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await nav(page, 'Fit my authority');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Fit my authority');
    expect(await axeAllViolations(page)).toEqual([]);

    // Without the population nothing runs, and the field says why.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.locator('#fit-childPopulation-error').waitFor();
    expect(await page.locator('#fit-childPopulation-error').textContent()).toContain('Children aged 0-17');
    expect(await status(page).getAttribute('data-fit-status')).toBe('idle');

    // Start, see progress, cancel.
    await fillSmallCouncil(page);
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Fit progress' }).waitFor();
    await page.waitForFunction(() => /Fitting: \d+ of about \d+ candidate runs/.test(document.querySelector('[data-fit-status]')?.textContent ?? ''), null, {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-fit-status="cancelled"]').waitFor();
    expect(await status(page).textContent()).toBe('Cancelled.');
    expect(await page.locator('.fit-results').count()).toBe(0);

    // Run to the end.
    await page.getByRole('button', { name: 'Fit', exact: true }).click();
    await page.locator('[data-fit-status="done"]').waitFor({ timeout: 240_000 });
    const targets = await page.locator('tr[data-target]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-target')));
    expect(targets).toEqual(['contactToReferralPct', 'reReferralPct', 'vacancyPct']);
    // England's figure beside the council's, with its year
    expect(await page.locator('tr[data-target="reReferralPct"]').textContent()).toContain('England 22% (2023-24)');
    // FIT_PARAMETERS: no NFA figure given, so the MASH's check is not among them.
    expect(await page.locator('tr[data-parameter]').count()).toBe(8);
    expect(await page.locator('[data-fit-quality]').count()).toBe(1);
    expect(await page.locator('tr[data-parameter]').first().textContent()).toMatch(/pinned down|one side only|not pinned down/);
    expect(await axeAllViolations(page)).toEqual([]);
    await screenshot(page, 'fit-result');
    // On a phone the page does not scroll sideways (the wide tables scroll inside their frames).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await screenshot(page, 'fit-result-390', false);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Save, then open in Explore: the fitted scenario is the one being edited, and is in My scenarios.
    await page.getByRole('button', { name: 'Save to My scenarios' }).click();
    await page.locator('[data-fit-saved]').waitFor();
    await page.getByRole('button', { name: 'Open in Explore' }).click();
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Smalltown (fitted from'));
    await page.waitForTimeout(900); // the library saves 300 ms after a change
    await nav(page, 'My scenarios');
    const names = await page.locator('.library__entry[data-entry-id] .library__name').allTextContents();
    expect(names.some((n) => n.startsWith('Smalltown (fitted from'))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 400_000);
});
