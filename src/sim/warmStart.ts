import type { Scenario } from '../scenario/schema.ts';
import { createRun } from './engine.ts';
import { deriveSeed } from './rng.ts';
import type { WarmState } from './warmState.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH } from './workingCalendar.ts';

/**
 * Warm starts: every replication begins from the stocks of a system that has been running for
 * years, not from empty (Law, *Simulation Modeling and Analysis*, 5th ed., §9.5.1 on the
 * initial-transient problem; Robinson, *Simulation: The Practice of Model Development and Use*,
 * ch. 9, on warm-up and initial conditions). One long template run per scenario and seed is
 * simulated once in each process and cached; replications draw their starting stocks from it
 * (warmState.ts says how) and then run their own short warm-up, which the measures leave out.
 */

/** Snapshots a replication draws from: the last four quarters of the template run. */
export const WARM_SNAPSHOTS = 4;
const SNAPSHOT_SPACING_MONTHS = 3;
/** The template stops when its stocks changed by less than this share over the last year. */
export const STEADY_STOCK_CHANGE_PER_YEAR = 0.03;
/**
 * The template never runs longer than this. A county whose queue for assessment grows by a fifth
 * (and by 50) in a year stops as soon as the minimum has passed: it has no steady state to find,
 * and the measured window's trend check says so.
 */
export const MAX_WARM_UP_MONTHS = 96;

/**
 * Months the template runs at least: long enough for the slowest single memories of the system.
 * Children keep coming back for `returnHorizonMonths` after closure and a re-referral looks back
 * `windowMonths`; plans and early help fill as M/G/∞ stocks, within 5% of their steady level
 * after three mean durations (1 − e⁻³ = 0.95). At least a year.
 */
export function minimumWarmUpMonths(s: Scenario): number {
  const memory = Math.max(
    s.reReferral.returnHorizonMonths + s.reReferral.windowMonths,
    3 * Math.max(s.services.meanChildInNeedMonths, s.services.meanChildProtectionMonths),
    3 * s.earlyHelp.meanEarlyHelpMonths,
  );
  return Math.min(MAX_WARM_UP_MONTHS, Math.max(12, Math.ceil(memory / SNAPSHOT_SPACING_MONTHS) * SNAPSHOT_SPACING_MONTHS));
}

/** The template run's seed: its own, derived from the batch seed (replications use 1000 + rep). */
export function templateSeed(seed: number): number {
  return deriveSeed(seed, 999) & 0x7fffffff;
}

/**
 * Builds a warm-start template by running `scenario` from empty (no records are kept). Chains
 * of returns (a child turned away comes back with more need, is turned away again, …) make the
 * system's memory longer than any one parameter says, so after the minimum the run goes on a
 * quarter at a time until its stocks changed by less than STEADY_STOCK_CHANGE_PER_YEAR over
 * the last year (or MAX_WARM_UP_MONTHS pass: then there is no steady state to find, and the
 * measured window's trend check says so).
 */
export function buildWarmState(scenario: Scenario, seed: number, maxEvents?: number): WarmState {
  const minimum = minimumWarmUpMonths(scenario);
  // The run's nominal end lies a return horizon past the longest capture: the engine schedules
  // no return after its end, and children closed just before a capture must still be due back.
  const horizonDays = (scenario.reReferral.returnHorizonMonths * HOURS_PER_MONTH) / HOURS_PER_DAY;
  const run = createRun(scenario, {
    days: (MAX_WARM_UP_MONTHS * HOURS_PER_MONTH) / HOURS_PER_DAY + horizonDays + 1,
    seed: templateSeed(seed),
    steadyOnly: true,
    ...(maxEvents ? { maxEvents } : {}),
  });
  const captures: WarmState['entities'][] = [];
  const sizes: number[] = [];
  const queues: number[] = [];
  let months = 0;
  for (;;) {
    months += SNAPSHOT_SPACING_MONTHS;
    const at = months * HOURS_PER_MONTH;
    run.runUntil(at);
    if (months <= minimum - WARM_SNAPSHOTS * SNAPSHOT_SPACING_MONTHS) continue;
    const stocks = run.stocks(at);
    captures.push(stocks);
    if (captures.length > WARM_SNAPSHOTS) captures.shift();
    // Children due back and open episodes settle; a queue for assessment that keeps growing never will.
    const waiting = stocks.reduce((k, e) => k + (e.kind === 'assessment' && !e.allocated ? 1 : 0), 0);
    sizes.push(stocks.length - waiting);
    queues.push(waiting);
    const n = sizes.length;
    const yearAgo = (xs: number[]) => (n > WARM_SNAPSHOTS ? xs[n - 1 - WARM_SNAPSHOTS]! : NaN);
    const steady = Math.abs(sizes[n - 1]! - yearAgo(sizes)) <= STEADY_STOCK_CHANGE_PER_YEAR * Math.max(1, yearAgo(sizes));
    const runaway = queues[n - 1]! - yearAgo(queues) > Math.max(50, 0.2 * yearAgo(queues));
    if (months >= MAX_WARM_UP_MONTHS || (months >= minimum && (steady || runaway || sizes[n - 1] === 0))) break;
  }
  return { snapshots: captures.length, months, entities: captures.flat() };
}

/** Templates kept per process, most recently used last (a comparison holds up to four scenarios). */
const CACHE_SIZE = 8;
const cache = new Map<string, WarmState>();

/** The cache key of `scenario`'s template on `seed` (the page's pool keys its copies the same way). */
export function warmStateKey(scenario: Scenario, seed: number): string {
  // The dated timeline never runs in the template, so scenarios that differ only in it share one.
  return `${templateSeed(seed)}:${JSON.stringify({ ...scenario, timeline: undefined })}`;
}

function remember(key: string, warm: WarmState): void {
  cache.delete(key);
  cache.set(key, warm);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/**
 * Keeps a template built elsewhere (another worker, passed on by the page) as `scenario`'s on
 * `seed`, so this process need not build it again. A template is a pure function of (scenario,
 * seed), so one built in any process is the one this process would build.
 */
export function rememberWarmState(scenario: Scenario, seed: number, warm: WarmState): void {
  remember(warmStateKey(scenario, seed), warm);
}

/** Whether this process holds `scenario`'s template on `seed`. */
export function hasWarmState(scenario: Scenario, seed: number): boolean {
  return cache.has(warmStateKey(scenario, seed));
}

/**
 * The warm-start template of `scenario` on `seed`: built on first use, then reused. `maxEvents`
 * guards the template run as it guards a replication (EngineLimitError; nothing is cached).
 */
export function warmStateFor(scenario: Scenario, seed: number, maxEvents?: number): WarmState {
  const key = warmStateKey(scenario, seed);
  const hit = cache.get(key);
  if (hit) {
    remember(key, hit);
    return hit;
  }
  const built = buildWarmState(scenario, seed, maxEvents);
  remember(key, built);
  return built;
}
