/**
 * Flat records a run emits, one row per thing that happened to a case, plus monitor rows
 * (weekly levels and the window's time integrals, which only the engine can observe). Every
 * metric is a pure function of these rows (metrics.ts); charts never read engine state.
 * Times are hours since the start of the run; `team` is the index of the child's duty team.
 */

import type { ClosureStage } from '../../models/caseJourney.events.ts';
import type { RepeatKind } from '../../models/activity.ts';

/** Why a screening was work done again (declared by the activity, models/activity.ts). */
export type { RepeatKind };
/** Where a case closed (the stage named by the machine's `closeCase`). */
export type { ClosureStage };

export type SimRecord =
  | {
      kind: 'contact';
      t: number;
      caseId: number;
      child: number;
      team: number;
      agency: number;
      /** Hours since the previous contact about this child (Infinity if none). */
      sincePreviousContactHours: number;
      /** Hours since this child's last case closed, at any stage (Infinity if none; linked contacts do not count). */
      sinceLastClosureHours: number;
      /** Whether that closure left a need of moderate level or above unmet. */
      lastClosureUnmet: boolean;
      /** A second agency reporting an incident already reported (not a new concern). */
      duplicate: boolean;
      trueNeed: number;
      known: boolean;
    }
  | { kind: 'diverted'; t: number; child: number; team: number }
  | {
      /** A case the run starts with, from its warm state (time 0, in `state`); it had no contact in this run. */
      kind: 'carriedOver';
      t: number;
      caseId: number;
      child: number;
      team: number;
      agency: number;
      state: string;
      trueNeed: number;
      known: boolean;
    }
  | {
      kind: 'screened';
      t: number;
      caseId: number;
      team: number;
      by: 'frontDoor' | 'manager';
      /** Staff hours of work. */
      hours: number;
      /** When the work is done (working hours only count, so it may be days after `t`). */
      doneAt: number;
      /** Whether a qualified social worker or manager did it (unqualified screeners err more). */
      qualified: boolean;
      repeat: RepeatKind | null;
    }
  | { kind: 'decided'; t: number; caseId: number; team: number; route: string; waitHours: number; inTimescale: boolean }
  | {
      kind: 'referral';
      t: number;
      caseId: number;
      child: number;
      team: number;
      /** Hours since this child's previous referral (Infinity if none, including before the run for unknown children). */
      sincePreviousReferralHours: number;
    }
  | { kind: 'returnedForReclassification'; t: number; caseId: number; team: number }
  | { kind: 'acceptedForAssessment'; t: number; caseId: number; team: number; fastTrack: boolean }
  | { kind: 'allocated'; t: number; caseId: number; team: number; waitHours: number; newlyQualified: boolean }
  /** A case with a plan decided took its place in a long-term team (emitted only where their capacity is modelled). */
  | { kind: 'transferred'; t: number; caseId: number; team: number; waitHours: number }
  | {
      kind: 'assessed';
      t: number;
      caseId: number;
      team: number;
      /** Which assessment ended: initial or core (2000 framework, Working Together 2010) or single (Working Together 2013 onwards). */
      which: 'initial' | 'core' | 'single';
      route: string;
      inTimescale: boolean;
    }
  | { kind: 'planStarted'; t: number; caseId: number; team: number; plan: 'childInNeed' | 'childProtection' }
  | { kind: 'earlyHelpStarted'; t: number; caseId: number; team: number }
  | { kind: 'closed'; t: number; caseId: number; child: number; team: number; stage: ClosureStage; unmetNeed: boolean; trueNeed: number }
  | {
      /**
       * A duty social worker joined or left team `team` (engine/workforce.ts): how many are in post
       * after it, permanent and agency, and of those how many are agency workers. Emitted only
       * when the workforce changes, so a run without changes has none.
       */
      kind: 'staffing';
      t: number;
      team: number;
      inPost: number;
      agencyInPost: number;
      /** Of those in post, how many are off sick after it (workforce.sicknessAbsenceShare). */
      absent: number;
      /** A permanent or agency worker left (false: one joined, or the absences changed). */
      left: boolean;
    }
  | { kind: 'levels'; t: number; week: number; teams: TeamLevels[] }
  | { kind: 'window'; t: number; fromHours: number; toHours: number; frontDoorAvailableHours: number; teams: TeamWindow[] };

/** Levels of one team at a week boundary (or the end of the run). */
export interface TeamLevels {
  awaitingAllocation: number;
  /** Integral of referrals awaiting allocation over the week just ended (case-hours). */
  awaitingAllocationArea: number;
  initialAssessmentsOpen: number;
  initialAssessmentsOverdue: number;
  coreAssessmentsOpen: number;
  coreAssessmentsOverdue: number;
  /** Cases with a plan decided, waiting for a long-term team (held by their duty worker). */
  awaitingTransfer: number;
  /** Child-in-need and child protection plans under way. */
  plansOpen: number;
  /** Contacts waiting for a screener or a duty manager (queued, not yet being worked on). */
  awaitingDecision: number;
}

/** Time integrals of one team over the observation window. */
export interface TeamWindow {
  awaitingAllocationArea: number;
  assessmentsHeldArea: number;
  awaitingTransferArea: number;
  /** Integral of plans held by the district's long-term social workers (0 when long-term teams are not modelled). */
  plansHeldArea: number;
  caseloadPlaces: number;
  filledPosts: number;
  /** Long-term (plan-holding) social workers, where long-term teams are modelled; else 0. */
  longTermWorkers: number;
  managerAvailableHours: number;
  /** Duty social workers' casework hours worked in the window (workers in post; engine/casework.ts). */
  caseworkHoursWorked: number;
  /** Casework hours their contracted time made available in the window (FTE × (1 − non-case share) × working hours, banked over joins and leaves). */
  caseworkHoursAvailable: number;
}

/** Anything that accepts records as a run produces them. */
export type RecordSink = (r: SimRecord) => void;
