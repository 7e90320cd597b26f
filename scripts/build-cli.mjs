// `npm run build:cli`: the command-line tool as plain JavaScript in build/cli/, so `front-door`
// starts without compiling TypeScript (tsx took 1.5 s before printing --help). esbuild comes with
// Vite and tsx; it bundles zod, xstate and the presets, and splits each command into its own chunk
// so --help loads none of them. The worker threads are further entries, found beside their callers.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ?? join(root, 'build', 'cli');

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { 'front-door': 'src/cli/bin.ts', replicationWorker: 'src/cli/replicationWorker.ts', variantWorker: 'src/cli/variantWorker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
chmodSync(join(outdir, 'front-door.mjs'), 0o755);
console.log(`built ${join(outdir, 'front-door.mjs')}`);
