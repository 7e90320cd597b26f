import { assessmentPath, contactPath, decisionPath, linkedWork, type AssessmentPath, type ContactPath, type Decisions, type TeamContext, type Work } from './contactPaths.ts';
import { normalCdf } from './normal.ts';

/**
 * Children come back, and their returns are most of a front door's work. This solves, without
 * simulation, the expected total work that one first contact brings into a team, its returns
 * and their returns included, following src/sim/engine.ts (close, onReturn, onArrival):
 *
 * - A case closed with need of moderate level or above not met (refused, early help or a plan
 *   that did not meet it) brings the child back within `returnHorizonMonths` H with chance
 *   1 − exp(−unmetNeedReturnsPerYear × H), with need x + escalationOnReturn (at most 100).
 * - A case closed with need met (or below moderate) brings the child back with chance
 *   1 − exp(−metNeedReturnsPerYear × H) as a fresh concern, need drawn from the base
 *   distribution (no agency shift); a plan that failed a child below moderate need returns at
 *   the met rate with need escalated, as the engine does.
 * - A returning child is known, is not diverted upstream and has no duplicate report; the
 *   agency is drawn by contact rate. A first contact's duplicate report (multiAgencyReportShare)
 *   is linked to the open case, or, when the case closed at the decision within hours, is a new
 *   contact about the same child (duplicates arrive over days; decisions take hours).
 *
 * With T2(x) the total work from a returning contact at need x, D its own work, U its chance of
 * returning at the escalated need and M of returning fresh, and F = E_fresh[T2]:
 *   T2(x) = D2(x) + U2(x) T2(min(100, x + e)) + M2(x) F.
 * Escalation only moves need up, so T2 is solved from x = 100 downward as A(x) + B(x) F, and
 * then F = E[A] / (1 − E[B]) in closed form. A first contact's total is
 *   T1(x) = D1(x) + U1(x) T2(x + e) + M1(x) F.
 * When the loop does not converge (a child returns with chance ~1 however often refused, or
 * fresh returns replace themselves) the work is unbounded: the team is over capacity.
 */

/** Cells on the need scale, each one point wide (200 and 400 give the same ρ to 0.001). */
const STEPS = 100;
const STEP = 100 / STEPS;
const LAST = STEPS + 1;

/**
 * The need grid: the clamped ends 0 and 100 (where the engine's clampNeed puts everything beyond
 * them), and the middle of every cell between. Need levels given in whole points fall on cell
 * edges, so the rules' steps at them (moderate need, diversion, early help) split no cell.
 */
export const NEED_GRID = [0, ...Array.from({ length: STEPS }, (_, k) => (k + 0.5) * STEP), 100];

/** Where need y lies on the grid: between points j and j + 1, a share w of the way (w 0 at the top). */
function locate(y: number): [j: number, w: number] {
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
  return perYear > 0 ? 1 - Math.exp((-perYear * horizonMonths) / 12) : 0;
}

/** How a closed case brings its child back: at escalated need (`up`) or as a fresh concern. */
export function returnChances(ctx: TeamContext, x: number, p: ContactPath): { up: number; fresh: number } {
  const { reReferral: rr, need, services, earlyHelp } = ctx.scenario;
  const unmet = returnChance(rr.unmetNeedReturnsPerYear, rr.returnHorizonMonths);
  const met = returnChance(rr.metNeedReturnsPerYear, rr.returnHorizonMonths);
  const moderate = x >= need.moderateLevel;
  // Closed without services: need counts as met below moderate level, unmet at or above.
  let up = moderate ? p.refused * unmet : 0;
  let fresh = moderate ? 0 : p.refused * met;
  // Early help is taken up only at moderate need or above.
  up += p.earlyHelp * (1 - earlyHelp.needMetShare) * unmet;
  fresh += p.earlyHelp * earlyHelp.needMetShare * met;
  up += p.services * (1 - services.needMetShare) * (moderate ? unmet : met);
  fresh += p.services * services.needMetShare * met;
  return { up, fresh };
}

const zero = (): Work => ({ screening: 0, managers: 0, placeMonths: 0, referrals: 0 });
const scaled = (w: Work, k: number): Work => ({ screening: k * w.screening, managers: k * w.managers, placeMonths: k * w.placeMonths, referrals: k * w.referrals });
const addScaled = (to: Work, w: Work, k: number) => {
  to.screening += k * w.screening;
  to.managers += k * w.managers;
  to.placeMonths += k * w.placeMonths;
  to.referrals += k * w.referrals;
};

/** One contact's own work and return chances, for readers drawn by the agency mix. */
interface Step {
  work: Work;
  up: number;
  fresh: number;
  /** Chance a duplicate report after this contact is a new contact rather than linked. */
  reopen: number;
}

/** Agencies as readers of a contact, weighted by contact rate. */
function agencyMix(ctx: TeamContext) {
  const sources = ctx.scenario.demand.sources;
  const total = sources.reduce((s, a) => s + a.contactsPerMonth, 0);
  return sources.map((a) => ({ w: total > 0 ? a.contactsPerMonth / total : 0, bias: a.perceivedNeedBias, infoSd: a.informationQualitySd }));
}

/** One agency's steps at every point of the need grid, from its decisions there. */
function stepsOnGrid(ctx: TeamContext, assessed: readonly AssessmentPath[], decided: readonly Decisions[]): Step[] {
  const direct = ctx.scenario.frontDoor.structure === 'direct';
  return NEED_GRID.map((x, i) => {
    const p = contactPath(ctx, x, decided[i]!, assessed[i]);
    const back = returnChances(ctx, x, p);
    return { work: p.work, up: back.up, fresh: back.fresh, reopen: direct ? 1 : p.closedAtDecision };
  });
}

/** The agency mix of steps at grid point i (returning children and duplicates: agency by contact rate). */
function mixed(perReader: readonly Step[][], weights: readonly number[], i: number): Step {
  const out: Step = { work: zero(), up: 0, fresh: 0, reopen: 0 };
  perReader.forEach((steps, r) => {
    const st = steps[i]!;
    const w = weights[r]!;
    addScaled(out.work, st.work, w);
    out.up += w * st.up;
    out.fresh += w * st.fresh;
    out.reopen += w * st.reopen;
  });
  return out;
}

/** A team's expected total work per concern raised, returns included. */
export interface TeamLoad {
  /** Σ over agencies (by contact rate) and need of first contacts' total work, per concern. */
  perConcern: Work;
  /** Whether the return loop converged; if not, the work is unbounded. */
  converged: boolean;
}

/** Decisions before assessment on the need grid, per agency, for known and other children. */
export interface DecisionGrid {
  known: Decisions[][];
  unknown: Decisions[][];
}

/** The decisions before assessment for one team (they do not depend on how busy it is). */
export function decisionGrid(ctx: TeamContext): DecisionGrid {
  const s = ctx.scenario;
  // Known status matters only where the centre sends known children to the manager again.
  const firstKnown = s.frontDoor.structure === 'contactCentre' && s.frontDoor.knownChildrenRescreened;
  const grid = (known: boolean) => agencyMix(ctx).map((r) => NEED_GRID.map((x) => decisionPath(ctx, x, { bias: r.bias, infoSd: r.infoSd, known })));
  const known = grid(true);
  return { known, unknown: firstKnown ? grid(false) : known };
}

/**
 * Solves the return loop for one team and returns the expected total work per concern raised
 * (`decided`: the team's decisionGrid, when the caller solves it at several levels of pressure).
 */
export function teamLoad(ctx: TeamContext, decided: DecisionGrid = decisionGrid(ctx)): TeamLoad {
  const s = ctx.scenario;
  const readers = agencyMix(ctx);
  const weights = readers.map((r) => r.w);
  const e = s.reReferral.escalationOnReturn;
  const firstKnown = decided.unknown !== decided.known;
  const assessed = NEED_GRID.map((x) => assessmentPath(ctx, x));
  const knownSteps = decided.known.map((d) => stepsOnGrid(ctx, assessed, d));
  const unknownSteps = firstKnown ? decided.unknown.map((d) => stepsOnGrid(ctx, assessed, d)) : knownSteps;
  // T2 = A + B F on the grid, from the top down.
  const A: Work[] = NEED_GRID.map(zero);
  const B: number[] = NEED_GRID.map(() => 0);
  const returning = NEED_GRID.map((_, i) => mixed(knownSteps, weights, i));
  for (let i = LAST; i >= 0; i--) {
    const st = returning[i]!;
    const [j, w] = locate(NEED_GRID[i]! + e);
    // T(x+e) = (1 − w) T_j + w T_{j+1}; T_j is this point itself when e is under a step.
    const self = j === i ? st.up * (1 - w) : 0;
    const denom = 1 - self;
    if (!(denom > 1e-9)) return { perConcern: zero(), converged: false };
    const a = { ...st.work };
    let bb = st.fresh;
    const known: [number, number][] = [];
    if (j !== i) known.push([j, 1 - w]);
    if (w > 0) known.push([j + 1, w]);
    for (const [k, kw] of known) {
      addScaled(a, A[k]!, st.up * kw);
      bb += st.up * kw * B[k]!;
    }
    A[i] = scaled(a, 1 / denom);
    B[i] = bb / denom;
  }
  const at = (x: number) => {
    const [j, w] = locate(x);
    const a = zero();
    addScaled(a, A[j]!, 1 - w);
    if (w > 0) addScaled(a, A[j + 1]!, w);
    return { a, b: (1 - w) * B[j]! + (w > 0 ? w * B[j + 1]! : 0) };
  };
  // F = E_fresh[A] + E_fresh[B] F, need drawn without any agency's shift.
  const fresh = clampedNormalWeights(s.demand.meanNeedScore, s.demand.needScoreSd);
  const fa = zero();
  let fb = 0;
  fresh.forEach((p, i) => {
    addScaled(fa, A[i]!, p);
    fb += p * B[i]!;
  });
  if (!(fb < 1 - 1e-9)) return { perConcern: zero(), converged: false };
  const F = scaled(fa, 1 / (1 - fb));
  const totalUp = (x: number) => {
    const { a, b } = at(Math.min(100, x + e));
    addScaled(a, F, b);
    return a;
  };

  // First contacts: each agency's own need shift and reading; diversion upstream; duplicates.
  const { demand, need, earlyHelp } = s;
  const diverted = ctx.team.earlyHelpCoverage * earlyHelp.upstreamDiversionShare;
  const dupShare = demand.multiAgencyReportShare;
  const linked = linkedWork(ctx);
  const perConcern = zero();
  const upTotals = NEED_GRID.map(totalUp);
  // Known status matters only where the centre sends known children to the manager again.
  const mix = firstKnown ? ([[true, demand.knownChildShare], [false, 1 - demand.knownChildShare]] as const) : ([[false, 1]] as const);
  const dupSteps = [unknownSteps, knownSteps].map((perReader) => NEED_GRID.map((_, i) => mixed(perReader, weights, i)));
  readers.forEach((r, ri) => {
    if (r.w <= 0) return;
    const shift = demand.sources[ri]!.needShift;
    clampedNormalWeights(demand.meanNeedScore + shift, demand.needScoreSd).forEach((p, i) => {
      if (p <= 0) return;
      const x = NEED_GRID[i]!;
      const pass = x >= need.moderateLevel && x < need.childInNeedLevel ? 1 - diverted : 1;
      if (pass <= 0) return;
      for (const [k, kw] of mix) {
        if (kw <= 0) continue;
        const own = (k ? knownSteps : unknownSteps)[ri]![i]!;
        const dup = dupSteps[k ? 1 : 0]![i]!;
        const t = { ...own.work };
        let up = own.up;
        let fr = own.fresh;
        // The duplicate: linked to the open case, or a new contact if the case already closed.
        addScaled(t, linked, dupShare * (1 - own.reopen));
        addScaled(t, dup.work, dupShare * own.reopen);
        up += dupShare * own.reopen * dup.up;
        fr += dupShare * own.reopen * dup.fresh;
        addScaled(t, upTotals[i]!, up);
        addScaled(t, F, fr);
        addScaled(perConcern, t, r.w * p * pass * kw);
      }
    });
  });
  return { perConcern, converged: true };
}
