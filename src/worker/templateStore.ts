import { runReplication } from '../sim/batch.ts';
import { createRun } from '../sim/engine.ts';
import { hasWarmState, rememberWarmState, templateSeed, warmStateFor } from '../sim/warmStart.ts';
import { decodeWarmState, encodeWarmState } from '../sim/warmStateCodec.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { TemplateStore } from './handler.ts';

/**
 * Days of a throw-away replication a worker runs after building a template. The template run
 * keeps no records, so the code that folds records into measures is still cold after it, and in
 * Chromium a worker's first few replications ran three to five times slower than its later ones;
 * a short run from the new template compiles that code before the user's run needs it.
 */
const WARM_UP_REPLICATION_DAYS = 60;

/**
 * Days of each of the short throw-away runs a worker makes before its first template. V8 settles
 * how it stores each field of an object (a small integer, a double, an object of one shape) from
 * the first objects it sees, and widens that when a later object differs, throwing away every
 * piece of optimised code that relied on it. The engine makes a new set of run objects for each
 * run, so in a fresh worker the widening came as the first replication began, after the template
 * had been optimised: TurboFan then recompiled some 60 functions (about 1 s of compiling per
 * worker, beside the simulation, on the same two cores). Two short runs of each kind, a template
 * run (with a template seed, as the real one has) and a replication from empty, each a fractional
 * number of days (as the template's length is), make those changes while the code is still
 * unoptimised. Measured in Chromium (DESIGN 70): TurboFan's recompiles per worker 59-63 → 38-41;
 * in paired rounds a cold default run 7% and a cold comparison of four presets 13% sooner.
 */
const PRIME_DAYS = 20;
let primed = false;

/** The throw-away runs above, once per worker; they change no result (their own seeds, nothing kept). */
function primeCompiledCode(scenario: Scenario, seed: number): void {
  if (primed) return;
  primed = true;
  try {
    for (let i = 0; i < 2; i++) {
      createRun(scenario, { days: PRIME_DAYS + 0.37, seed: templateSeed(seed + i), steadyOnly: true }).runToEnd();
      runReplication(scenario, { days: PRIME_DAYS + 0.37, warmupDays: 5, seed: seed + i, rep: 0, start: 'empty' });
    }
  } catch {
    // Only a speed-up: a scenario these short runs cannot take fails, if at all, in its template.
  }
}

/**
 * A worker's templates: warmStart.ts's per-process cache, packed for the page on the way out
 * and unpacked (and checked) on the way in.
 */
export const workerTemplates: TemplateStore = {
  template: (scenario, seed) => {
    // Only a worker that has just built the template needs the warm-up: one that already held it
    // has run replications from it.
    const built = !hasWarmState(scenario, seed);
    if (built) primeCompiledCode(scenario, seed);
    const warm = warmStateFor(scenario, seed);
    if (built) runReplication(scenario, { days: WARM_UP_REPLICATION_DAYS, warmupDays: 0, seed, rep: 0 });
    return encodeWarmState(warm);
  },
  remember: (scenario, seed, warm) => rememberWarmState(scenario, seed, decodeWarmState(warm)),
};
