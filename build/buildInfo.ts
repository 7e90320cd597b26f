import { readFileSync } from 'node:fs';

/**
 * What a build says about itself (the About page shows it beside "Download Front Door as one
 * file"): the package version and the build date, from SOURCE_DATE_EPOCH when set (reproducible
 * builds), otherwise today (UTC).
 */
export interface BuildInfo {
  version: string;
  date: string;
}

/** Reads the version from package.json and the date from the environment or the clock. */
export function buildInfo(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): BuildInfo {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return { version: pkg.version, date: when.toISOString().slice(0, 10) };
}
