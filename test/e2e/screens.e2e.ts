import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeAllViolations, newPage, pageErrors, screenshot, withBuiltApp } from './harness.ts';

/**
 * Every view at a phone (390×844), a laptop (1366×768) and a large screen (1920×1080), before and
 * after its runs: no sideways scroll, axe clean with best-practice rules (and Label in Name), a
 * screenshot of each in test-artifacts/e2e/screens-*.png. Run a few Tabs from the top, and the
 * reason it is off beside it; saved charts captioned. The trainer: the diagram above the fold,
 * every word at least 18 px at 1920 when presenting, Escape leaves presentation mode, two front
 * doors stacked, axe clean while following a child.
 */

const app = withBuiltApp();

const SIZES = [
  { name: '390', width: 390, height: 844 },
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

const VIEWS = ['Explore', 'Compare', 'Sweep', 'Sensitivity', 'Report', 'Trainer', 'About'] as const;
type View = (typeof VIEWS)[number];

async function goTo(page: Page, view: View): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view, exact: true }).click();
  if (view === 'Trainer') await page.locator('svg.trainer-diagram [data-state="closed"]').first().waitFor();
  await page.waitForTimeout(250);
}

/** How far the page scrolls sideways (0 is right), and the outermost elements that stick out. */
async function sideways(page: Page): Promise<{ scroll: number; widest: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const widest: string[] = [];
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 1 || clipped(el)) continue;
      const parent = el.parentElement?.getBoundingClientRect();
      if (!parent || parent.right <= vw + 1) widest.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')}#${el.id} right=${Math.round(r.right)}`);
    }
    return { scroll: document.documentElement.scrollWidth - vw, widest: widest.slice(0, 8) };
  });
}

/** Screenshots, sideways scroll and axe for `views` at `sizes`, recorded under `state`. */
async function survey(page: Page, state: string, views: readonly View[], sizes: readonly (typeof SIZES)[number][], problems: string[]): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const view of views) {
      await goTo(page, view);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `screens-${state}-${view.toLowerCase()}-${size.name}`, false);
      const before = problems.length;
      const side = await sideways(page);
      if (side.scroll > 0) problems.push(`${state} ${view} at ${size.name}: scrolls sideways by ${side.scroll}px: ${side.widest.join(', ')}`);
      for (const v of await axeAllViolations(page)) problems.push(`${state} ${view} at ${size.name}: ${v}`);
      if (problems.length > before) console.log(problems.slice(before).join('\n'));
    }
  }
}

/** Tab presses from the top of the page, freshly loaded, until `name` has focus (or `limit`). */
async function tabsTo(page: Page, name: string, limit = 40): Promise<number> {
  await page.reload(); // (a goto to the same address with its #scenario would not reload, and focus would stay)
  await page.getByRole('heading', { level: 1 }).waitFor();
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) return i;
  }
  return Infinity;
}

describe('every view at 390, 1366 and 1920 px', () => {
  // One page, as a user would go: every view before any run, small runs, every view after them.
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    ({ context, page } = await newPage(app.browser));
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  for (const size of SIZES)
    it(`before any run, at ${size.name} px: no sideways scroll, axe clean with best practices`, async () => {
      const problems: string[] = [];
      await survey(page, 'before', VIEWS, [size], problems);
      expect(problems).toEqual([]);
    }, 300_000);

  it('runs small runs in Explore, Compare and Sweep', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await goTo(page, 'Explore');
    await page.fill('#run-reps', '3');
    await page.fill('#run-days', '150');
    await page.fill('#run-warmupDays', '30');
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 240_000 });
    await goTo(page, 'Compare');
    await page.fill('#compare-reps', '3');
    await page.fill('#compare-days', '150');
    await page.fill('#compare-warmupDays', '30');
    await page.getByRole('button', { name: 'Run comparison', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 240_000 });
    await goTo(page, 'Sweep');
    await page.selectOption('#sweep-param', 'socialWorkerPosts');
    await page.fill('#sweep-from', '4');
    await page.fill('#sweep-to', '10');
    await page.fill('#sweep-steps', '3');
    await page.fill('#sweep-reps', '3');
    await page.fill('#sweep-days', '150');
    await page.fill('#sweep-warmupDays', '30');
    await page.getByRole('button', { name: 'Run sweep', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 240_000 });
  }, 600_000);

  for (const size of SIZES)
    it(`after the runs, at ${size.name} px: no sideways scroll, axe clean with best practices`, async () => {
      const problems: string[] = [];
      await survey(page, 'after', ['Explore', 'Compare', 'Sweep', 'Report'], [size], problems);
      expect(problems).toEqual([]);
    }, 300_000);

  it('saves a chart captioned with the measure, the scenario and the date', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await goTo(page, 'Explore');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Save as SVG\s*: Re-referral rate$/ }).click()]);
    const svg = readFileSync(await download.path(), 'utf8');
    expect(svg).toContain('>Re-referral rate</text>');
    expect(svg).toMatch(/>Kent 2010[^<]* · Front Door simulation, \d{1,2} [A-Z][a-z]+ \d{4}<\/text>/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('Run is a few Tabs from the top at every size, stays in reach as the page scrolls, and says why it is off', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const counts: Record<string, number> = {};
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      counts[size.name] = await tabsTo(page, 'Run simulation');
      // Scrolled to the bottom of the scenario editor, Run is still on screen.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const box = await page.getByRole('button', { name: 'Run simulation', exact: true }).boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= size.height, `Run on screen at ${size.name}`).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    console.log('Tab presses from the top to Run:', JSON.stringify(counts));
    // The skip link, nine views (Fit my authority joined them) and (at the wider sizes) a notice's Dismiss come first: 11 at 390, 12 at 1366 and 1920.
    for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(12);
    // An invalid value turns Run off, and the reason is beside it, in words, naming the field.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.fill('#field-frontDoor-referralThreshold', '150');
    const run = page.getByRole('button', { name: 'Run simulation', exact: true });
    expect(await run.isDisabled()).toBe(true);
    const reasonId = await run.getAttribute('aria-describedby');
    const reason = (await page.locator(`[id="${reasonId}"]`).textContent()) ?? '';
    expect(reason).toMatch(/^Run is off until the problem in the scenario is fixed\. First: .+ must be at most 100, not 150\.$/);
    const [r, b] = [await page.locator(`[id="${reasonId}"]`).boundingBox(), await run.boundingBox()];
    expect(r && b && Math.abs(r.y - b.y) < 200).toBe(true);
    await screenshot(page, 'screens-explore-run-off-390', false);
    expect(await axeAllViolations(page)).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('the trainer, for a room', () => {
  it('has its diagram above the fold at 1366×768 and 1920×1080, and the whole of it on screen', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    for (const size of SIZES.slice(1)) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await goTo(page, 'Trainer');
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = (await page.locator('svg.trainer-diagram').first().boundingBox())!;
      console.log(`diagram at ${size.name}: top ${Math.round(box.y)}, bottom ${Math.round(box.y + box.height)} of ${size.height}`);
      expect(box.y).toBeLessThan(size.height / 3);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
    await context.close();
  }, 300_000);

  it('presents with every word at least 18 px at 1920, stacks two front doors, and Escape leaves', async () => {
    const { context, page } = await newPage(app.browser);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(app.url);
    await goTo(page, 'Trainer');
    await page.getByRole('button', { name: /^Presentation mode/ }).click();
    await page.waitForTimeout(400);
    const smallest = await page.evaluate(() => {
      const sizes: [string, number][] = [];
      const svg = document.querySelector('svg.trainer-diagram') as SVGSVGElement;
      const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const t of document.querySelectorAll('section.trainer svg.trainer-diagram text'))
        sizes.push([t.textContent ?? '', parseFloat(getComputedStyle(t).fontSize) * k]);
      for (const el of document.querySelectorAll('section.trainer .trainer-screen *')) {
        if (el.closest('svg') || el.closest('.visually-hidden') || !(el as HTMLElement).offsetParent) continue;
        if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()))
          sizes.push([el.textContent ?? '', parseFloat(getComputedStyle(el).fontSize)]);
      }
      return sizes.sort((a, b) => a[1] - b[1]).slice(0, 3);
    });
    console.log('smallest text presenting at 1920 (px):', JSON.stringify(smallest));
    expect(smallest[0]![1]).toBeGreaterThanOrEqual(18);
    await screenshot(page, 'screens-trainer-presenting-1920', false);
    expect(await axeAllViolations(page)).toEqual([]);
    // Escape leaves presentation mode, wherever focus is (here: in a field, where shortcuts are off).
    await page.locator('#trainer-speed').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('section.trainer').getAttribute('class')).not.toMatch(/presenting/);
    // Two front doors: stacked, each full width, so neither shrinks to half-size text.
    await page.getByLabel('Side by side with').check();
    await page.locator('figure.trainer-pane[data-pane="1"] svg.trainer-diagram [data-state="closed"]').waitFor();
    const [a, b] = [
      await page.locator('figure.trainer-pane[data-pane="0"]').boundingBox(),
      await page.locator('figure.trainer-pane[data-pane="1"]').boundingBox(),
    ];
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
    expect(Math.abs(a!.width - b!.width)).toBeLessThan(1);
    await screenshot(page, 'screens-trainer-two-doors-1920', true);
    expect(await axeAllViolations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 300_000);

  it('following a child: the journey list scrolls with the keyboard and the page stays axe clean, at every size', async () => {
    const { context, page } = await newPage(app.browser);
    await page.goto(app.url);
    await goTo(page, 'Trainer');
    await page.selectOption('#trainer-speed', '3');
    await page.getByRole('button', { name: /^Play/ }).click();
    await page.waitForFunction(() => Number(document.querySelector('section.trainer')?.getAttribute('data-now')) > 24 * 60, null, {
      timeout: 120_000,
      polling: 200,
    });
    await page.getByRole('button', { name: /^Pause/ }).click();
    expect(Number(await page.locator('svg.trainer-diagram [data-state="services.childInNeed"]').first().getAttribute('data-now'))).toBeGreaterThan(0);
    await page.locator('svg.trainer-diagram [data-state="services.childInNeed"]').first().press('Enter');
    await page.locator('ol.trainer-timeline').first().waitFor({ timeout: 90_000 });
    expect(await page.locator('.trainer-timeline-box').first().getAttribute('tabindex')).toBe('0');
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.waitForTimeout(300);
      await screenshot(page, `screens-trainer-following-${size.name}`, false);
      expect((await sideways(page)).scroll, `sideways at ${size.name}`).toBe(0);
      expect(await axeAllViolations(page), `axe at ${size.name}`).toEqual([]);
    }
    // Dots show one dimension at a time unless both are asked for; the key follows.
    expect(await page.locator('#trainer-dots-show').inputValue()).toBe('need');
    expect(await page.getByText('Shape: who contacted').count()).toBe(0);
    await page.selectOption('#trainer-dots-show', 'agency');
    expect(await page.getByText('Colour: true need').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 300_000);
});
