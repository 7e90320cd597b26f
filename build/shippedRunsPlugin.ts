import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

/**
 * The runs a hosted build ships (src/worker/shippedRuns.ts): computed by shippedRuns.cli.ts in one
 * child process per core (at most two: the eleven presets split into two near-equal halves), so
 * Vite's config never loads the engine and a fresh build of the runs takes about 20 s on two
 * cores, not 40. Each process reads what the cache folder already holds, so a later build of the
 * same source only starts them.
 */

/** One shipped file: its name (runs/<name>.json) and its JSON text. */
export interface ShippedRunText {
  name: string;
  json: string;
}

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('./shippedRuns.cli.ts', import.meta.url));

/** Computes or recalls every shipped run for source digest `code`; a failure fails the build. */
export async function shippedRunsForBuild(code: string, cacheDir: string): Promise<ShippedRunText[]> {
  const parts = Math.max(1, Math.min(2, availableParallelism()));
  const outputs = await Promise.all(
    Array.from({ length: parts }, (_, part) =>
      run(process.execPath, ['--import', 'tsx', CLI, code, cacheDir, String(part), String(parts)], { maxBuffer: 1 << 20 }).catch(
        (e: Error & { stderr?: string }) => {
          throw new Error(`the shipped runs could not be computed: ${e.stderr || e.message}`);
        },
      ),
    ),
  );
  return outputs.flatMap(({ stdout }) =>
    (JSON.parse(stdout) as { name: string; path: string }[]).map(({ name, path }) => ({ name, json: readFileSync(path, 'utf8') })),
  );
}

/**
 * The default preset's run at the default settings (src/scenario/presets.ts, DEFAULT_PRESET_ID),
 * computed or recalled as for the hosted build, for the single file to carry in its code (it has
 * no folder to ship files in). DESIGN 76.
 */
export async function defaultRunForBuild(code: string, cacheDir: string): Promise<ShippedRunText> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', CLI, code, cacheDir, 'default'], { maxBuffer: 1 << 20 }).catch(
    (e: Error & { stderr?: string }) => {
      throw new Error(`the default run could not be computed: ${e.stderr || e.message}`);
    },
  );
  const [only] = JSON.parse(stdout) as { name: string; path: string }[];
  if (!only) throw new Error('the default run could not be computed: the build script named no file');
  return { name: only.name, json: readFileSync(only.path, 'utf8') };
}

/** Vite plugin of the hosted build that emits the shipped runs as runs/<name>.json. */
export function shippedRunsPlugin(runs: readonly ShippedRunText[]): Plugin {
  return {
    name: 'front-door-shipped-runs',
    apply: 'build',
    generateBundle() {
      for (const r of runs) this.emitFile({ type: 'asset', fileName: `runs/${r.name}.json`, source: r.json });
    },
  };
}
