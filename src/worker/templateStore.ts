import { runReplication } from '../sim/batch.ts';
import { hasWarmState, rememberWarmState, warmStateFor } from '../sim/warmStart.ts';
import { decodeWarmState, encodeWarmState } from '../sim/warmStateCodec.ts';
import type { TemplateStore } from './handler.ts';

/**
 * Days of a throw-away replication a worker runs after building a template. The template run
 * keeps no records, so the code that folds records into measures is still cold after it, and in
 * Chromium a worker's first few replications ran three to five times slower than its later ones;
 * a short run from the new template compiles that code before the user's run needs it.
 */
const WARM_UP_REPLICATION_DAYS = 60;

/**
 * A worker's templates: warmStart.ts's per-process cache, packed for the page on the way out
 * and unpacked (and checked) on the way in.
 */
export const workerTemplates: TemplateStore = {
  template: (scenario, seed) => {
    // Only a worker that has just built the template needs the warm-up: one that already held it
    // has run replications from it.
    const built = !hasWarmState(scenario, seed);
    const warm = warmStateFor(scenario, seed);
    if (built) runReplication(scenario, { days: WARM_UP_REPLICATION_DAYS, warmupDays: 0, seed, rep: 0 });
    return encodeWarmState(warm);
  },
  remember: (scenario, seed, warm) => rememberWarmState(scenario, seed, decodeWarmState(warm)),
};
