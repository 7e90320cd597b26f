import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, pageErrors, screenshot } from './harness.ts';
import { buildSingleFile } from './builds.ts';

/**
 * Issue 16, item 1: the single file opens from disk (file://, origin null) with no network and
 * does what the hosted app does: shows kent-2010's default run (carried in the file, DESIGN 76),
 * computes a comparison and a sweep in Web Workers, plays the trainer, saves a
 * scenario as a file and opens it again, opens a link; under its hash-based CSP, with no console
 * errors, no CSP violations and no request for anything outside itself.
 */
let browser: Browser;
let file = '';
let url = '';

beforeAll(async () => {
  file = await buildSingleFile();
  url = pathToFileURL(file).href;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('Front Door as one file, opened from disk', () => {
  it('is one HTML file with a hash-based CSP and nothing loaded from elsewhere', () => {
    const html = readFileSync(file, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, '$1</script>').replace(/(<style>)[\s\S]*?<\/style>/g, '$1</style>');
    expect(markup.match(/<script[^>]*>/g)).toEqual(['<script type="module">']);
    expect(markup.match(/<style>/g)).toHaveLength(1);
    expect(markup).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)/);
    console.log(`single file: ${statSync(file).size.toLocaleString('en-GB')} bytes`);
  });

  it("shows kent-2010's default run at once, plays the trainer, saves and opens a scenario file, and opens a link", async () => {
    const { context, page } = await newPage(browser);
    await watchCsp(page);
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.setOffline(true);

    // Open it and run kent-2010 with the app's own settings: the figure for the closing note.
    const t0 = Date.now();
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    const ready = Date.now() - t0;
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 90_000 });
    const firstResults = Date.now() - t0;
    await page.getByRole('heading', { name: 'Every measure' }).waitFor(); // the last part drawn
    const allDrawn = Date.now() - t0;
    // The file carries this run (DESIGN 76): it shows at once, and says so. Its workers compute
    // the comparison and the sweep in the next test.
    expect(await page.locator('[data-run-status]').textContent()).toMatch(
      /^Finished 20 replications of “Kent 2010.*All had been computed before you pressed Run/,
    );
    expect(await page.locator('[data-metric="reReferralRate"] .card__value').first().textContent()).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('svg.chart-svg').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'single-file-results', false);
    console.log(
      `single file: ready ${ready} ms after opening; first results (the app's default run of kent-2010: 20 replications) ${firstResults} ms, every chart drawn ${allDrawn} ms after opening`,
    );

    // The trainer: its own worker, started from inlined code.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Trainer' }).click();
    await page.locator('svg.trainer-diagram [data-state="closed"]').waitFor();
    await page.getByRole('button', { name: /^Play/ }).click();
    await page.waitForFunction(() => Number(document.querySelector('section.trainer')?.getAttribute('data-now')) > 24 * 20, null, {
      timeout: 30_000,
      polling: 100,
    });
    await page.getByRole('button', { name: /^Pause/ }).click();
    const contacts = Number(await page.locator('table.trainer-counters tr[data-state="contactReceived"] td[data-total]').first().getAttribute('data-total'));
    expect(contacts).toBeGreaterThan(100);
    await screenshot(page, 'single-file-trainer', false);

    // Save as a file, then open it (renamed) again.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explore' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as a file' }).click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { name: string; version: number };
    expect(saved).toMatchObject({ version: 1, name: expect.stringMatching(/Kent 2010/) });
    saved.name = 'Kent from the single file';
    const hashBefore = await page.evaluate(() => location.hash);
    await page.setInputFiles('#scenario-file', { name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(saved)) });
    await screenshot(page, 'single-file-opened', false);
    await page.getByRole('heading', { level: 1, name: 'Kent from the single file' }).waitFor({ timeout: 60_000 });

    // A link: the page keeps the scenario in its fragment; the same address opens it elsewhere.
    await page.waitForFunction((before) => location.hash.length > 10 && location.hash !== before, hashBefore);
    const link = page.url();
    expect(link.startsWith(url)).toBe(true);
    const other = await context.newPage();
    await other.goto(link);
    await other.getByRole('heading', { level: 1, name: 'Kent from the single file' }).waitFor();
    await other.close();

    expect(await violations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    const outside = requests.filter((r) => !r.startsWith(url.replace(/#.*$/, '')) && !r.startsWith('data:') && !r.startsWith('blob:'));
    expect(outside).toEqual([]);
    await context.close();
  });

  it('compares two presets, prints a report and runs a sweep, all in the file', async () => {
    const { context, page } = await newPage(browser);
    await watchCsp(page);
    await context.setOffline(true);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.fill('#compare-reps', '2');
    await page.fill('#compare-days', '120');
    await page.fill('#compare-warmupDays', '20');
    await page.getByRole('button', { name: 'Run comparison', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 90_000 });
    const table = page.getByTestId('comparison-table');
    await table.waitFor();
    expect(await table.locator('tbody tr[data-metric]').count()).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Printable report for a meeting' }).click();
    await page.getByRole('heading', { level: 1, name: /what the model finds$/ }).waitFor(); // the board summary leads the report

    await page.getByRole('button', { name: 'Sweep', exact: true }).click();
    await page.selectOption('#sweep-param', 'socialWorkerPosts');
    await page.fill('#sweep-from', '6');
    await page.fill('#sweep-to', '10');
    await page.fill('#sweep-steps', '2');
    await page.fill('#sweep-reps', '2');
    await page.fill('#sweep-days', '100');
    await page.fill('#sweep-warmupDays', '20');
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    await page.getByTestId('sweep-results').locator('svg.chart-svg').first().waitFor({ timeout: 90_000 });
    await screenshot(page, 'single-file-sweep', false);
    expect(await violations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
