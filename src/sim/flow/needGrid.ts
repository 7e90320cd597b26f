import { detExp } from '../detMath.ts';
import { normalCdf } from '../../scenario/normal.ts';
import type { ContactPath, TeamContext, Work } from './flowModel.ts';

/**
 * The grid of true need the capacity check solves on, the engine's chances of a child coming
 * back after a closure (src/sim/engine/cases.ts closeCase), and adding work vectors.
 */

/** Cells on the need scale, each one point wide (200 and 400 give the same ρ to 0.001). */
export const STEPS = 100;
export const STEP = 100 / STEPS;
export const LAST = STEPS + 1;

/**
 * The need grid: the clamped ends 0 and 100 (where the engine's clampNeed puts everything beyond
 * them), and the middle of every cell between. Need levels given in whole points fall on cell
 * edges, so the rules' steps at them (moderate need, diversion, early help) split no cell.
 */
export const NEED_GRID = [0, ...Array.from({ length: STEPS }, (_, k) => (k + 0.5) * STEP), 100];

/** Where need y lies on the grid: between points j and j + 1, a share w of the way (w 0 at the top). */
export function locate(y: number): [j: number, w: number] {
  if (y >= 100) return [LAST, 0];
  if (y <= 0) return [0, 0];
  if (y < STEP / 2) return [0, y / (STEP / 2)];
  if (y >= 100 - STEP / 2) return [STEPS, (y - (100 - STEP / 2)) / (STEP / 2)];
  const pos = (y - STEP / 2) / STEP;
  const k = Math.min(STEPS - 1, Math.floor(pos + 1e-9));
  const w = pos - k;
  return w < 1e-9 ? [k + 1, 0] : [k + 1, w];
}

/** Probabilities on the grid of clampNeed(normal(mean, sd)), as the engine draws need. */
export function clampedNormalWeights(mean: number, sd: number): number[] {
  if (!(sd > 0)) {
    const [j, w] = locate(Math.min(100, Math.max(0, mean)));
    return NEED_GRID.map((_, i) => (i === j ? 1 - w : i === j + 1 ? w : 0));
  }
  const cdf = (x: number) => normalCdf((x - mean) / sd);
  return NEED_GRID.map((x, i) => (i === 0 ? cdf(0) : i === LAST ? 1 - cdf(100) : cdf(x + STEP / 2) - cdf(x - STEP / 2)));
}

/** Chance of returning within the horizon at `perYear` (the engine's exponential delay, truncated). */
function returnChance(perYear: number, horizonMonths: number): number {
  return perYear > 0 ? 1 - detExp((-perYear * horizonMonths) / 12) : 0;
}

/** Chances of coming back within the horizon, with need unmet and with need met. */
export function returnRates(ctx: TeamContext): { unmet: number; met: number } {
  const rr = ctx.scenario.reReferral;
  return { unmet: returnChance(rr.unmetNeedReturnsPerYear, rr.returnHorizonMonths), met: returnChance(rr.metNeedReturnsPerYear, rr.returnHorizonMonths) };
}

/** How a closed case brings its child back: at escalated need (`up`) or as a fresh concern. */
export function returnChances(ctx: TeamContext, x: number, p: ContactPath, rates = returnRates(ctx)): { up: number; fresh: number } {
  const { need } = ctx.scenario;
  const { unmet, met } = rates;
  const moderate = x >= need.moderateLevel;
  // Closed without services: need counts as met below moderate level, unmet at or above.
  let up = moderate ? p.refused * unmet : 0;
  let fresh = moderate ? 0 : p.refused * met;
  // A plan or early help meets need with the chance its episode declares; unmet need returns
  // sooner only at moderate level or above, escalated whatever the level.
  up += (p.served - p.servedMet) * (moderate ? unmet : met);
  fresh += p.servedMet * met;
  return { up, fresh };
}

/** Adds k × w into `to`. */
export const addScaled = (to: Work, w: Work, k: number) => {
  for (let i = 0; i < to.length; i++) to[i]! += k * w[i]!;
};
