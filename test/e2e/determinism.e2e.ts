import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launch, newPage } from './harness.ts';
import { recordsDigest } from '../fixtures/digest.ts';
import { smallScenario } from '../fixtures/small.ts';

/**
 * Issue 2: the same seed gives identical records in Node and in the browser. Vite's dev server
 * serves the engine's TypeScript modules to Chromium, which runs the same replication; the
 * digests of every record, in order, must match Node's.
 */
let server: ViteDevServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  server = await createServer({ logLevel: 'error', server: { host: '127.0.0.1', port: 0, hmr: false } });
  await server.listen();
  const address = server.httpServer!.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  url = `http://127.0.0.1:${address.port}/`;
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('determinism across runtimes', () => {
  it('Chromium and Node produce identical records for the same scenario and seed', async () => {
    const node = recordsDigest(smallScenario, 42, 60);
    const { page, context } = await newPage(browser);
    await page.goto(url);
    // A string, not a function: vitest would rewrite a dynamic import inside a function body.
    const inBrowser = await page.evaluate(`(async () => {
      const { recordsDigest } = await import('/test/fixtures/digest.ts');
      const { smallScenario } = await import('/test/fixtures/small.ts');
      return recordsDigest(smallScenario, 42, 60);
    })()`);
    await context.close();
    expect(node.records).toBeGreaterThan(1000);
    expect(inBrowser).toEqual(node);
  }, 300_000); // each side builds the warm-start template first (years of the county)
});
