import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { axeViolations, launch, newPage, pageErrors, screenshot } from './harness.ts';
import { buildHosted, serve, stop } from './builds.ts';

/**
 * Issue 16, item 2: the hosted build works offline after the first visit (a service worker
 * precaches it), and when a new build is served the page offers the update instead of mixing
 * files of two versions. Two builds that differ only in their date stand for two releases; both
 * are served in turn on the same port (one origin), and between them no server runs at all, so
 * the offline reload cannot be answered by the network even if emulation let a request through.
 */
let browser: Browser;
let first = '';
let second = '';
let server: PreviewServer | undefined;

beforeAll(async () => {
  first = await buildHosted('e2e-offline-1', '2026-01-05');
  second = await buildHosted('e2e-offline-2', '2026-02-09');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await stop(server);
});

const builtOn = (page: Page) => page.locator('[data-build-date]').getAttribute('data-build-date');

async function openAbout(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'About' }).click();
  await page.getByRole('heading', { name: 'Use it without installing anything' }).waitFor();
}

describe('the hosted app, offline and updated', () => {
  it('after one visit, reloads and runs a simulation with no network; a new build is offered, not forced', async () => {
    const served = await serve(first);
    server = served.server;
    const { context, page } = await newPage(browser);
    await page.goto(served.url);
    await page.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    // The first visit stores the app and says so.
    await page.locator('[data-offline-status="offline-ready"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-offline-status]').textContent()).toMatch(/open without a network connection/);
    await screenshot(page, 'offline-ready', false);

    // No network and no server: reload, run a simulation, open the trainer (a lazily loaded part).
    await stop(server);
    server = undefined;
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByLabel('Replications').fill('2');
    await page.getByLabel('Days measured').fill('60');
    await page.getByLabel('Warm-up days').fill('0');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-run-status]').textContent()).toMatch(/^Finished 2 replications/);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Trainer' }).click();
    await page.locator('svg.trainer-diagram [data-state="closed"]').waitFor({ timeout: 30_000 });
    await openAbout(page);
    expect(await builtOn(page)).toBe('2026-01-05');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explore' }).click();
    const hashBefore = await page.evaluate(() => location.hash);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '17');
    // The edit reaches the address (and the scenario library) before the reload.
    await page.waitForFunction((before) => location.hash.length > 10 && location.hash !== before, hashBefore);
    await page.waitForTimeout(1000);

    // A new build is published at the same address: the page offers it and keeps the old one until asked.
    server = (await serve(second, served.port)).server;
    await context.setOffline(false);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const offer = page.locator('[data-offline-status="update-ready"]');
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.textContent()).toMatch(/A new version of Front Door is ready/);
    await screenshot(page, 'offline-update-offered', false);
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'offline-update-offered-390', false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await openAbout(page);
    expect(await builtOn(page)).toBe('2026-01-05');

    // Accepting reloads into the new version, with the scenario as it was.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Use the new version' }).click()]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await openAbout(page);
    expect(await builtOn(page)).toBe('2026-02-09');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explore' }).click();
    expect(await page.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('17');
    expect(await page.locator('[data-offline-status]').getAttribute('data-offline-status')).toBe('none');
    expect(pageErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });
});
