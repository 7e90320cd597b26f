import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, pageErrors, screenshot, withBuiltApp } from './harness.ts';
import { SECURITY_HEADERS } from '../../build/securityHeaders.ts';

/**
 * Issue 7 in the browser: the built page carries a strict Content-Security-Policy and breaks
 * none of it; it talks to no other origin, and after it has loaded it asks its own origin only
 * for its own files (the workers' scripts); a simulation worker that dies is reported, the
 * scenario is kept, and the next run works. Issue 14 (item 5): `vite preview` sends the headers a
 * host should send (CSP with frame-ancestors 'none', nosniff, no referrer), and a page on another
 * origin cannot frame the app.
 */
const app = withBuiltApp();

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function smallRun(page: Page): Promise<void> {
  await page.getByLabel('Replications').fill('2');
  await page.getByLabel('Days measured').fill('60');
  await page.getByLabel('Warm-up days').fill('0');
}

describe('a static site that keeps everything on the machine', () => {
  it('has a strict CSP, breaks none of it, and makes no request beyond its own files', async () => {
    const { context, page } = await newPage(app.browser);
    await watchCsp(page);
    const requests: { url: string; method: string; afterLoad: boolean }[] = [];
    let loaded = false;
    context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), afterLoad: loaded }));
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    loaded = true;

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');

    await smallRun(page);
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 60_000 });
    await page
      .getByRole('tab', { name: 'Trainer' })
      .or(page.getByRole('link', { name: 'Trainer' }))
      .or(page.getByRole('button', { name: 'Trainer' }))
      .first()
      .click();
    await page.waitForTimeout(1500);

    const origin = new URL(app.url).origin;
    const elsewhere = requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    const late = requests.filter((r) => r.afterLoad && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
    for (const r of late) {
      expect(r.method, r.url).toBe('GET');
      // The workers' and the trainer's files, the presets' runs the build ships, and what the
      // service worker stores for offline use.
      expect(new URL(r.url).pathname, r.url).toMatch(
        /^\/(assets\/[\w.-]+\.(js|css|svg|png|woff2?)|runs\/[0-9a-f]+\.json|sw\.js|index\.html|manifest\.webmanifest|icon[\w-]*\.(svg|png))$/,
      );
    }
    expect(await violations(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    console.log(
      `security: ${requests.length} requests in all, ${late.length} after load (${[...new Set(late.map((r) => new URL(r.url).pathname.replace(/-[\w]+\.js$/, '.js')))].join(', ')}), none elsewhere; no CSP violations`,
    );
    await context.close();
  });

  it('a simulation worker that dies is reported in words, the scenario stays, and the next run works', async () => {
    const { context, page } = await newPage(app.browser);
    // The worker's file refused from the first request: the page computes the run on screen ahead
    // (worker/pool.ts `prepare`) a moment after it draws, so a route added later would find the
    // workers already running. Every worker the page starts dies at once, the ones the compute-ahead
    // starts included; only the user's Run may say so.
    await page.route('**/assets/sim.worker*.js', (route) => route.abort());
    await page.goto(app.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    await page.getByLabel('Days measured').fill('60');
    await smallRun(page);
    // The compute-ahead has tried (and failed) by now; nothing is reported until the user runs.
    await page.waitForTimeout(1_000);
    expect(await page.locator('[data-run-status="failed"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.locator('[data-run-status="failed"]').waitFor({ state: 'attached', timeout: 60_000 });
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/worker/i);
    await screenshot(page, 'security-worker-died', false);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    expect(await page.getByLabel('Days measured').inputValue()).toBe('60');
    await page.unroute('**/assets/sim.worker*.js');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 60_000 });
    await context.close();
  });

  it('vite preview sends the security headers with every file, and another page cannot frame the app', async () => {
    const paths = ['', 'index.html', 'sw.js', 'manifest.webmanifest', 'icon-192.png'];
    const html = await (await fetch(app.url)).text();
    paths.push(...[...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!));
    for (const path of paths) {
      const res = await fetch(new URL(path, app.url));
      expect(res.status, path).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${name} on /${path}`).toBe(value);
    }
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");

    // Framed from another origin: refused; the same page with the policy header taken away (the
    // control) loads, so it is the header that refuses it.
    const { context, page } = await newPage(app.browser);
    await page.route('http://elsewhere.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Framing</title><iframe src="${app.url}" title="app"></iframe>` }),
    );
    const framedUrl = async () => {
      await page.goto('http://elsewhere.test/');
      await page.waitForTimeout(1000);
      // Without its #fragment: a framed app that loaded writes its scenario there 0.25 s after it
      // draws (App.tsx), sooner or later than this reads it depending on the machine.
      return page
        .frames()
        .find((f) => f !== page.mainFrame())
        ?.url()
        .split('#')[0];
    };
    await page.route(app.url, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      await route.fulfill({ response, headers });
    });
    expect(await framedUrl()).toBe(app.url);
    await page.unroute(app.url);
    expect(await framedUrl()).toBe('chrome-error://chromewebdata/');
    await context.close();
  });
});
