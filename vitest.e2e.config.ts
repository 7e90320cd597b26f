import { defineConfig } from 'vitest/config';

// End-to-end tests: build the app, serve dist/ with Vite's preview server, and drive Debian's
// Chromium through playwright-core (test/e2e/harness.ts). Run with `npm run e2e`.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
