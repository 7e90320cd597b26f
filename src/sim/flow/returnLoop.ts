import { noWork, TeamFlow, WORK, type ContactPath, type TeamContext, type Work } from './contactFlow.ts';
import { addScaled, clampedNormalWeights, LAST, locate, NEED_GRID, returnChances, returnRates } from './needGrid.ts';

const zero = noWork;

/**
 * Children come back, and their returns are most of a front door's work. This solves, without
 * simulation, the expected total work that one first contact brings into a team, its returns
 * and their returns included, following src/sim/engine/cases.ts (closeCase, childReturns, arrive):
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
 *   finds the case open (it is walked as a contact about a child with an open case: linked where
 *   the front door checks, a new case where nothing does), or, when the case closed at the
 *   decision within hours, is a new contact about the same child (duplicates arrive over days;
 *   decisions take hours).
 *
 * Each contact's own work and how it ends come from walking the machine (contactFlow.ts). With
 * T2(x) the total work from a returning contact at need x, D its own work, U its chance of
 * returning at the escalated need and M of returning fresh, and F = E_fresh[T2]:
 *   T2(x) = D2(x) + U2(x) T2(min(100, x + e)) + M2(x) F.
 * Escalation only moves need up, so T2 is solved from x = 100 downward as A(x) + B(x) F, and
 * then F = E[A] / (1 − E[B]) in closed form. A first contact's total is
 *   T1(x) = D1(x) + U1(x) T2(x + e) + M1(x) F.
 * When the loop does not converge (a child returns with chance ~1 however often refused, or
 * fresh returns replace themselves) the work is unbounded: the team is over capacity.
 */

/** One contact's path (its front and, for the part that reached a social worker, the assessment after) and its return chances. */
interface Step {
  front: ContactPath;
  /** Share of the contact that reached a social worker: its assessment's work follows, per unit. */
  allocated: number;
  up: number;
  fresh: number;
  /** Chance a duplicate report after this contact is a new contact rather than one about an open case. */
  reopen: number;
}

/** Agencies as readers of a contact, weighted by contact rate. */
function agencyMix(ctx: TeamContext) {
  const sources = ctx.scenario.demand.sources;
  const total = sources.reduce((s, a) => s + a.contactsPerMonth, 0);
  return sources.map((a) => ({ w: total > 0 ? a.contactsPerMonth / total : 0, bias: a.perceivedNeedBias, infoSd: a.informationQualitySd }));
}

/** A whole contact's outcome: its front, then (for the part that reached a social worker) the assessment that follows. */
function wholeOutcome(front: ContactPath, assessed: ContactPath | null): ContactPath {
  const k = assessed ? front.allocated : 0;
  return {
    work: front.work,
    refused: front.refused + (assessed ? k * assessed.refused : 0),
    closedAtDecision: front.closedAtDecision,
    served: front.served + (assessed ? k * assessed.served : 0),
    servedMet: front.servedMet + (assessed ? k * assessed.servedMet : 0),
    allocated: front.allocated,
  };
}

/** One agency's steps at every point of the need grid, from the fronts of its contacts there. */
function stepsOnGrid(ctx: TeamContext, assessed: readonly (ContactPath | null)[], fronts: readonly ContactPath[]): Step[] {
  const rates = returnRates(ctx);
  return NEED_GRID.map((x, i) => {
    const whole = wholeOutcome(fronts[i]!, assessed[i]!);
    const back = returnChances(ctx, x, whole, rates);
    return { front: fronts[i]!, allocated: assessed[i] ? fronts[i]!.allocated : 0, up: back.up, fresh: back.fresh, reopen: whole.closedAtDecision };
  });
}

/** A team's expected total work per concern raised, returns included. */
export interface TeamLoad {
  /** Σ over agencies (by contact rate) and need of first contacts' total work, per concern (laid out by WORK). */
  perConcern: Work;
  /** First contacts' own work, per concern, without returns (what reaches each stage at all). */
  firstContacts: Work;
  /** Whether the return loop converged; if not, the work is unbounded. */
  converged: boolean;
}

/** The fronts of contacts on the need grid, per agency, for known and other children, new or about a child with a case open. */
export interface FrontGrid {
  known: ContactPath[][];
  unknown: ContactPath[][];
  /** A second report while the first case is open (linked where the front door checks). */
  openKnown: ContactPath[][];
  openUnknown: ContactPath[][];
  /** Where the fronts stop: the queue for a social worker, if any is reached. */
  allocationState: number | null;
}

/** The fronts of contacts for one team (they do not depend on how busy it is); agencies that read alike share them. */
export function frontGrid(ctx: TeamContext): FrontGrid {
  const flow = new TeamFlow(ctx);
  const readers = agencyMix(ctx);
  const grid = (known: boolean, open: boolean) => {
    const alike = new Map<string, ContactPath[]>();
    return readers.map((r) => {
      const key = `${r.bias}|${r.infoSd}`;
      let paths = alike.get(key);
      if (!paths) alike.set(key, (paths = NEED_GRID.map((x) => flow.front(x, { bias: r.bias, infoSd: r.infoSd }, known, open, open))));
      return paths;
    });
  };
  const states = TeamFlow.allocationStates();
  if (states.length > 1) throw new Error('the capacity check expects one queue for a social worker');
  const duplicates = ctx.scenario.demand.multiAgencyReportShare > 0;
  // Paths that no rule tells apart are walked once: known children's where no rule reads whether
  // the child is known; a report about an open case where no rule reads that.
  const known = grid(true, false);
  const unknown = flow.depends('known') ? grid(false, false) : known;
  const openKnown = duplicates && flow.depends('hasOpenCase') ? grid(true, true) : known;
  const openUnknown = openKnown === known ? unknown : flow.depends('known') ? grid(false, true) : openKnown;
  return { known, unknown, openKnown, openUnknown, allocationState: states[0] ?? null };
}

/**
 * Solves the return loop for one team and returns the expected total work per concern raised
 * (`fronts`: the team's frontGrid, when the caller solves it at several levels of pressure). It
 * counts, without vectors, how many contacts of each kind (agency, need, known, about an open
 * case) one concern brings, returns and their returns included, then adds up their work once.
 */
export function teamLoad(ctx: TeamContext, fronts: FrontGrid = frontGrid(ctx)): TeamLoad {
  const s = ctx.scenario;
  const { demand, need, earlyHelp } = s;
  const readers = agencyMix(ctx);
  const e = s.reReferral.escalationOnReturn;
  const flow = new TeamFlow(ctx);
  const allocation = fronts.allocationState;
  const assessed = NEED_GRID.map((x) => (allocation === null ? null : flow.assessment(allocation, x)));
  // Agencies that read alike share their fronts, and so their steps.
  const stepsOf = new Map<ContactPath[], Step[]>();
  const grids = [fronts.known, fronts.unknown, fronts.openKnown, fronts.openUnknown].map((g) =>
    g.map((perX) => {
      let steps = stepsOf.get(perX);
      if (!steps) stepsOf.set(perX, (steps = stepsOnGrid(ctx, assessed, perX)));
      return steps;
    }),
  );
  const [KNOWN, UNKNOWN, OPEN_KNOWN, OPEN_UNKNOWN] = [0, 1, 2, 3] as const;
  /** How many contacts of each kind, by grid, agency and need point (own work only: `firstOnly` for first contacts). */
  const count = grids.map(() => readers.map(() => new Float64Array(NEED_GRID.length)));
  const firstOnly = grids.map(() => readers.map(() => new Float64Array(NEED_GRID.length)));
  // A returning child's contact and a duplicate report come from an agency drawn by contact rate:
  // their chances are mixed over agencies, and their counts (`mixed`) spread over agencies at the end.
  const mixedOf = (pick: (st: Step) => number) =>
    grids.map((grid) => NEED_GRID.map((_, i) => readers.reduce((sum, r, ri) => sum + r.w * pick(grid[ri]![i]!), 0)));
  const [mixedUp, mixedFresh] = [mixedOf((st) => st.up), mixedOf((st) => st.fresh)];
  const mixed = grids.map(() => new Float64Array(NEED_GRID.length));

  // First contacts, each with its duplicate, and where their returns go (escalated, or fresh: Φ).
  const diverted = ctx.team.earlyHelpCoverage * earlyHelp.upstreamDiversionShare;
  const dupShare = demand.multiAgencyReportShare;
  const incoming = new Float64Array(NEED_GRID.length + 1);
  const escalate = (i: number, mass: number, into: Float64Array) => {
    const [j, w] = locate(NEED_GRID[i]! + e);
    into[j]! += mass * (1 - w);
    if (w > 0) into[j + 1]! += mass * w;
  };
  let freshFromFirst = 0;
  readers.forEach((r, ri) => {
    if (r.w <= 0) return;
    clampedNormalWeights(demand.meanNeedScore + demand.sources[ri]!.needShift, demand.needScoreSd).forEach((p, i) => {
      const x = NEED_GRID[i]!;
      const pass = x >= need.moderateLevel && x < need.childInNeedLevel ? 1 - diverted : 1;
      for (const [known, kw] of [
        [true, demand.knownChildShare],
        [false, 1 - demand.knownChildShare],
      ] as const) {
        const weight = r.w * p * pass * kw;
        if (!(weight > 0)) continue;
        const grid = known ? KNOWN : UNKNOWN;
        const open = known ? OPEN_KNOWN : OPEN_UNKNOWN;
        const own = grids[grid]![ri]![i]!;
        count[grid]![ri]![i]! += weight;
        firstOnly[grid]![ri]![i]! += weight;
        // The duplicate: about the open case, or a new contact if the case already closed (agency by contact rate).
        const stillOpen = dupShare * (1 - own.reopen) * weight;
        const reopened = dupShare * own.reopen * weight;
        mixed[open]![i]! += stillOpen;
        mixed[grid]![i]! += reopened;
        escalate(i, weight * own.up + stillOpen * mixedUp[open]![i]! + reopened * mixedUp[grid]![i]!, incoming);
        freshFromFirst += weight * own.fresh + stillOpen * mixedFresh[open]![i]! + reopened * mixedFresh[grid]![i]!;
      }
    });
  });

  // Returning children (known, agency by contact rate), from low need to high: escalation only raises need.
  const up = mixedUp[KNOWN]!;
  const fresh = mixedFresh[KNOWN]!;
  const freshWeights = clampedNormalWeights(demand.meanNeedScore, demand.needScoreSd);
  /** Returning contacts at each point from `into` (incoming escalated mass) plus `phi` fresh returns; null if the loop diverges. */
  const pass = (start: Float64Array, phi: number): Float64Array | null => {
    const into = start.slice();
    const n = new Float64Array(NEED_GRID.length);
    for (let k = 0; k <= LAST; k++) {
      const [j, w] = locate(NEED_GRID[k]! + e);
      const self = j === k ? up[k]! * (1 - w) : 0;
      if (!(1 - self > 1e-9)) return null;
      n[k] = (into[k]! + phi * freshWeights[k]!) / (1 - self);
      const out = n[k]! * up[k]!;
      if (j !== k) into[j]! += out * (1 - w);
      if (w > 0) into[j + 1]! += out * w;
    }
    return n;
  };
  const firstContacts = zero();
  const unbounded = () => ({ perConcern: zero(), firstContacts, converged: false });
  const withoutFresh = pass(incoming, 0);
  const perFresh = pass(new Float64Array(NEED_GRID.length + 1), 1);
  const addWork = (into: Work, counts: Float64Array[][]) => {
    const assessments = new Float64Array(NEED_GRID.length);
    for (let g = 0; g < counts.length; g++) {
      for (let ri = 0; ri < readers.length; ri++) {
        const perX = counts[g]![ri]!;
        for (let i = 0; i < perX.length; i++) {
          const c = perX[i]!;
          if (!(c > 0)) continue;
          const st = grids[g]![ri]![i]!;
          addScaled(into, st.front.work, c);
          assessments[i]! += c * st.allocated;
        }
      }
    }
    for (let i = 0; i < NEED_GRID.length; i++) if (assessments[i]! > 0) addScaled(into, assessed[i]!.work, assessments[i]!);
  };
  addWork(firstContacts, firstOnly);
  if (!withoutFresh || !perFresh) return unbounded();
  const freshBack = (n: Float64Array) => n.reduce((sum, c, k) => sum + c * fresh[k]!, 0);
  const denominator = 1 - freshBack(perFresh);
  if (!(denominator > 1e-9)) return unbounded();
  const phi = (freshFromFirst + freshBack(withoutFresh)) / denominator;
  NEED_GRID.forEach((_, k) => (mixed[KNOWN]![k]! += withoutFresh[k]! + phi * perFresh[k]!));
  mixed.forEach((perX, g) => readers.forEach((r, ri) => perX.forEach((n, i) => (count[g]![ri]![i]! += n * r.w))));
  const perConcern = zero();
  addWork(perConcern, count);
  return { perConcern, firstContacts, converged: true };
}

/** Reads a count back from a work vector. */
export { WORK };
