import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeScenario, toBase64Url, URL_BROWSER_MAX_LENGTH } from '../../src/scenario/urlCodec.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { axeViolations, newPage, pageErrors, screenshot, withBuiltApp } from './harness.ts';

/**
 * Issue 14, the browser half: the seven ways work used to be lost, each tried in Chromium. After
 * each event the user's work is still there (or downloadable) and the page says what happened.
 */

const app = withBuiltApp();

/** Waits until the library has saved (the save runs 300 ms after the last edit). */
const settle = (page: Page) => page.waitForTimeout(900);

/** Waits for a download started by `action` and returns its text. */
async function downloaded(page: Page, action: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), action()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const notice = (page: Page, key: string) => page.locator(`[data-notice="${key}"]`);
const goToLibrary = (page: Page) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'My scenarios' }).click();
const goToExplore = (page: Page) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Explore' }).click();
const entryNames = (page: Page) => page.locator('.library__entry[data-entry-id] .library__name').allTextContents();

/** A valid kent-2010 whose source quote holds `chars` of incompressible text (its link is about as long). */
function bigScenario(chars: number, name: string) {
  const s = structuredClone(PRESETS[0]!);
  const quote = randomBytes(Math.ceil((chars * 3) / 4))
    .toString('base64')
    .slice(0, chars);
  s.name = name;
  s.sources = [...s.sources, { document: 'a long appendix', paragraph: '', quote, supports: '' }];
  return s;
}

/** A `v2.` link whose patch nests `depth` objects deep (130-odd characters for 5,000). */
function nestedLink(depth: number): string {
  const json = `{"base":"kent-2010","patch":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  return `v2.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

describe('nothing the user made is lost (issue 14, browser paths 1-7)', () => {
  it('1. an unreadable autosave is quarantined and offered for download, never overwritten, across reloads', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const bad =
      '{"format":"front-door-autosave","version":1,"scenario":{"version":1,"id":"mine","name":"My careful edits","frontDoor":{"referralThreshold":140}}}';
    await page.evaluate((text) => localStorage.setItem('front-door.autosave.v1', text), bad);
    // and a library record damaged by hand (or by a bug in some later version)
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const r = indexedDB.open('front-door');
          r.onsuccess = () => {
            const tx = r.result.transaction('entries', 'readwrite');
            tx.objectStore('entries').put({ format: 'front-door-library-entry', id: 'damaged', versions: 'not a list' }, 'damaged');
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await notice(page, 'quarantine').waitFor();
    expect(await notice(page, 'quarantine').textContent()).toMatch(
      /2 scenarios saved in this browser could not be read.*kept exactly as found, never overwritten/,
    );
    await screenshot(page, 'library-1-quarantine-notice', false);
    // Wait past the old 1.5 s overwrite, reload twice: the records are still there to download.
    await page.waitForTimeout(1600);
    await page.reload();
    await page.reload();
    await goToLibrary(page);
    const rows = page.locator('[data-quarantine-id]');
    expect(await rows.count()).toBe(2);
    const texts: string[] = [];
    for (let i = 0; i < 2; i++) texts.push((await downloaded(page, () => rows.nth(i).getByRole('button', { name: 'Download' }).click())).text);
    expect(texts).toContain(bad);
    // each download is the record exactly as it was found
    expect(texts.map((t) => (t.startsWith('{\n') ? JSON.parse(t) : null)).find((x) => x?.id === 'damaged')).toEqual({
      format: 'front-door-library-entry',
      id: 'damaged',
      versions: 'not a list',
    });
    await screenshot(page, 'library-1-could-not-be-read', false);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('2. opening a share link adds a scenario beside the autosaved edits (by address and by hashchange)', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '17');
    await settle(page);
    const linked = structuredClone(PRESETS[0]!);
    linked.name = 'Panel’s proposal';
    linked.frontDoor.qualifiedScreeners = 9;
    const link = `${app.url}#${encodeScenario(linked)}`;
    // A new tab of the same browser opens the link.
    const other = await context.newPage();
    await other.goto(link);
    await other.getByRole('heading', { level: 1, name: 'Panel’s proposal' }).waitFor();
    expect(await notice(other, 'opened').textContent()).toMatch(
      /“Panel’s proposal” is saved as a new scenario in My scenarios\..*What you had open, “Kent 2010.*”, is unchanged there/,
    );
    await screenshot(other, 'library-2-opened-beside', false);
    await goToLibrary(other);
    expect(await entryNames(other)).toHaveLength(2);
    await other
      .locator('.library__entry', { hasNotText: 'Panel’s proposal' })
      .getByRole('button', { name: /^Open / })
      .click();
    await goToExplore(other);
    await other.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    expect(await other.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('17');

    // The same link pasted into the first tab's address bar (a hashchange).
    linked.name = 'Panel’s second proposal';
    await page.evaluate((h) => (location.hash = h), encodeScenario(linked));
    await page.getByRole('heading', { level: 1, name: 'Panel’s second proposal' }).waitFor();
    await notice(page, 'opened').waitFor();
    await settle(page);
    await goToLibrary(page);
    await page.reload();
    await goToLibrary(page);
    expect((await entryNames(page)).join('|')).toMatch(/Panel’s second proposal.*\|.*Panel’s proposal.*\|.*Kent 2010/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('3. two tabs editing one scenario: the second save is kept as a copy, with a warning, and neither is lost', async () => {
    const { context, page: a } = await newPage(app.browser);
    await a.goto(app.url);
    await a.fill('#field-frontDoor-unqualifiedScreeners', '11');
    await settle(a);
    const b = await context.newPage();
    await b.goto(app.url.replace(/#.*$/, ''));
    await b.getByRole('heading', { level: 1 }).waitFor();
    expect(await b.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('11');
    // A saves again; B is told at once.
    await a.fill('#field-frontDoor-unqualifiedScreeners', '12');
    await notice(b, 'other-tab').waitFor();
    expect(await notice(b, 'other-tab').textContent()).toMatch(/was just changed in another tab/);
    // B's edit goes to a copy, not over A's.
    await b.fill('#field-frontDoor-qualifiedScreeners', '7');
    await notice(b, 'conflict').waitFor();
    expect(await notice(b, 'conflict').textContent()).toMatch(/was also changed in another tab\..*now saved as “Kent 2010.*\(this tab’s copy\)”/);
    await screenshot(b, 'library-3-conflict', false);
    await b.fill('#field-frontDoor-qualifiedScreeners', '8');
    await settle(b);
    await a.reload();
    expect(await a.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('12');
    expect(await a.inputValue('#field-frontDoor-qualifiedScreeners')).not.toBe('8');
    await b.reload();
    expect(await b.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('11');
    expect(await b.inputValue('#field-frontDoor-qualifiedScreeners')).toBe('8');
    await goToLibrary(b);
    expect((await entryNames(b)).join('|')).toMatch(/this tab’s copy/);
    expect(pageErrors(a)).toEqual([]);
    expect(pageErrors(b)).toEqual([]);
    await context.close();
  });

  it('4. a draft breaking a cross-field rule is saved and comes back after a reload, problems shown', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.locator('#section-need > summary').click();
    await page.fill('#field-need-moderateLevel', '90');
    await page.locator('#field-need-moderateLevel').blur();
    await page.locator('.error-summary').waitFor();
    await settle(page);
    expect(await page.evaluate(() => location.hash)).toBe(''); // no stale link left in the address
    await page.reload();
    await page.locator('#section-need > summary').click();
    expect(await page.inputValue('#field-need-moderateLevel')).toBe('90');
    expect(await page.locator('.error-summary').textContent()).toMatch(/need levels must rise/);
    await goToLibrary(page);
    expect(await page.locator('.library__entry', { hasText: 'draft with problems' }).count()).toBe(1);
    await screenshot(page, 'library-4-draft-kept', false);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('5. a scenario larger than the storage quota: the user is told what to do, can save it as a file, and earlier work is intact', async () => {
    const { context, page } = await newPage(app.browser);
    // A small quota, as a full disk or a strict browser gives. Chromium 156 ignores the DevTools
    // quota override (Storage.overrideQuotaForOrigin left navigator.storage.estimate() unchanged),
    // so IndexedDB refuses large values here exactly as it reports a full quota: QuotaExceededError.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const limit = (window as unknown as { quotaBytes?: number }).quotaBytes;
        if (limit !== undefined && JSON.stringify(value).length > limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.call(this, value, key);
      };
    });
    await page.goto(app.url);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '13');
    await settle(page);
    await page.evaluate(() => ((window as unknown as { quotaBytes?: number }).quotaBytes = 400_000));
    const big = bigScenario(800_000, 'A very large scenario');
    await page.setInputFiles('#scenario-file', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await page.getByRole('heading', { level: 1, name: 'A very large scenario' }).waitFor();
    await notice(page, 'storage').waitFor({ timeout: 10_000 });
    expect(await notice(page, 'storage').textContent()).toMatch(
      /Your latest changes are not saved in this browser\..*storage for Front Door is full \(using [\d.,]+ MB of the [\d.,]+ MB this browser allows\)\. Save the scenario as a file now/,
    );
    await screenshot(page, 'library-5-quota', false);
    const file = await downloaded(page, () => notice(page, 'storage').getByRole('button', { name: 'Save as a file' }).click());
    expect(JSON.parse(file.text)).toMatchObject({ name: 'A very large scenario', sources: big.sources });
    // The earlier scenario was never touched: it is in My scenarios with its edit.
    await goToLibrary(page);
    const earlier = page.locator('.library__entry', { hasText: 'Kent 2010' });
    await earlier.getByRole('button', { name: /^Open / }).click();
    await goToExplore(page);
    expect(await page.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('13');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('6. a scenario whose link is longer than browsers keep: no stale link in the address, the user told to save a file, a reload keeps it', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '14');
    await settle(page);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#v2\./);
    const big = bigScenario(URL_BROWSER_MAX_LENGTH + 200_000, 'Scenario too large for a link');
    expect(encodeScenario(big).length).toBeGreaterThan(URL_BROWSER_MAX_LENGTH);
    await page.setInputFiles('#scenario-file', { name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
    await page.getByRole('heading', { level: 1, name: 'Scenario too large for a link' }).waitFor();
    await notice(page, 'link-too-long').waitFor();
    expect(await notice(page, 'link-too-long').textContent()).toMatch(/too large to carry in a link.*browsers keep at most 1,048,572.*save it as a file/);
    await settle(page);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.getByRole('button', { name: 'Copy link' }).isDisabled()).toBe(true);
    await screenshot(page, 'library-6-link-too-long', false);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Scenario too large for a link' }).waitFor();
    await goToLibrary(page);
    expect((await entryNames(page)).join('|')).toMatch(/Scenario too large for a link.*\|.*Kent 2010/);
    await context.close();
  });

  it('7. a tiny link nesting a patch 5,000 deep, or a newer link format, shows a notice and leaves the work alone', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '15');
    await settle(page);
    const link = nestedLink(5000);
    expect(link.length).toBeLessThan(200);
    // by hashchange
    await page.evaluate((h) => (location.hash = h), link);
    await page.getByText('The scenario in this link could not be used. Your scenario is unchanged.').waitFor();
    expect(await page.locator('.notice--error').first().textContent()).toMatch(/nests more than 32 levels deep/);
    expect(await page.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('15');
    // by opening the address
    const other = await context.newPage();
    await other.goto(`${app.url}#${link}`);
    await other.getByText(/The scenario in this link could not be used/).waitFor();
    expect(await other.inputValue('#field-frontDoor-unqualifiedScreeners')).toBe('15');
    await screenshot(other, 'library-7-nested-link', false);
    // a link from a newer version
    await other.evaluate(() => (location.hash = 'v3.AAAA'));
    await other.getByText(/made by a newer version of Front Door \(link format v3\)/).waitFor();
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(other)).toEqual([]);
    await context.close();
  });

  it('My scenarios: rename, duplicate, delete with undo, open an earlier version, export all and import elsewhere', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.fill('#field-frontDoor-unqualifiedScreeners', '16');
    await settle(page);
    await goToLibrary(page);
    const first = page.locator('.library__entry[data-entry-id]').first();
    await first.getByRole('button', { name: /^Rename / }).click();
    await first.getByRole('textbox').fill('Option A');
    await first.getByRole('button', { name: 'Save name' }).click();
    await page.locator('.library__name', { hasText: 'Option A' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate Option A' }).click();
    await page.locator('.library__name', { hasText: 'Option A (copy)' }).waitFor();
    await page.getByRole('button', { name: 'Delete Option A (copy)' }).click();
    await notice(page, 'deleted').waitFor();
    expect(await entryNames(page)).toHaveLength(1);
    await notice(page, 'deleted').getByRole('button', { name: 'Undo' }).click();
    await page.locator('.library__name', { hasText: 'Option A (copy)' }).waitFor();
    const exported = await downloaded(page, () => page.getByRole('button', { name: 'Export all scenarios' }).click());
    const all = JSON.parse(exported.text) as { format: string; entries: { label: string | null; versions: unknown[] }[] };
    expect(all.format).toBe('front-door-library-export');
    expect(all.entries.map((e) => e.label).sort()).toEqual(['Option A', 'Option A (copy)']);
    // Another browser profile imports the export: both scenarios, with their history.
    const elsewhere = await newPage(app.browser);
    await elsewhere.page.goto(app.url);
    await goToLibrary(elsewhere.page);
    await elsewhere.page.setInputFiles('#library-import', { name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await notice(elsewhere.page, 'import').waitFor();
    expect(await notice(elsewhere.page, 'import').textContent()).toMatch(/Imported 2 scenarios from front-door-scenarios-[\d-]+\.json/);
    expect((await entryNames(elsewhere.page)).join('|')).toMatch(/Option A.*\|.*Option A/);
    await elsewhere.context.close();
    // history: the preset as first opened is an earlier version of Option A
    await page
      .locator('.library__entry', { hasText: /^Option Aopen/ })
      .locator('summary', { hasText: 'Earlier versions' })
      .click();
    await page
      .locator('.library__entry', { hasText: /^Option Aopen/ })
      .getByRole('button', { name: /Open as a copy/ })
      .first()
      .click();
    await goToExplore(page);
    await page.getByRole('heading', { level: 1, name: /Kent 2010/ }).waitFor();
    expect(await page.inputValue('#field-frontDoor-unqualifiedScreeners')).not.toBe('16');
    await goToLibrary(page);
    await screenshot(page, 'library-my-scenarios', false);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
