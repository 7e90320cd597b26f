/**
 * `npx tsx test/bench/openToResults.ts` (after `npm run build`): time from opening Front Door to
 * its first results, for the single file from disk and for the hosted build from `vite preview`,
 * alternating so both see the same machine load. Each run: open the page in a fresh Chromium
 * context, wait for the heading ("ready"), press Run simulation with the app's own settings
 * (20 replications of 455 days of kent-2010) and wait for the finished status ("first results").
 * Prints medians and the load average. A benchmark, not a test: nothing here passes or fails.
 */
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Number(values.runs));
const dist = join(process.cwd(), 'dist');
const server = await preview({ logLevel: 'error', build: { outDir: dist }, preview: { host: '127.0.0.1', port: 0 } });
const address = server.httpServer.address();
if (!address || typeof address === 'string') throw new Error('preview server has no port');
const targets = { 'single file (file://)': pathToFileURL(join(dist, 'front-door.html')).href, 'hosted (vite preview)': `http://127.0.0.1:${address.port}/` };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const times: Record<string, { ready: number[]; results: number[] }> = {};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(
  `load average before: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} on ${os.cpus().length} cores`,
);
for (let i = 0; i < RUNS; i++) {
  for (const [name, url] of Object.entries(targets)) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const ready = performance.now() - t0;
    await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
    await page.locator('[data-run-status="done"]').waitFor({ timeout: 300_000 });
    const results = performance.now() - t0;
    (times[name] ??= { ready: [], results: [] }).ready.push(ready);
    times[name].results.push(results);
    console.log(`${name}: ready ${Math.round(ready)} ms, first results ${Math.round(results)} ms`);
    await context.close();
  }
}
for (const [name, t] of Object.entries(times))
  console.log(`median ${name}: ready ${Math.round(median(t.ready))} ms, first results ${Math.round(median(t.results))} ms (${RUNS} runs)`);
console.log(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')}`,
);
await browser.close();
await new Promise<void>((r) => server.httpServer.close(() => r()));
