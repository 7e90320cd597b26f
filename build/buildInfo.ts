import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What a build says about itself (the About page shows it beside "Download Front Door as one
 * file"): the package version and the build date, from SOURCE_DATE_EPOCH when set (reproducible
 * builds), otherwise today (UTC).
 */
export interface BuildInfo {
  version: string;
  date: string;
  /**
   * A digest of every source file the simulation could depend on (src/, models/, and the exact
   * versions of its dependencies in package-lock.json): replications a browser kept from an
   * earlier visit are reused only under the same digest (src/worker/resultStore.ts), so a change
   * to any of it makes them be computed again.
   */
  code: string;
}

/** SHA-256 (first 16 hex digits) of the paths and contents of every file at or under `paths`, in path order. */
export function codeDigest(root: string, paths: readonly string[]): string {
  const files: string[] = [];
  const add = (path: string): void => {
    if (!statSync(path).isDirectory()) files.push(path);
    else for (const name of readdirSync(path).sort()) add(join(path, name));
  };
  for (const path of paths) add(join(root, path));
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Reads the version from package.json and the date from the environment or the clock. */
export function buildInfo(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): BuildInfo {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  const root = fileURLToPath(new URL('..', import.meta.url));
  return { version: pkg.version, date: when.toISOString().slice(0, 10), code: codeDigest(root, ['src', 'models', 'package-lock.json']) };
}
