/**
 * `npm run bench`: speed and memory of the engine on kent-2010 and on a 10x county (10x demand,
 * 10x staff), beside a bare M/M/c loop (baseline.ts). Prints medians of several runs. A
 * benchmark, not a test: nothing here passes or fails.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import { parseArgs } from 'node:util';
import { parseScenario, formatProblems } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { baselineMmc } from './baseline.ts';
import { buildWarmState } from '../../src/sim/warmStart.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, years: { type: 'string', default: '1' } } });
const RUNS = Math.max(3, Number(values.runs));
const YEARS = Math.max(1, Number(values.years));

function load(id: string): Scenario {
  const p = parseScenario(JSON.parse(readFileSync(new URL(`../../seeds/${id}.json`, import.meta.url), 'utf8')));
  if (!p.ok) throw new Error(`${id}:\n${formatProblems(p.problems)}`);
  return p.value;
}

/** kent-2010 with ten times the demand and ten times the staff (long-term teams included): the same loads, a bigger county. */
export function scaled(s: Scenario, k: number): Scenario {
  const c = structuredClone(s);
  c.id = `${s.id}-x${k}`;
  c.demand.sources = c.demand.sources.map((a) => ({ ...a, contactsPerMonth: a.contactsPerMonth * k }));
  c.frontDoor.unqualifiedScreeners *= k;
  c.frontDoor.qualifiedScreeners *= k;
  c.dutyTeams = c.dutyTeams.map((t) => ({
    ...t,
    managers: t.managers * k,
    socialWorkerPosts: t.socialWorkerPosts * k,
    longTermSocialWorkers: t.longTermSocialWorkers * k,
  }));
  return c;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const WARMUP_RUNS = 3;
const heapUsed = () => v8.getHeapStatistics().used_heap_size;

/**
 * Median wall time of RUNS replications after WARMUP_RUNS that warm the JIT and fill the
 * compiled machine. Peak heap is V8's heap in use, sampled every 4096 records (it includes
 * garbage not yet collected; --expose-gc would be cleaner but doubles run times on node 20).
 */
function measure(s: Scenario, days: number) {
  const ms: number[] = [];
  let events = 0;
  let transitions = 0;
  let peakHeap = 0;
  for (let i = 0; i < RUNS + WARMUP_RUNS; i++) {
    let n = 0;
    const t0 = performance.now();
    const r = runReplication(s, {
      days,
      warmupDays: 0,
      seed: 1,
      rep: i,
      onRecord: () => {
        if ((++n & 4095) === 0) peakHeap = Math.max(peakHeap, heapUsed());
      },
    });
    const dt = performance.now() - t0;
    if (i < WARMUP_RUNS) continue;
    ms.push(dt);
    events = r.events;
    transitions = r.transitions;
  }
  const m = median(ms);
  return { ms: m, events, transitions, eventsPerSec: events / (m / 1000), transitionsPerSec: transitions / (m / 1000), peakHeapMb: peakHeap / 2 ** 20 };
}

import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
if (isMain) main();

function main(): void {
  const kent = load('kent-2010');
  const days = 365 * YEARS;
  console.log(`Front Door benchmark: ${RUNS} runs each (median), ${YEARS} simulated year(s) per replication`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, node ${process.version}\n`);
  const rows: [string, ReturnType<typeof measure>][] = [
    ['kent-2010', measure(kent, days)],
    ['kent-2010 x10', measure(scaled(kent, 10), days)],
    [`kent-2010 ${YEARS * 5}y`, measure(kent, days * 5)],
  ];
  const base = [1, 2, 3].map(() => baselineMmc(2_000_000));
  const baseRate = median(base.map((b) => b.events / (b.ms / 1000)));
  console.log('scenario          ms/year/rep   events/year    events/s   transitions/s   peak heap MB   engine/baseline');
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(16)} ${(r.ms / (name.endsWith('y') ? YEARS * 5 : YEARS)).toFixed(0).padStart(11)} ${fmt(r.events / (name.endsWith('y') ? YEARS * 5 : YEARS)).padStart(13)} ${fmt(r.eventsPerSec).padStart(11)} ${fmt(r.transitionsPerSec).padStart(15)} ${r.peakHeapMb.toFixed(1).padStart(14)} ${(r.eventsPerSec / baseRate).toFixed(3).padStart(17)}`,
    );
  }
  console.log(`${'baseline M/M/c'.padEnd(16)} ${''.padStart(11)} ${''.padStart(13)} ${fmt(baseRate).padStart(11)}`);
  const [a, b] = [rows[0]![1].eventsPerSec, rows[1]![1].eventsPerSec];
  console.log(`\nevents/s at 10x scale vs 1x: ${((b / a) * 100).toFixed(0)}% (flat = within 80-120%)`);
  console.log(`peak heap in use (with uncollected garbage), ${YEARS * 5} years vs ${YEARS}: ${(rows[2]![1].peakHeapMb / rows[0]![1].peakHeapMb).toFixed(2)}x`);
  warmStartCost(kent);
  // Retained memory needs a full collection, and --expose-gc slows node 20 down: a child process.
  const mem = JSON.parse(
    execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL('./memory.ts', import.meta.url).pathname, '5'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!,
  ) as { year: number; retainedMb: number; openCases: number }[];
  console.log('\nretained heap after a full collection at the end of each year of one kent-2010 run:');
  for (const r of mem) console.log(`  year ${r.year}: ${r.retainedMb.toFixed(1).padStart(6)} MB, ${String(r.openCases).padStart(6)} cases open`);
}

/**
 * What steady state costs: building a scenario's warm-start template (once per scenario and seed:
 * one worker builds it and the page hands it to the others, src/worker/pool.ts), and the app's
 * default run (20 replications of 90 + 365 days from it). On two workers the page waits for one
 * template (none if it was prepared while the user read the screen) plus half the replications.
 */
function warmStartCost(s: Scenario): void {
  const builds: number[] = [];
  let template = buildWarmState(s, 2010);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    template = buildWarmState(s, 2010 + i);
    builds.push(performance.now() - t0);
  }
  const reps: number[] = [];
  for (let rep = 0; rep < 20; rep++) {
    const t0 = performance.now();
    runReplication(s, { days: 365, warmupDays: 90, seed: 2010, rep });
    reps.push(performance.now() - t0);
  }
  const perRep = median(reps.slice(2));
  const build = median(builds);
  console.log(`
warm start (${s.id}): template ${template.months} months, ${fmt(template.entities.length)} entities, built in ${build.toFixed(0)} ms (median of 5)`);
  console.log(
    `app default run: ${perRep.toFixed(0)} ms per replication (90 + 365 days) → 20 replications ${((20 * perRep) / 1000).toFixed(2)} s on one thread;`,
  );
  console.log(
    `  on two workers about ${((build + 10 * perRep) / 1000).toFixed(2)} s with the template built in the run, ${((10 * perRep) / 1000).toFixed(2)} s with it prepared ahead`,
  );
  console.log(`  (then 10 replications each); a 4-scenario comparison about ${((2 * build + 40 * perRep) / 1000).toFixed(2)} s (4 templates, 2 at a time)`);
}
