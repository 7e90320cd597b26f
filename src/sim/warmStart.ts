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

/** Snapshots taken from the template run, a quarter apart over its last nine months. */
export const WARM_SNAPSHOTS = 4;
const SNAPSHOT_SPACING_MONTHS = 3;

/**
 * Months the template runs before its last snapshot: long enough for the slowest memories of
 * the system to fill. Children keep coming back for `returnHorizonMonths` after closure and a
 * re-referral looks back `windowMonths`; plans and early help fill as M/G/∞ stocks, within 5%
 * of their steady level after three mean durations (1 − e⁻³ = 0.95). Between 1 and 6 years.
 */
export function warmUpMonths(s: Scenario): number {
  const memory = Math.max(
    s.reReferral.returnHorizonMonths + s.reReferral.windowMonths,
    3 * Math.max(s.services.meanChildInNeedMonths, s.services.meanChildProtectionMonths),
    3 * s.earlyHelp.meanEarlyHelpMonths,
  );
  return Math.min(72, Math.max(12, Math.ceil(memory)));
}

/** The template run's seed: its own, derived from the batch seed (replications use 1000 + rep). */
export function templateSeed(seed: number): number {
  return deriveSeed(seed, 999) & 0x7fffffff;
}

/** Builds a warm-start template by running `scenario` from empty (no records are kept). */
export function buildWarmState(scenario: Scenario, seed: number): WarmState {
  const months = warmUpMonths(scenario);
  const lastHours = months * HOURS_PER_MONTH;
  // The run's nominal end lies a return horizon past the last capture: the engine schedules no
  // return after its end, and children closed just before a capture must still be due back.
  const horizonDays = (scenario.reReferral.returnHorizonMonths * HOURS_PER_MONTH) / HOURS_PER_DAY;
  const run = createRun(scenario, { days: lastHours / HOURS_PER_DAY + horizonDays + 1, seed: templateSeed(seed) });
  const entities: WarmState['entities'] = [];
  for (let k = WARM_SNAPSHOTS - 1; k >= 0; k--) {
    const at = lastHours - k * SNAPSHOT_SPACING_MONTHS * HOURS_PER_MONTH;
    run.runUntil(at);
    for (const e of run.stocks(at)) entities.push(e);
  }
  return { snapshots: WARM_SNAPSHOTS, months, entities };
}

/** Templates kept per process, most recently used last (a comparison holds up to four scenarios). */
const CACHE_SIZE = 8;
const cache = new Map<string, WarmState>();

/** The warm-start template of `scenario` on `seed`: built on first use, then reused. */
export function warmStateFor(scenario: Scenario, seed: number): WarmState {
  const key = `${templateSeed(seed)}:${JSON.stringify(scenario)}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const built = buildWarmState(scenario, seed);
  cache.set(key, built);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return built;
}
