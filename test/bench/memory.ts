/**
 * Retained memory over a long run (run with --expose-gc by `npm run bench`): after a full
 * collection at the end of each simulated year, the V8 heap in use and the cases open. Memory
 * should follow open cases, not the length of the run. Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/scenario/parse.ts';
import { createRun } from '../../src/sim/engine.ts';
import { addRecord, createAccumulator } from '../../src/sim/metrics.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const years = Number(process.argv[2] ?? 5);
const p = parseScenario(JSON.parse(readFileSync(new URL('../../seeds/kent-2010.json', import.meta.url), 'utf8')));
if (!p.ok) throw new Error('kent-2010 does not parse');
const acc = createAccumulator(p.value, years * 365, 0);
const run = createRun(p.value, { days: years * 365, seed: 1, onRecord: (r) => addRecord(acc, r) });
gc();
const base = process.memoryUsage().heapUsed;
const rows: { year: number; retainedMb: number; openCases: number }[] = [];
for (let y = 1; y <= years; y++) {
  run.runUntil(y * 365 * 24 - 1);
  gc();
  rows.push({ year: y, retainedMb: Number(((process.memoryUsage().heapUsed - base) / 2 ** 20).toFixed(2)), openCases: run.openCases().length });
}
console.log(JSON.stringify(rows));
