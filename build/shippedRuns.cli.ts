import { join } from 'node:path';
import { DEFAULT_PRESET_ID, getPreset, PRESETS } from '../src/scenario/presets.ts';
import { shippedRuns } from './shippedRuns.ts';

/**
 * `node --import tsx build/shippedRuns.cli.ts <code> <cacheDir> <part> <parts>`: computes (or finds
 * in the cache) the shipped runs of every `parts`-th preset from `part`, and prints their files'
 * names and paths as JSON. Started by shippedRunsPlugin.ts, one process per core. With `default`
 * for `<part> <parts>`, only the default preset's run (the one the single file carries).
 */
const [code, cacheDir, part, parts] = process.argv.slice(2);
const p = Number(part);
const n = Number(parts);
const onlyDefault = part === 'default' && parts === undefined;
if (!code || !cacheDir || (!onlyDefault && (!Number.isInteger(p) || !Number.isInteger(n) || n < 1 || p < 0 || p >= n))) {
  console.error('usage: shippedRuns.cli.ts <code> <cacheDir> (<part> <parts> | default)');
  process.exit(2);
}
const mine = onlyDefault ? [getPreset(DEFAULT_PRESET_ID)!] : PRESETS.filter((_, i) => i % n === p);
const runs = shippedRuns(code, cacheDir, mine);
console.log(JSON.stringify(runs.map((r) => ({ name: r.name, path: join(cacheDir, `${r.name}.json`) }))));
