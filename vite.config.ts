import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the app and the tests. Tests run in Node by default; the e2e suite drives
// Debian's Chromium itself through playwright-core (see test/e2e/), so no browser download.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
