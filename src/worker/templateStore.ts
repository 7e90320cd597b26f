import { rememberWarmState, warmStateFor } from '../sim/warmStart.ts';
import { decodeWarmState, encodeWarmState } from '../sim/warmStateCodec.ts';
import type { TemplateStore } from './handler.ts';

/**
 * A worker's templates: warmStart.ts's per-process cache, packed for the page on the way out
 * and unpacked (and checked) on the way in.
 */
export const workerTemplates: TemplateStore = {
  template: (scenario, seed) => encodeWarmState(warmStateFor(scenario, seed)),
  remember: (scenario, seed, warm) => rememberWarmState(scenario, seed, decodeWarmState(warm)),
};
