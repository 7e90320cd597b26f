import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import { small } from '../fixtures/small.ts';

/** Helpers for the CLI's tests: in-process runs, the built executable, and scratch folders. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A fresh scratch folder under the system's temporary folder. */
export const scratch = (tag: string) => mkdtempSync(join(tmpdir(), `front-door-${tag}-`));

/** Runs `front-door …` in this process; stdout, stderr and the exit code. */
export async function run(argv: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Writes the small test scenario into `dir` and returns its path. */
export function smallScenarioFile(dir: string, name = 'small.json'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(small));
  return file;
}

let built: string | undefined;
/** Builds the CLI with the project's own build script (once per test file) into a scratch folder; the path of front-door.mjs. */
export function builtCli(): string {
  if (!built) {
    const out = scratch('bin');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), out], { stdio: 'pipe' });
    built = join(out, 'front-door.mjs');
  }
  return built;
}

/** Runs the built CLI as its own process (optionally under `sh -c` with a prefix such as `ulimit -f 4;`). */
export function runBin(
  argv: string[],
  opts: { cwd?: string; shellPrefix?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): SpawnSyncReturns<string> {
  const bin = builtCli();
  const common = { cwd: opts.cwd ?? ROOT, encoding: 'utf8' as const, timeout: opts.timeoutMs ?? 60_000, env: { ...process.env, ...opts.env } };
  if (opts.shellPrefix) {
    const quoted = [process.execPath, bin, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    return spawnSync('sh', ['-c', `${opts.shellPrefix} exec ${quoted}`], common);
  }
  return spawnSync(process.execPath, [bin, ...argv], common);
}

/** Starts the built CLI without waiting (for signals). */
export function startBin(argv: string[], cwd = ROOT) {
  return spawn(process.execPath, [builtCli(), ...argv], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A stack trace's tell-tale line (`    at fn (file:1:2)`). */
export const STACK = /\n\s+at .+[:(]/;
