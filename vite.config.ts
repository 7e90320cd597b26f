import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { buildInfo } from './build/buildInfo.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './build/securityHeaders.ts';
import { serviceWorker } from './build/serviceWorker.ts';
import { singleFile } from './build/singleFile.ts';
import { defaultRunForBuild, shippedRunsForBuild, shippedRunsPlugin } from './build/shippedRunsPlugin.ts';

export { CONTENT_SECURITY_POLICY } from './build/securityHeaders.ts';

/**
 * The hosted page's head: its Content-Security-Policy (build only: Vite's dev server injects
 * inline scripts), the icon and the web app manifest (public/). The single file gets its own
 * hash-based policy and no links to other files (build/singleFile.ts).
 */
const hostedHead = (): Plugin => ({
  name: 'front-door-hosted-head',
  apply: 'build',
  transformIndexHtml: (html) =>
    html
      .replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`)
      .replace(
        '<link rel="icon" href="data:," />',
        '<link rel="icon" href="./icon.svg" type="image/svg+xml" />\n    <link rel="apple-touch-icon" href="./icon-192.png" />\n    <link rel="manifest" href="./manifest.webmanifest" />\n    <meta name="theme-color" content="#12436d" />',
      ),
});

// One config for the app and the tests. Tests run in Node by default; the e2e suite drives
// Debian's Chromium itself through playwright-core (see test/e2e/), so no browser download.
// `vite build` makes the hosted site (with sw.js); `vite build --mode single` adds the single file
// dist/front-door.html (`npm run build` does both).
export default defineConfig(async ({ command, mode }) => {
  const single = mode === 'single';
  const info = buildInfo();
  const hosted = command === 'build' && !single;
  // Every preset's run at the default settings, shipped with the hosted build (src/worker/shippedRuns.ts).
  const cacheDir = 'node_modules/.cache/front-door/shipped-runs';
  const runs = hosted ? await shippedRunsForBuild(info.code, cacheDir) : [];
  // The single file has no folder to ship runs in: it carries the default preset's in its code (DESIGN 76).
  const embedded = command === 'build' && single ? await defaultRunForBuild(info.code, cacheDir) : null;
  return {
    base: './',
    plugins: [react(), ...(single ? singleFile() : [hostedHead(), shippedRunsPlugin(runs), serviceWorker()])],
    // The single file's workers are classic: Chromium refuses module workers from blob: URLs made
    // by a file:// page (origin null), and runs classic ones.
    worker: { format: single ? ('iife' as const) : ('es' as const) },
    define: {
      __FRONT_DOOR_VERSION__: JSON.stringify(info.version),
      __FRONT_DOOR_BUILD_DATE__: JSON.stringify(info.date),
      __FRONT_DOOR_SINGLE_FILE__: JSON.stringify(single),
      // Replications kept between visits (src/worker/resultStore.ts) only in a build of the hosted
      // site: the dev server's code changes under a digest taken when it started.
      __FRONT_DOOR_CODE__: JSON.stringify(hosted ? info.code : ''),
      __FRONT_DOOR_SHIPPED_RUNS__: JSON.stringify(runs.map((r) => r.name)),
      // "<" escaped: the single file's script is inline, and no "</script>" may appear in it.
      __FRONT_DOOR_EMBEDDED_RUN__: JSON.stringify(embedded ? { code: info.code, name: embedded.name, json: embedded.json } : null).replaceAll('<', '\\u003c'),
    },
    preview: { headers: { ...SECURITY_HEADERS } },
    test: {
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      // test/e2e/ drives Chromium and runs only under vitest.e2e.config.ts (its files end in .e2e.ts).
      exclude: [...configDefaults.exclude, 'test/e2e/**'],
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  };
});
