import { above } from './normal.ts';
import type { Scenario } from './schema.ts';

/**
 * What one contact about a child of true need x leads to, in expectation, by the decision rules
 * of models/*.rules.ts as src/sim/engine.ts applies them (onDone, close): the staff work it takes
 * and how its case ends. Given x, each person's reading of need carries its own error (the
 * agency's information error and bias with the screener's or manager's; the assessing social
 * worker's alone), so the decisions are independent given x and their chances multiply.
 * Team pressure enters as given: the chance of premature closure and the stretch of assessments
 * at the pressure the caller assumes (capacity.ts finds the pressure a team's load creates).
 *
 * src/scenario may not import models/ (the architecture test), so the rules are restated here;
 * test/scenario/capacity.test.ts checks these chances against a simulation of the same scenario.
 */

/** Expected work one contact causes: screener hours, duty manager hours, caseload place-months. */
export interface Work {
  screening: number;
  managers: number;
  placeMonths: number;
  /** Referrals accepted for assessment (a count, not work: for checks against the simulation). */
  referrals: number;
}

/** One contact's expected work and how its case closes (chances sum to 1). */
export interface ContactPath {
  work: Work;
  /** Closed without services or early help, at the front door, by a duty manager or after assessment. */
  refused: number;
  /** Of `refused`, closed at screening or a duty decision, within hours: a later duplicate report is a new contact. */
  closedAtDecision: number;
  earlyHelp: number;
  /** A child-in-need or child protection plan. */
  services: number;
}

/** Who reads the contact: its agency's information error and bias, and whether the child is known. */
export interface Reader {
  bias: number;
  infoSd: number;
  known: boolean;
}

/** What stays fixed for one team: the scenario, the team, and the mix of staff doing the work. */
export interface TeamContext {
  scenario: Scenario;
  team: Scenario['dutyTeams'][number];
  /** Share of screenings done by unqualified screeners. */
  unqualifiedScreenerShare: number;
  /** Share of assessments done by newly qualified social workers. */
  newlyQualifiedShare: number;
  /** Working days in a month (place-months = working days held ÷ this). */
  workingDaysPerMonth: number;
  /** Chance an assessment that should lead to services below child protection level closes anyway. */
  prematureClosure: number;
  /** Factor by which pressure lengthens assessments (1: their mean length). */
  durationStretch: number;
}

/** Chance a child of true need x takes up early help when signposted (the engine reads true need). */
export function earlyHelpChance(ctx: TeamContext, x: number): number {
  const { need, earlyHelp } = ctx.scenario;
  return x >= need.moderateLevel ? ctx.team.earlyHelpCoverage * earlyHelp.signpostedTakeUpShare : 0;
}

/** What one allocated referral leads to (assessmentPath). */
export type AssessmentPath = ReturnType<typeof assessmentPath>;

/** An assessment's outcome per allocated referral: place-months held, plans, early help, closures. */
export function assessmentPath(ctx: TeamContext, x: number) {
  const { assessment: a, need } = ctx.scenario;
  const b = ctx.prematureClosure;
  let core = 0;
  let services = 0;
  let closedAfterIa = 0;
  let closedAfterCore = 0;
  for (const [w, sd] of [
    [1 - ctx.newlyQualifiedShare, a.qualifiedAssessmentSd],
    [ctx.newlyQualifiedShare, a.newlyQualifiedAssessmentSd],
  ] as const) {
    if (w <= 0) continue;
    const aCore = above(a.coreAssessmentLevel, x, sd);
    const aCp = above(need.childProtectionLevel, x, sd);
    const aCin = above(need.childInNeedLevel, x, sd);
    // initialAssessmentRoute: core assessment unless closed prematurely below CP level; a plan
    // between the child-in-need and core levels unless closed prematurely; else closed.
    const pCore = aCore - b * Math.max(0, aCore - aCp);
    const pCin = (1 - b) * Math.max(0, aCin - aCore);
    // coreAssessmentRoute: the same worker reads need afresh; a plan at child-in-need level or above.
    core += w * pCore;
    services += w * (pCin + pCore * aCin);
    closedAfterIa += w * (1 - pCore - pCin);
    closedAfterCore += w * pCore * (1 - aCin);
  }
  const eh = earlyHelpChance(ctx, x);
  const days = (a.meanInitialAssessmentWorkingDays + core * a.meanCoreAssessmentWorkingDays) * ctx.durationStretch;
  return {
    placeMonths: days / ctx.workingDaysPerMonth,
    services,
    earlyHelp: closedAfterIa * eh,
    refused: closedAfterIa * (1 - eh) + closedAfterCore,
  };
}

/** Chances of the front door's screening routes, mixed over the screeners who do the work. */
function screeningChances(ctx: TeamContext, x: number, r: Reader) {
  const { frontDoor: fd, need } = ctx.scenario;
  let fast = 0;
  let referral = 0;
  for (const [w, sd] of [
    [ctx.unqualifiedScreenerShare, fd.unqualifiedScreeningSd],
    [1 - ctx.unqualifiedScreenerShare, fd.qualifiedScreeningSd],
  ] as const) {
    if (w <= 0) continue;
    const s = Math.hypot(sd, r.infoSd);
    const pFast = fd.childProtectionFastTrack ? above(need.childProtectionLevel, x + r.bias, s) : 0;
    const pRef = above(fd.referralThreshold, x + r.bias, s);
    fast += w * pFast;
    // One reading decides both: a referral that is not fast-tracked lies between the two levels.
    referral += w * (pRef - Math.min(pRef, pFast));
  }
  return { fast, referral, neither: Math.max(0, 1 - fast - referral) };
}

/** A contact's decisions before assessment, per contact: they do not depend on how busy the team is. */
export interface Decisions {
  screenings: number;
  reviews: number;
  allocated: number;
  closedAtDecision: number;
}

/** The front door's and duty manager's decisions on one contact about a child of true need `x`. */
export function decisionPath(ctx: TeamContext, x: number, r: Reader): Decisions {
  const { frontDoor: fd } = ctx.scenario;
  const team = ctx.team;
  // reviewRoute: perceived need (manager's and information error) against the applied threshold
  // (threshold plus inconsistency): one normal comparison.
  const pAccept = above(team.threshold, x + r.bias, Math.sqrt(fd.qualifiedScreeningSd ** 2 + r.infoSd ** 2 + team.thresholdInconsistencySd ** 2));
  if (fd.structure === 'contactCentre') {
    const sc = screeningChances(ctx, x, r);
    const rescreen = r.known && fd.knownChildrenRescreened;
    // Known children go to the duty manager whatever the centre decided; contacts (not referrals)
    // the manager accepts go back to the centre for reclassification where that is required.
    const contactsReviewed = rescreen ? sc.neither : 0;
    const reviews = sc.referral + contactsReviewed;
    return {
      screenings: 1 + (fd.reclassificationRequired ? contactsReviewed * pAccept : 0),
      reviews,
      allocated: sc.fast + reviews * pAccept,
      closedAtDecision: reviews * (1 - pAccept) + (rescreen ? 0 : sc.neither),
    };
  }
  if (fd.structure === 'singleQualified') {
    const sc = screeningChances(ctx, x, r);
    return { screenings: 1, reviews: 0, allocated: sc.fast + sc.referral, closedAtDecision: sc.neither };
  }
  // districtDuty: the duty manager screens every contact; there is no fast track before the manager.
  if (fd.structure === 'districtDuty') return { screenings: 0, reviews: 1, allocated: pAccept, closedAtDecision: 1 - pAccept };
  return { screenings: 0, reviews: 0, allocated: 1, closedAtDecision: 0 };
}

/**
 * The expected work and closure of one contact about a child of true need `x`, with no case
 * open, given the decisions on it (decisionPath) and the team's assessment outcome at x.
 */
export function contactPath(ctx: TeamContext, x: number, d: Decisions, as: AssessmentPath = assessmentPath(ctx, x)): ContactPath {
  const { frontDoor: fd } = ctx.scenario;
  const eh = earlyHelpChance(ctx, x);
  return {
    work: {
      screening: d.screenings * fd.meanScreeningHours,
      managers: d.reviews * ctx.team.meanManagerScreeningHours,
      placeMonths: d.allocated * as.placeMonths,
      referrals: d.allocated,
    },
    refused: d.closedAtDecision * (1 - eh) + d.allocated * as.refused,
    closedAtDecision: d.closedAtDecision * (1 - eh),
    earlyHelp: d.closedAtDecision * eh + d.allocated * as.earlyHelp,
    services: d.allocated * as.services,
  };
}

/**
 * Work of a duplicate report (a second agency, same incident) that finds the case still open:
 * screened, or reviewed where the manager screens, then linked. Under `direct` nothing checks.
 */
export function linkedWork(ctx: TeamContext): Work {
  const { frontDoor: fd } = ctx.scenario;
  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified';
  return {
    screening: central ? fd.meanScreeningHours : 0,
    managers: fd.structure === 'districtDuty' ? ctx.team.meanManagerScreeningHours : 0,
    placeMonths: 0,
    referrals: 0,
  };
}
