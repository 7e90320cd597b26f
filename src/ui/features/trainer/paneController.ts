import type { Scenario } from '../../../scenario/schema.ts';
import type { MetricValues } from '../../../sim/results.ts';
import {
  emptySliceNews,
  TrainerMessage,
  type JourneyMessage,
  type Move,
  type SliceNews,
  type Story,
  type TrainerRequest,
} from '../../../worker/trainerProtocol.ts';
import type { EncodedWarmState } from '../../../sim/warmStateCodec.ts';
import { DotField } from './dots.ts';
import type { PathwayLayout } from './layout.ts';

/**
 * One animated replication on the page: owns its worker, turns the worker's frames into dot
 * movements (a DotField) and counters, and publishes a snapshot for React at most a few times a
 * second. The animation loop asks it to advance; it never has more than one request in flight,
 * so a slow worker makes the animation lag rather than queue up work.
 */

/** What the pane needs of a worker (a real Worker, or the in-process handler in tests). */
export interface WorkerPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  /** The worker failed to load or crashed. */
  onerror?: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** The run settings shared by every pane and the batch of replications. */
export interface TrainerRunSettings {
  days: number;
  warmupDays: number;
  seed: number;
  rep: number;
}

/** What React renders of a pane (a new object whenever something changed). */
export interface PaneSnapshot {
  status: 'starting' | 'running' | 'failed';
  error: string | null;
  scenario: Scenario;
  settings: TrainerRunSettings;
  /** Replication seed (from the worker). */
  seed: number | null;
  nodes: readonly string[];
  moves: readonly (readonly [number, number])[];
  /** Simulated hours reached: every event up to this time has run. */
  now: number;
  endHours: number;
  events: number;
  done: boolean;
  nodeNow: Int32Array;
  nodeEntered: Float64Array;
  edgeCounts: Float64Array;
  /** Cases in each node not drawn for lack of room. */
  hidden: Int32Array;
  /** Open cases by need band. */
  needCounts: readonly number[];
  /** News since the last `takeNews()`. */
  news: SliceNews;
  /** Everything since the start. */
  totals: SliceNews;
  /** Moves of the last single step. */
  lastMoves: readonly Move[];
  stories: readonly Story[];
  journey: JourneyMessage | null;
  metrics: MetricValues | null;
}

const zeroNews = emptySliceNews;

export class PaneController {
  field: DotField | null = null;
  private worker: WorkerPort | null = null;
  private runId = 0;
  private inFlight = false;
  /** Simulated hours asked for so far (the clock the trainer sees). */
  private requested = 0;
  private snap: PaneSnapshot;
  private dirty = false;
  private lastEmit = -Infinity;
  private readonly listeners = new Set<() => void>();
  /** How long moves glide (ms) when a frame lands; 0 jumps. The animation loop keeps it current. */
  glideMs = 0;
  /**
   * Where a run's warm-start template comes from when the page has one (the workspace's pool,
   * client.ts `template`); without it, or when it answers null, the worker builds its own.
   */
  templateFor: ((scenario: Scenario, seed: number) => Promise<EncodedWarmState | null>) | null = null;
  /** Requests made while the run's start waits for its template, sent after the start. */
  private queued: TrainerRequest[] | null = null;

  constructor(
    private readonly createWorker: () => WorkerPort,
    /** The diagram this pane draws on (a pane's front door decides which stages it has; see `drawOn`). */
    private layout: PathwayLayout,
    private readonly clock: () => number,
    private readonly bandOf: (need: number, s: Scenario) => number,
    scenario: Scenario,
    settings: TrainerRunSettings,
  ) {
    this.snap = this.empty(scenario, settings);
  }

  /** Draws the next run on `layout` (call before `start` when the pane's front door changes). */
  drawOn(layout: PathwayLayout): void {
    this.layout = layout;
  }

  private empty(scenario: Scenario, settings: TrainerRunSettings): PaneSnapshot {
    return {
      status: 'starting',
      error: null,
      scenario,
      settings,
      seed: null,
      nodes: [],
      moves: [],
      now: 0,
      endHours: (settings.warmupDays + settings.days) * 24, // the worker's ready message confirms it
      events: 0,
      done: false,
      nodeNow: new Int32Array(0),
      nodeEntered: new Float64Array(0),
      edgeCounts: new Float64Array(0),
      hidden: new Int32Array(0),
      needCounts: [0, 0, 0, 0],
      news: zeroNews(),
      totals: zeroNews(),
      lastMoves: [],
      stories: [],
      journey: null,
      metrics: null,
    };
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): PaneSnapshot => this.snap;

  private update(patch: Partial<PaneSnapshot>, urgent: boolean): void {
    this.snap = { ...this.snap, ...patch };
    this.dirty = true;
    if (urgent) this.flush(true);
  }

  /** Publishes the snapshot if it changed and (unless `force`) at least `minMs` have passed. */
  flush(force = false, minMs = 200): void {
    if (!this.dirty) return;
    const t = this.clock();
    if (!force && t - this.lastEmit < minMs) return;
    this.lastEmit = t;
    this.dirty = false;
    for (const fn of this.listeners) fn();
  }

  private send(req: TrainerRequest): void {
    if (this.queued) this.queued.push(req);
    else this.worker?.postMessage(req);
  }

  /** (Re)starts the run from day 0 with `scenario` and `settings` (same values: same run). */
  start(scenario: Scenario, settings: TrainerRunSettings): void {
    if (!this.worker) {
      const worker = this.createWorker();
      worker.onmessage = (e) => this.receive(e.data);
      // A crashed worker is dropped: the next start (Restart) makes a fresh one.
      worker.onerror = (e) => {
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        this.inFlight = false;
        this.update({ status: 'failed', error: `the animation’s worker stopped${e.message ? `: ${e.message}` : ''}. Press Restart to start again.` }, true);
      };
      this.worker = worker;
    }
    this.runId++;
    this.inFlight = true;
    this.requested = 0;
    this.field = null;
    const follow = this.snap.journey?.child ?? null;
    this.snap = this.empty(scenario, settings);
    this.dirty = true;
    this.flush(true);
    const runId = this.runId;
    const start: TrainerRequest = {
      type: 'start',
      runId,
      scenario,
      days: settings.days,
      warmupDays: settings.warmupDays,
      seed: settings.seed,
      rep: settings.rep,
    };
    // Until the start goes, what else is asked of this run waits behind it (the worker knows no other run).
    this.queued = [];
    if (follow !== null) this.send({ type: 'follow', runId, child: follow });
    const go = (warmState: EncodedWarmState | null) => {
      if (this.runId !== runId) return; // a newer start replaced this one
      const later = this.queued ?? [];
      this.queued = null;
      this.send(warmState ? { ...start, warmState } : start);
      for (const req of later) this.send(req);
    };
    if (!this.templateFor) go(null);
    else
      this.templateFor(scenario, settings.seed).then(
        (warm) => go(warm),
        () => go(null),
      );
  }

  /** Whether the pane can take a request now. */
  get idle(): boolean {
    return !this.inFlight && this.snap.status === 'running' && !this.snap.done;
  }

  /** Asks the worker to run every event up to `hours` (ignored while a request is in flight or if already there). */
  advanceTo(hours: number): boolean {
    if (!this.idle || hours <= this.requested) return false;
    this.inFlight = true;
    this.requested = Math.min(hours, this.snap.endHours);
    this.send({ type: 'advance', runId: this.runId, toHours: Math.min(hours, this.snap.endHours) });
    return true;
  }

  /** Asks the worker for one event that moves a case. */
  step(): boolean {
    if (!this.idle) return false;
    this.inFlight = true;
    this.send({ type: 'step', runId: this.runId });
    return true;
  }

  /** Follows a child (null: stop). */
  follow(child: number | null): void {
    if (child === null) this.update({ journey: null }, true);
    this.send({ type: 'follow', runId: this.runId, child });
  }

  /** Returns the news gathered since the last call and starts afresh. */
  takeNews(): SliceNews {
    const n = this.snap.news;
    this.snap = { ...this.snap, news: zeroNews() };
    return n;
  }

  private receive(data: unknown): void {
    const parsed = TrainerMessage.safeParse(data);
    if (!parsed.success) {
      this.update(
        { status: 'failed', error: `the trainer worker sent a message the page does not understand: ${parsed.error.issues[0]?.message ?? ''}` },
        true,
      );
      return;
    }
    const m = parsed.data;
    if (m.runId !== this.runId && !(m.type === 'failed' && m.runId === -1)) return;
    switch (m.type) {
      case 'ready': {
        const layout = this.layout;
        const boxes = m.nodes.map((k) => layout.nodes.find((b) => b.node.key === k));
        // The diagram draws the stages this front door reaches (models/graph.ts reachedBy); the
        // engine's other states get no room, so a case there would be counted, not drawn.
        if (!layout.nodes.every((b) => m.nodes.includes(b.node.key))) {
          this.update(
            {
              status: 'failed',
              error: `the diagram has states the engine does not: ${layout.nodes
                .filter((b) => !m.nodes.includes(b.node.key))
                .map((b) => b.node.key)
                .join(', ')}`,
            },
            true,
          );
          return;
        }
        const entry = m.nodes.indexOf(layout.nodes.find((b) => b.column === 0)?.node.key ?? m.nodes[0]!);
        const closed = m.nodes.findIndex((_, i) => boxes[i]?.node.final === true);
        const nowhere = { x: 0, y: 0, w: 0, h: 0 };
        this.field = new DotField(
          boxes.map((b) => b?.dots ?? nowhere),
          boxes.map((b) => b ?? nowhere),
          Math.max(0, entry),
          closed,
        );
        this.update({ status: 'running', seed: m.seed, nodes: m.nodes, moves: m.moves, endHours: m.endHours }, true);
        return;
      }
      case 'frame': {
        this.inFlight = false;
        const f = this.field;
        if (f) f.apply(m.cases, m.closed, this.clock(), this.glideMs);
        const needCounts = [0, 0, 0, 0];
        for (const n of m.cases.need) needCounts[this.bandOf(n, this.snap.scenario)]!++;
        const hidden = new Int32Array(m.nodeNow.length);
        if (f) for (let i = 0; i < hidden.length; i++) hidden[i] = f.hidden(i);
        const news = { ...this.snap.news };
        const totals = { ...this.snap.totals };
        for (const k of Object.keys(news) as (keyof SliceNews)[]) {
          news[k] += m.news[k];
          totals[k] += m.news[k];
        }
        const wasDone = this.snap.done;
        this.requested = Math.max(this.requested, m.now);
        this.update(
          {
            now: m.done ? this.snap.endHours : this.requested,
            events: m.events,
            done: m.done,
            nodeNow: m.nodeNow,
            nodeEntered: m.nodeEntered,
            edgeCounts: m.edgeCounts,
            hidden,
            needCounts,
            news,
            totals,
            lastMoves: m.moves,
            ...(m.stories ? { stories: m.stories } : {}),
            ...(m.metrics ? { metrics: m.metrics } : {}),
          },
          m.moves.length > 0 || (m.done && !wasDone),
        );
        return;
      }
      case 'journey':
        this.update({ journey: m }, true);
        return;
      case 'failed':
        this.inFlight = false;
        this.update({ status: 'failed', error: m.message }, true);
        return;
    }
  }

  /** Stops the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }
}
