import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

/**
 * End-to-end harness: builds the app, serves the build with Vite's preview server on a free port,
 * and drives Debian's Chromium through playwright-core (never a browser download).
 */

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where the e2e build goes: its own folder, so it never races a `vite build` into dist/. */
const OUT_DIR = join(process.cwd(), 'test-artifacts', 'e2e-dist');

/** Builds the app (quietly) and serves it on 127.0.0.1 at a free port. */
export async function buildAndServe(): Promise<{ server: PreviewServer; url: string }> {
  await build({ logLevel: 'error', build: { outDir: OUT_DIR, emptyOutDir: true } });
  const server = await preview({ logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

/** Launches the system Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** A fresh context (own storage) and page at 1280×800, with downloads allowed. */
export async function newPage(browser: Browser, opts: { reducedMotion?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  (page as Page & { errors: string[] }).errors = errors;
  return { context, page };
}

/** Errors the page logged or threw. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

/** Saves a full-page screenshot under test-artifacts/e2e/. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** WCAG 2.2 A and AA violations axe-core finds on the page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  );
}

/** The axe rule sets `axeAllViolations` checks: WCAG 2.0-2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const;

/** Rules axe marks experimental that we hold ourselves to as well (WCAG 2.5.3 Label in Name). */
export const AXE_EXTRA_RULES = ['label-content-name-mismatch'] as const;

/**
 * Violations of WCAG 2.2 A/AA, of axe's best-practice rules (heading order, landmarks, …) and of
 * `AXE_EXTRA_RULES`, as readable lines. Throws if an extra rule did not run (so the check cannot
 * pass by being skipped).
 */
export async function axeAllViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'tag', values: [...AXE_TAGS] }, rules: Object.fromEntries(AXE_EXTRA_RULES.map((r) => [r, { enabled: true }])) })
    .analyze();
  const ran = new Set([...result.passes, ...result.violations, ...result.incomplete, ...result.inapplicable].map((r) => r.id));
  for (const r of AXE_EXTRA_RULES) if (!ran.has(r)) throw new Error(`axe did not run ${r}`);
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
  );
}

/**
 * For a test file: builds and serves the app and launches Chromium before its tests, and closes
 * both after. Read `url` and `browser` inside tests (they are set once the hooks have run).
 */
export function withBuiltApp(): { readonly url: string; readonly browser: Browser } {
  const state = { url: '', browser: undefined as unknown as Browser, server: undefined as PreviewServer | undefined };
  beforeAll(async () => {
    const served = await buildAndServe();
    state.server = served.server;
    state.url = served.url;
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    await new Promise<void>((r) => (state.server ? state.server.httpServer.close(() => r()) : r()));
  });
  return state;
}
