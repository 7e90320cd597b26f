/// <reference lib="webworker" />
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { pathwayGraph } from '../../models/graph.ts';
import { formatProblems, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { createRun, type Run } from '../sim/engine.ts';
import { rememberWarmState, warmStateFor } from '../sim/warmStart.ts';
import { decodeWarmState } from '../sim/warmStateCodec.ts';
import { addRecord, createAccumulator, finishMetrics, type MetricsAccumulator } from '../sim/metrics.ts';
import type { SimRecord } from '../sim/records.ts';
import { replicationSeed } from '../sim/rng.ts';
import {
  emptySliceNews,
  CASE_FLAGS,
  STORY_KINDS,
  TrainerRequest,
  type CaseColumns,
  type CaseRecord,
  type FrameMessage,
  type Move,
  type Story,
  type TrainerMessage,
} from './trainerProtocol.ts';

/**
 * The trainer's worker: runs one replication with `createRun`, moves it forward only when the
 * page asks (a slice of simulated time, or one event) and answers with compact frames. The
 * session is a plain function of messages so tests run it in-process; the last lines attach it
 * to the worker scope when loaded as a worker.
 */

/** Sends a message to the page, transferring the listed buffers. */
export type Post = (message: TrainerMessage, transfer: Transferable[]) => void;

const STORIES_PER_KIND = 3;
/** Waiting longer than this (hours) for allocation makes a story. */
const LONG_ALLOCATION_WAIT_HOURS = 10 * 24;

interface OpenCase {
  child: number;
  agency: number;
  need: number;
  node: number;
  flags: number;
}

interface ChildTrack {
  records: CaseRecord[];
  open: number;
  closedBefore: boolean;
  lastClosedUnmet: boolean;
}

const emptyNews = emptySliceNews;

/** One replication being watched. */
class Session {
  readonly run: Run;
  readonly nodes: string[];
  readonly moves: [number, number][];
  private readonly nodeIndex: Map<string, number>;
  private readonly moveIndex = new Map<number, number>();
  private readonly closedNode: number;
  private readonly cases = new Map<number, OpenCase>();
  private readonly caseChild = new Map<number, number>();
  private readonly children = new Map<number, ChildTrack>();
  private readonly nodeEntered: Float64Array;
  private readonly edgeCounts: Float64Array;
  private readonly acc: MetricsAccumulator;
  private readonly reReferralHours: number;
  private closedCols = { id: [] as number[], child: [] as number[], node: [] as number[], need: [] as number[], agency: [] as number[], flags: [] as number[] };
  private news = emptyNews();
  private stepMoves: Move[] | null = null;
  private stories: Story[] = [];
  private storiesChanged = true;
  private metricsSent = false;
  followed: number | null = null;
  private followedSent = -1;

  constructor(
    readonly runId: number,
    scenario: Scenario,
    days: number,
    warmupDays: number,
    readonly seed: number,
    batchSeed: number,
  ) {
    const graph = pathwayGraph(caseJourneyMachine);
    this.nodes = graph.nodes.map((n) => n.key);
    this.nodeIndex = new Map(this.nodes.map((k, i) => [k, i]));
    const pairs = new Map<string, [number, number]>();
    for (const e of graph.edges) pairs.set(`${e.source}>${e.target}`, [this.nodeIndex.get(e.source)!, this.nodeIndex.get(e.target)!]);
    this.moves = [...pairs.values()];
    this.moves.forEach(([a, b], i) => this.moveIndex.set(a * 256 + b, i));
    this.closedNode = this.nodeIndex.get(graph.nodes.find((n) => n.final)!.key)!;
    this.nodeEntered = new Float64Array(this.nodes.length);
    this.edgeCounts = new Float64Array(this.moves.length);
    // `days` are measured days, after the warm-up, as everywhere else; the run starts warm.
    this.acc = createAccumulator(scenario, warmupDays + days, warmupDays);
    this.reReferralHours = scenario.reReferral.windowMonths * (365.25 / 12) * 24;
    this.run = createRun(scenario, {
      days: warmupDays + days,
      warmupDays,
      seed,
      warmStart: warmStateFor(scenario, batchSeed),
      onRecord: (r) => this.onRecord(r),
      onTransition: (t, caseId, from, to) => this.onTransition(t, caseId, from, to),
    });
  }

  private child(id: number): ChildTrack {
    let c = this.children.get(id);
    if (!c) {
      c = { records: [], open: 0, closedBefore: false, lastClosedUnmet: false };
      this.children.set(id, c);
    }
    return c;
  }

  private story(kind: Story['kind'], child: number, t: number): void {
    if (this.stories.some((s) => s.kind === kind && s.child === child)) return;
    this.stories.push({ kind, child, t });
    const ofKind = this.stories.filter((s) => s.kind === kind);
    if (ofKind.length > STORIES_PER_KIND) this.stories.splice(this.stories.indexOf(ofKind[0]!), 1);
    this.storiesChanged = true;
  }

  private onRecord(r: SimRecord): void {
    addRecord(this.acc, r);
    if (r.kind === 'levels' || r.kind === 'window' || r.kind === 'diverted' || r.kind === 'staffing') return;
    if (r.kind === 'carriedOver') {
      // A case the warm start placed in its state at time 0: drawn there, not counted as a contact.
      this.caseChild.set(r.caseId, r.child);
      const ch = this.child(r.child);
      ch.open++;
      const flags = CASE_FLAGS.known | CASE_FLAGS.seenBefore;
      this.cases.set(r.caseId, { child: r.child, agency: r.agency, need: Math.round(r.trueNeed), node: this.nodeIndex.get(r.state) ?? 0, flags });
      ch.records.push(r);
      return;
    }
    if (r.kind === 'contact') {
      this.caseChild.set(r.caseId, r.child);
      const ch = this.child(r.child);
      let flags = r.known ? CASE_FLAGS.known : 0;
      if (Number.isFinite(r.sincePreviousContactHours)) flags |= CASE_FLAGS.seenBefore;
      if (ch.open === 0 && ch.closedBefore) {
        flags |= CASE_FLAGS.cameBack;
        this.news.cameBack++;
        if (ch.lastClosedUnmet) {
          flags |= CASE_FLAGS.cameBackUnmet;
          this.story('cameBackUnmet', r.child, r.t);
        }
      }
      ch.open++;
      this.cases.set(r.caseId, { child: r.child, agency: r.agency, need: Math.round(r.trueNeed), node: this.nodeIndex.get('contactReceived') ?? 0, flags });
      this.nodeEntered[this.cases.get(r.caseId)!.node]!++;
      this.news.contacts++;
    }
    const childId = this.caseChild.get(r.caseId);
    if (childId === undefined) throw new Error(`record ${r.kind} for case ${r.caseId} arrived before its contact`);
    const ch = this.child(childId);
    ch.records.push(r);
    switch (r.kind) {
      case 'screened':
        if (r.repeat === 'rescreen') {
          this.news.screenedAgain++;
          this.story('screenedAgain', childId, r.t);
        }
        if (r.repeat === 'duplicate') this.story('duplicate', childId, r.t);
        return;
      case 'referral':
        this.news.referrals++;
        if (r.sincePreviousReferralHours <= this.reReferralHours) this.news.reReferrals++;
        return;
      case 'returnedForReclassification':
        this.news.returnedForReclassification++;
        this.story('returnedForReclassification', childId, r.t);
        return;
      case 'allocated':
        this.news.allocated++;
        if (r.waitHours > LONG_ALLOCATION_WAIT_HOURS) this.story('waitedForAllocation', childId, r.t);
        return;
      case 'planStarted':
        this.news.plansStarted++;
        return;
      case 'closed': {
        const c = this.cases.get(r.caseId);
        if (!c) throw new Error(`case ${r.caseId} closed but is not open`);
        this.cases.delete(r.caseId);
        const cols = this.closedCols;
        cols.id.push(r.caseId);
        cols.child.push(c.child);
        cols.node.push(c.node);
        cols.need.push(c.need);
        cols.agency.push(c.agency);
        cols.flags.push(c.flags | (r.unmetNeed ? CASE_FLAGS.closedUnmet : 0));
        this.news.closed++;
        if (r.unmetNeed) this.news.closedUnmet++;
        ch.open--;
        ch.closedBefore = true;
        ch.lastClosedUnmet = r.unmetNeed;
        return;
      }
      default:
        return;
    }
  }

  private onTransition(t: number, caseId: number, from: string, to: string): void {
    const a = this.nodeIndex.get(from);
    const b = this.nodeIndex.get(to);
    if (a === undefined || b === undefined) throw new Error(`the engine moved case ${caseId} from ${from} to ${to}, a state the pathway graph does not have`);
    const move = this.moveIndex.get(a * 256 + b);
    if (move === undefined) throw new Error(`the engine moved case ${caseId} from ${from} to ${to}, a move the pathway graph does not have`);
    this.edgeCounts[move]!++;
    this.nodeEntered[b]!++;
    const c = this.cases.get(caseId);
    if (!c) throw new Error(`case ${caseId} moved but is not open`);
    // A case closing keeps the node it closed from (the closed record comes next).
    if (b !== this.closedNode) c.node = b;
    if (this.stepMoves) this.stepMoves.push({ t, caseId, child: c.child, from: a, to: b });
  }

  /** Runs events until one moves a case (or the run ends). */
  step(): void {
    this.stepMoves = [];
    let guard = 0;
    while (this.stepMoves.length === 0 && this.run.step()) {
      if (++guard > 1_000_000) throw new Error('no case moved in a million events');
    }
  }

  /** The frame describing the run now, with everything since the previous frame. */
  frame(): { message: FrameMessage; transfer: Transferable[] } {
    const n = this.cases.size;
    const cases: CaseColumns = {
      id: new Int32Array(n),
      child: new Int32Array(n),
      node: new Uint8Array(n),
      need: new Uint8Array(n),
      agency: new Uint8Array(n),
      flags: new Uint8Array(n),
    };
    const nodeNow = new Int32Array(this.nodes.length);
    let i = 0;
    for (const [id, c] of this.cases) {
      cases.id[i] = id;
      cases.child[i] = c.child;
      cases.node[i] = c.node;
      cases.need[i] = c.need;
      cases.agency[i] = c.agency;
      cases.flags[i] = c.flags;
      nodeNow[c.node]!++;
      i++;
    }
    const k = this.closedCols;
    const closed: CaseColumns = {
      id: Int32Array.from(k.id),
      child: Int32Array.from(k.child),
      node: Uint8Array.from(k.node),
      need: Uint8Array.from(k.need),
      agency: Uint8Array.from(k.agency),
      flags: Uint8Array.from(k.flags),
    };
    this.closedCols = { id: [], child: [], node: [], need: [], agency: [], flags: [] };
    const done = this.run.done;
    const message: FrameMessage = {
      type: 'frame',
      runId: this.runId,
      now: Math.min(this.run.now, this.run.endHours),
      events: this.run.events,
      done,
      cases,
      closed,
      nodeNow,
      nodeEntered: this.nodeEntered.slice(),
      edgeCounts: this.edgeCounts.slice(),
      news: this.news,
      moves: this.stepMoves ?? [],
      ...(this.storiesChanged ? { stories: [...this.stories].sort((a, b) => STORY_KINDS.indexOf(a.kind) - STORY_KINDS.indexOf(b.kind) || a.t - b.t) } : {}),
      ...(done && !this.metricsSent ? { metrics: finishMetrics(this.acc).metrics } : {}),
    };
    if (done) this.metricsSent = true;
    this.news = emptyNews();
    this.stepMoves = null;
    this.storiesChanged = false;
    const transfer = [...Object.values(cases), ...Object.values(closed), nodeNow, message.nodeEntered, message.edgeCounts].map((a) => a.buffer);
    return { message, transfer };
  }

  /** The followed child's records, if there are new ones since the last journey sent (or `force`). */
  journey(force: boolean): TrainerMessage | null {
    if (this.followed === null) return null;
    const records = this.children.get(this.followed)?.records ?? [];
    if (!force && records.length === this.followedSent) return null;
    this.followedSent = records.length;
    return { type: 'journey', runId: this.runId, child: this.followed, now: Math.min(this.run.now, this.run.endHours), records: [...records] };
  }

  follow(child: number | null): void {
    this.followed = child;
    this.followedSent = -1;
  }
}

/** A message handler holding at most one session; answers through `post`. Never throws. */
export function createTrainerHandler(post: Post): (data: unknown) => void {
  let session: Session | null = null;
  const fail = (runId: number, message: string) => post({ type: 'failed', runId, message }, []);
  const sendFrame = (s: Session) => {
    const { message, transfer } = s.frame();
    post(message, transfer);
    const j = s.journey(false);
    if (j) post(j, []);
  };
  return (data) => {
    const parsed = TrainerRequest.safeParse(data);
    if (!parsed.success) {
      const runId = typeof (data as { runId?: unknown })?.runId === 'number' ? (data as { runId: number }).runId : -1;
      fail(runId, `the trainer worker received a message it does not understand: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      return;
    }
    const req = parsed.data;
    try {
      if (req.type === 'start') {
        const scenario = parseScenario(req.scenario);
        if (!scenario.ok) {
          session = null;
          fail(req.runId, `the scenario has problems:\n${formatProblems(scenario.problems)}`);
          return;
        }
        if (req.warmupDays >= req.days) throw new Error(`the warm-up (${req.warmupDays} days) must be shorter than the run (${req.days} days)`);
        if (req.warmState) {
          // The pool's copy of the template; one that does not unpack is left, and the worker builds its own.
          try {
            rememberWarmState(scenario.value, req.seed, decodeWarmState(req.warmState));
          } catch {
            /* built below, by warmStateFor */
          }
        }
        session = new Session(req.runId, scenario.value, req.days, req.warmupDays, replicationSeed(req.seed, req.rep), req.seed);
        post(
          {
            type: 'ready',
            runId: req.runId,
            nodes: session.nodes,
            moves: session.moves,
            endHours: session.run.endHours,
            rep: req.rep,
            seed: session.seed,
            scenarioId: scenario.value.id,
          },
          [],
        );
        sendFrame(session);
        return;
      }
      if (!session || session.runId !== req.runId) {
        fail(req.runId, `run ${req.runId} is not the current run`);
        return;
      }
      switch (req.type) {
        case 'advance':
          session.run.runUntil(req.toHours);
          sendFrame(session);
          return;
        case 'step':
          session.step();
          sendFrame(session);
          return;
        case 'follow': {
          session.follow(req.child);
          const j = session.journey(true);
          if (j) post(j, []);
          return;
        }
      }
    } catch (e) {
      fail(req.runId, `the simulation stopped: ${e instanceof Error ? e.message : String(e)}`);
      session = null;
    }
  };
}

// Attach to the worker scope only when running as a dedicated worker (not when imported by tests).
declare const WorkerGlobalScope: (abstract new () => unknown) | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createTrainerHandler((message, transfer) => scope.postMessage(message, transfer));
  scope.onmessage = (event: MessageEvent<unknown>) => handle(event.data);
}
