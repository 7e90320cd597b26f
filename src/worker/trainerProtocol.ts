import { z } from 'zod';
import { MetricValues } from '../sim/results.ts';
import type { SimRecord } from '../sim/records.ts';
import { EncodedWarmState } from './protocol.ts';

/**
 * The message protocol between the trainer view and its worker: a closed union in each
 * direction, checked with zod on receipt. The worker runs one replication of one scenario and
 * moves it forward only when asked (by simulated hours, or by one event); each answer is a compact
 * frame of every open case's position, stage counters and the records of a followed child.
 */

/** Hours since the start; may be Infinity where records say "never" (e.g. no previous contact). */
const hours = z.custom<number>((v) => typeof v === 'number' && !Number.isNaN(v), 'expected a number of hours');
const int = z.number().int();
const typed = <T>(ctor: abstract new (...args: never[]) => T) => z.custom<T>((v) => v instanceof ctor, `expected ${ctor.name}`);

// ---- page → worker ------------------------------------------------------------------------------

/** Starts (or restarts) replication `rep` of `scenario` (parsed in the worker) from day 0. */
export const StartRequest = z.strictObject({
  type: z.literal('start'),
  runId: int.min(0),
  scenario: z.unknown(),
  days: int.min(1).max(3650),
  warmupDays: int.min(0).max(3650),
  /** The batch's base seed; the run uses `replicationSeed(seed, rep)`. */
  seed: int.min(0).max(2_147_483_647),
  rep: int.min(0).max(499),
  /**
   * The scenario's warm-start template on `seed`, packed, when the page's pool has it (pool.ts
   * `template`): the worker then need not build it. Checked as it is unpacked.
   */
  warmState: EncodedWarmState.optional(),
});

/** Runs every event up to `toHours` and answers with a frame. */
export const AdvanceRequest = z.strictObject({ type: z.literal('advance'), runId: int.min(0), toHours: z.number().min(0) });

/** Runs engine events until one of them moves a case (or the run ends) and answers with a frame listing the moves. */
export const StepRequest = z.strictObject({ type: z.literal('step'), runId: int.min(0) });

/** Follows a child (their records arrive as `journey` messages) or stops following (null). */
export const FollowRequest = z.strictObject({ type: z.literal('follow'), runId: int.min(0), child: int.min(0).nullable() });

export const TrainerRequest = z.discriminatedUnion('type', [StartRequest, AdvanceRequest, StepRequest, FollowRequest]);
export type TrainerRequest = z.infer<typeof TrainerRequest>;

// ---- worker → page ------------------------------------------------------------------------------

/** The run is ready: the state keys (in the order frames index them) and the replication's identity. */
export const ReadyMessage = z.strictObject({
  type: z.literal('ready'),
  runId: int.min(0),
  /** Machine state keys; `node` values in frames index this list. */
  nodes: z.array(z.string()).min(1),
  /** Distinct (source, target) moves, as indexes into `nodes`; `edgeCounts` in frames index this list. */
  moves: z.array(z.tuple([int.min(0), int.min(0)])),
  endHours: z.number().min(0),
  rep: int.min(0),
  /** The replication's own seed, `replicationSeed(seed, rep)`. */
  seed: int,
  scenarioId: z.string(),
});
export type ReadyMessage = z.infer<typeof ReadyMessage>;

/** Bits of `CaseColumns.flags`. */
export const CASE_FLAGS = {
  /** The child was contacted about before in this run. */
  seenBefore: 1,
  /** The child's previous case closed before this contact: the child came back. */
  cameBack: 2,
  /** ...and that case closed with the child's need unmet (closed too early). */
  cameBackUnmet: 4,
  /** The child was already known to social care when first contacted. */
  known: 8,
  /** (closed cases) closed with need at child-in-need level or above unmet. */
  closedUnmet: 16,
} as const;

/** Cases as columns of equal length (structure of arrays, transferable). */
export const CaseColumns = z.strictObject({
  id: typed(Int32Array),
  child: typed(Int32Array),
  /** Index into `ready.nodes`: where the case is (for closed cases, where it was last). */
  node: typed(Uint8Array),
  /** True need 0-100, rounded. */
  need: typed(Uint8Array),
  /** Index into the scenario's `demand.sources`. */
  agency: typed(Uint8Array),
  flags: typed(Uint8Array),
});
export type CaseColumns = z.infer<typeof CaseColumns>;

/** Counts of what happened since the previous frame, for narration. */
export const SliceNews = z.strictObject({
  contacts: int.min(0),
  referrals: int.min(0),
  reReferrals: int.min(0),
  screenedAgain: int.min(0),
  returnedForReclassification: int.min(0),
  cameBack: int.min(0),
  closed: int.min(0),
  closedUnmet: int.min(0),
  allocated: int.min(0),
  plansStarted: int.min(0),
});
export type SliceNews = z.infer<typeof SliceNews>;

/** One case moving from one state to another (listed for single steps). */
export const Move = z.strictObject({ t: z.number(), caseId: int, child: int, from: int.min(0), to: int.min(0) });
export type Move = z.infer<typeof Move>;

/** Kinds of story a trainer can pick, each a child whose journey shows one failure. */
export const STORY_KINDS = ['cameBackUnmet', 'returnedForReclassification', 'screenedAgain', 'duplicate', 'waitedForAllocation'] as const;
export const Story = z.strictObject({ kind: z.enum(STORY_KINDS), child: int.min(0), t: z.number() });
export type Story = z.infer<typeof Story>;

/** The run moved forward: where every open case is now, and what changed. */
export const FrameMessage = z.strictObject({
  type: z.literal('frame'),
  runId: int.min(0),
  /** Simulated hours reached. */
  now: z.number().min(0),
  events: int.min(0),
  done: z.boolean(),
  cases: CaseColumns,
  /** Cases that closed since the previous frame (node = the state they closed from). */
  closed: CaseColumns,
  /** Cases in each node now (closed: 0, it is passed through). */
  nodeNow: typed(Int32Array),
  /** Cases that have entered each node since the start (contact received: every contact). */
  nodeEntered: typed(Float64Array),
  /** Times each move in `ready.moves` has been taken since the start. */
  edgeCounts: typed(Float64Array),
  news: SliceNews,
  /** For a single step: the moves it made (empty otherwise). */
  moves: z.array(Move),
  /** Children whose journeys make good stories (latest few of each kind); absent when unchanged. */
  stories: z.array(Story).optional(),
  /** When the run has ended: its metrics, folded from its records as `runReplication` does. */
  metrics: MetricValues.optional(),
});
export type FrameMessage = z.infer<typeof FrameMessage>;

const base = { t: hours, caseId: int, team: int };
/** A record about one case of a child (src/sim/records.ts), as sent for a followed child. */
export const CaseRecord = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('contact'),
    ...base,
    child: int,
    agency: int,
    sincePreviousContactHours: hours,
    sinceLastClosureHours: hours,
    lastClosureUnmet: z.boolean(),
    duplicate: z.boolean(),
    trueNeed: z.number(),
    known: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('carriedOver'), ...base, child: int, agency: int, state: z.string(), trueNeed: z.number(), known: z.boolean() }),
  z.strictObject({
    kind: z.literal('screened'),
    ...base,
    by: z.enum(['frontDoor', 'manager']),
    hours: z.number(),
    doneAt: z.number(),
    qualified: z.boolean(),
    repeat: z.enum(['rescreen', 'reclassification', 'duplicate']).nullable(),
  }),
  z.strictObject({ kind: z.literal('decided'), ...base, route: z.string(), waitHours: z.number(), inTimescale: z.boolean() }),
  z.strictObject({ kind: z.literal('referral'), ...base, child: int, sincePreviousReferralHours: hours }),
  z.strictObject({ kind: z.literal('returnedForReclassification'), ...base }),
  z.strictObject({ kind: z.literal('acceptedForAssessment'), ...base, fastTrack: z.boolean() }),
  z.strictObject({ kind: z.literal('allocated'), ...base, waitHours: z.number(), newlyQualified: z.boolean() }),
  z.strictObject({ kind: z.literal('transferred'), ...base, waitHours: z.number() }),
  z.strictObject({ kind: z.literal('assessed'), ...base, which: z.enum(['initial', 'core', 'single']), route: z.string(), inTimescale: z.boolean() }),
  z.strictObject({ kind: z.literal('planStarted'), ...base, plan: z.enum(['childInNeed', 'childProtection']) }),
  z.strictObject({ kind: z.literal('earlyHelpStarted'), ...base }),
  z.strictObject({
    kind: z.literal('closed'),
    ...base,
    child: int,
    stage: z.enum(['frontDoor', 'linked', 'duty', 'assessment', 'services', 'earlyHelp']),
    unmetNeed: z.boolean(),
    trueNeed: z.number(),
  }),
]);
export type CaseRecord = z.infer<typeof CaseRecord>;
// Every case record is a SimRecord (the compiler checks the two definitions agree).
const _caseRecordIsSimRecord = (r: CaseRecord): SimRecord => r;
void _caseRecordIsSimRecord;

/** A followed child's records so far (every case of theirs, in time order). */
export const JourneyMessage = z.strictObject({
  type: z.literal('journey'),
  runId: int.min(0),
  child: int.min(0),
  now: z.number().min(0),
  records: z.array(CaseRecord),
});
export type JourneyMessage = z.infer<typeof JourneyMessage>;

/** The request could not be carried out (bad message, bad scenario, or the engine threw). */
export const TrainerFailedMessage = z.strictObject({
  type: z.literal('failed'),
  runId: int.min(-1),
  message: z.string(),
});

export const TrainerMessage = z.discriminatedUnion('type', [ReadyMessage, FrameMessage, JourneyMessage, TrainerFailedMessage]);
export type TrainerMessage = z.infer<typeof TrainerMessage>;

/** Counts of nothing yet: the start of every slice's news (worker and page alike). */
export const emptySliceNews = (): SliceNews => ({
  contacts: 0,
  referrals: 0,
  reReferrals: 0,
  screenedAgain: 0,
  returnedForReclassification: 0,
  cameBack: 0,
  closed: 0,
  closedUnmet: 0,
  allocated: 0,
  plansStarted: 0,
});
