import type { Scenario } from '../scenario/schema.ts';
import type { ReplicationResult } from '../sim/results.ts';
import type { EncodedWarmState } from '../sim/warmStateCodec.ts';
import { WorkerResponse, type RunSettings, type WorkerRequest } from './protocol.ts';

/**
 * A pool of simulation workers that lives as long as the page. Work is split into (scenario,
 * replication) tasks handed to whichever worker is free, so progress is reported after every
 * replication. Results do not depend on the number of workers: each replication's seed comes
 * from (seed, rep) alone and each scenario's replications are summarised in replication order.
 *
 * Warm-start templates are the expensive part of a run (a long run of the scenario; ~0.7 s for
 * kent-2010). The pool has each template built once, by one worker, keeps it (packed) on the
 * page, and hands a copy to each other worker with its first replication of that scenario; the
 * page may ask for a template before the user presses Run (`prepare`), and workers and templates
 * outlive a run, so a second run of the same scenario starts at once.
 */

/** The part of `Worker` the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** Progress of a run: replications finished out of the total, across all scenarios. */
export interface RunProgress {
  done: number;
  total: number;
  /** Wall-clock milliseconds the last replication took in its worker. */
  lastReplicationMs: number;
}

/** Thrown (as the rejection) when a run is cancelled through its AbortSignal. */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
    this.name = 'RunCancelled';
  }
}

/** How a pool starts its workers and how many it keeps. */
export interface PoolConfig {
  createWorker: () => WorkerLike;
  /** Most workers at once (at least 1). */
  size: number;
  /** Templates kept on the page (each ~3.6 MB for kent-2010); least recently used go first. */
  templatesKept?: number;
}

/** Options for one run. */
export interface PoolRunOptions<R> {
  /** Summarises one scenario's replications, given in replication order. */
  summarise: (scenario: Scenario, settings: RunSettings, replications: ReplicationResult[]) => R;
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
}

/** Options for `runJobs`: a pool made for one run and stopped after it. */
export interface PoolOptions<R> extends PoolRunOptions<R> {
  createWorker: () => WorkerLike;
  size: number;
}

interface Task {
  run: ActiveRun;
  job: number;
  rep: number;
  key: string;
}

interface ActiveRun {
  scenarios: readonly Scenario[];
  settings: RunSettings;
  keys: string[];
  results: ReplicationResult[][];
  total: number;
  done: number;
  /** Resolved, rejected or cancelled: late replies are ignored. */
  settled: boolean;
  options: PoolRunOptions<unknown>;
  resolve: (value: unknown[]) => void;
  reject: (error: Error) => void;
  onAbort: () => void;
}

type Work = { kind: 'replicate'; task: Task } | { kind: 'template'; key: string; scenario: Scenario; seed: number };

interface Slot {
  worker: WorkerLike;
  work: Work | null;
  /** The id of the request it is answering. */
  taskId: number;
  /** Templates this worker holds (it was sent them, or built them). */
  holds: Set<string>;
}

/** The key a template is kept under: the seed and the scenario as sent. */
export function templateKey(scenario: Scenario, seed: number): string {
  return `${seed}:${JSON.stringify(scenario)}`;
}

/** A pool of simulation workers; see the file's comment. */
export class SimulationPool {
  private readonly slots: Slot[] = [];
  private readonly pending: Task[] = [];
  private readonly templates = new Map<string, EncodedWarmState>();
  /** Templates being built, by key: how many workers are building each. */
  private readonly building = new Map<string, number>();
  /** The template the page asked to have ready (the latest `prepare`), until every worker holds it. */
  private wanted: { key: string; scenario: Scenario; seed: number } | null = null;
  private readonly runs = new Set<ActiveRun>();
  private nextTaskId = 0;
  private disposed = false;

  constructor(private readonly config: PoolConfig) {}

  /**
   * Gets every worker ready for a run of `scenario` on `seed` while the user is still reading the
   * screen: each builds the template itself, in parallel (on two cores it takes no longer than one
   * build, and a template run is also what brings a fresh worker's compiled code up to speed: the
   * first replications in a cold worker ran three to five times slower). Replaces any earlier
   * request; builds already under way finish.
   */
  prepare(scenario: Scenario, seed: number): void {
    if (this.disposed) return;
    this.wanted = { key: templateKey(scenario, seed), scenario, seed };
    this.pump();
  }

  /** Runs `settings.reps` replications of each scenario; one summary per scenario, in order. */
  run<R>(scenarios: readonly Scenario[], settings: RunSettings, options: PoolRunOptions<R>): Promise<R[]> {
    return new Promise<R[]>((resolve, reject) => {
      if (this.disposed) {
        reject(new Error('the simulation pool has been stopped'));
        return;
      }
      if (options.signal?.aborted) {
        reject(new RunCancelled());
        return;
      }
      const run: ActiveRun = {
        scenarios,
        settings,
        keys: scenarios.map((s) => templateKey(s, settings.seed)),
        results: scenarios.map(() => []),
        total: scenarios.length * settings.reps,
        done: 0,
        settled: false,
        options: options as PoolRunOptions<unknown>,
        resolve: resolve as (value: unknown[]) => void,
        reject,
        onAbort: () => this.cancel(run),
      };
      options.signal?.addEventListener('abort', run.onAbort);
      this.runs.add(run);
      scenarios.forEach((_, job) => {
        for (let rep = 0; rep < settings.reps; rep++) this.pending.push({ run, job, rep, key: run.keys[job]! });
      });
      this.pump();
    });
  }

  /** Stops every worker; runs still going are rejected. */
  dispose(): void {
    if (this.disposed) return;
    for (const run of this.runs) this.finish(run, new Error('the simulation pool was stopped'));
    this.disposed = true;
    for (const slot of this.slots) slot.worker.terminate();
    this.slots.length = 0;
    this.templates.clear();
  }

  // ---- dispatch -------------------------------------------------------------------------------

  /** Hands work to every idle worker, starting workers while there is work for them. */
  private pump(): void {
    for (let progressed = true; progressed && !this.disposed;) {
      progressed = false;
      for (const slot of this.slots) {
        if (slot.work !== null) continue;
        const work = this.nextWorkFor(slot);
        if (work) {
          this.send(slot, work);
          progressed = true;
        }
      }
      if (progressed) continue;
      // Workers start before their work is ready (a template still being built), so they have
      // loaded by the time it is.
      const spawned = this.spawnIfUseful();
      if (spawned) progressed = true;
    }
  }

  /** A new worker, if there are fewer than `size` and more work waiting than workers to do it. */
  private spawnIfUseful(): Slot | null {
    // Workers that could be busy at once: one per replication waiting or running, one per
    // prepared template nobody has started.
    const size = Math.max(1, Math.floor(this.config.size));
    const replicating = this.slots.filter((s) => s.work?.kind === 'replicate').length;
    const useful = this.pending.length + replicating + (this.wanted ? size : 0);
    if (this.slots.length >= size || this.slots.length >= useful) return null;
    let worker: WorkerLike;
    try {
      worker = this.config.createWorker();
    } catch (e) {
      const error = new Error(`could not start a simulation worker: ${(e as Error).message}`);
      for (const run of this.runs) this.finish(run, error);
      return null;
    }
    const slot: Slot = { worker, work: null, taskId: -1, holds: new Set() };
    worker.onmessage = (event) => this.onReply(slot, event.data);
    worker.onerror = (event) => this.onCrash(slot, `a simulation worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}`);
    this.slots.push(slot);
    return slot;
  }

  /**
   * What `slot` should do next: a replication whose template it holds or the page holds; else
   * build a template a waiting replication needs and nobody is building; else a prepared
   * template; else nothing (it waits for a template being built elsewhere).
   */
  private nextWorkFor(slot: Slot): Work | null {
    const ready = this.pending.findIndex((t) => slot.holds.has(t.key) || this.templates.has(t.key));
    if (ready >= 0) return { kind: 'replicate', task: this.pending.splice(ready, 1)[0]! };
    const unbuilt = this.pending.find((t) => !this.building.has(t.key));
    if (unbuilt) return { kind: 'template', key: unbuilt.key, scenario: unbuilt.run.scenarios[unbuilt.job]!, seed: unbuilt.run.settings.seed };
    const want = this.wanted;
    if (want && !slot.holds.has(want.key)) return { kind: 'template', ...want };
    return null;
  }

  private send(slot: Slot, work: Work): void {
    const taskId = this.nextTaskId++;
    slot.work = work;
    slot.taskId = taskId;
    if (work.kind === 'template') {
      this.building.set(work.key, (this.building.get(work.key) ?? 0) + 1);
      slot.worker.postMessage({ type: 'template', taskId, scenario: work.scenario, seed: work.seed });
      return;
    }
    const { run, job, rep, key } = work.task;
    const held = this.templates.get(key);
    const warmState = !slot.holds.has(key) && held ? held : undefined;
    if (warmState) {
      this.templates.delete(key); // most recently used last
      this.templates.set(key, warmState);
    }
    slot.holds.add(key);
    slot.worker.postMessage({
      type: 'replicate',
      taskId,
      scenario: run.scenarios[job],
      days: run.settings.days,
      warmupDays: run.settings.warmupDays,
      seed: run.settings.seed,
      rep,
      ...(warmState ? { warmState } : {}),
    });
  }

  // ---- replies --------------------------------------------------------------------------------

  private onReply(slot: Slot, data: unknown): void {
    if (this.disposed) return;
    const reply = WorkerResponse.safeParse(data);
    const work = slot.work;
    if (!reply.success || !work || reply.data.taskId !== slot.taskId) {
      this.onCrash(slot, 'a simulation worker sent a reply that does not match the protocol');
      return;
    }
    slot.work = null;
    const msg = reply.data;
    if (work.kind === 'template') {
      this.doneBuilding(work.key);
      if (msg.type === 'template') {
        slot.holds.add(work.key);
        if (!this.templates.has(work.key)) this.keepTemplate(work.key, msg.warmState);
        const size = Math.max(1, Math.floor(this.config.size));
        if (this.wanted?.key === work.key && this.slots.length >= size && this.slots.every((s) => s.holds.has(work.key))) this.wanted = null;
      } else {
        if (this.wanted?.key === work.key) this.wanted = null;
        // Every run waiting for this template fails, with the worker's reason.
        const reason = new Error(msg.type === 'failed' ? msg.message : 'a simulation worker answered a template request with something else');
        for (const run of this.runs) if (run.keys.includes(work.key)) this.finish(run, reason);
      }
    } else {
      const { run, job } = work.task;
      if (msg.type !== 'replicated') {
        this.finish(run, new Error(msg.type === 'failed' ? msg.message : 'a simulation worker answered a replication with something else'));
      } else if (!run.settled) {
        run.results[job]!.push(msg.result);
        run.done += 1;
        run.options.onProgress?.({ done: run.done, total: run.total, lastReplicationMs: msg.elapsedMs });
        if (run.done === run.total) this.finish(run, null);
      }
    }
    this.pump();
  }

  private doneBuilding(key: string): void {
    const left = (this.building.get(key) ?? 1) - 1;
    if (left > 0) this.building.set(key, left);
    else this.building.delete(key);
  }

  private keepTemplate(key: string, warm: EncodedWarmState): void {
    this.templates.set(key, warm);
    const kept = Math.max(1, this.config.templatesKept ?? 6);
    while (this.templates.size > kept) this.templates.delete(this.templates.keys().next().value!);
  }

  /** A worker died or spoke nonsense: it is replaced (lazily), and runs it was serving fail. */
  private onCrash(slot: Slot, message: string): void {
    const work = slot.work;
    this.removeSlot(slot);
    const error = new Error(message);
    if (work?.kind === 'replicate') this.finish(work.task.run, error);
    else if (work?.kind === 'template') {
      if (this.wanted?.key === work.key) this.wanted = null;
      for (const run of this.runs) if (run.keys.includes(work.key)) this.finish(run, error);
    }
    this.pump();
  }

  private removeSlot(slot: Slot): void {
    slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (slot.work?.kind === 'template') this.doneBuilding(slot.work.key);
    slot.work = null;
  }

  /**
   * Cancels a run: its waiting tasks are dropped and the workers busy with its replications are
   * stopped (their templates stay on the page), then it rejects with RunCancelled.
   */
  private cancel(run: ActiveRun): void {
    if (run.settled) return;
    const busyForRun = this.slots.filter((slot) => slot.work?.kind === 'replicate' && slot.work.task.run === run);
    for (const slot of busyForRun) this.removeSlot(slot);
    this.finish(run, new RunCancelled());
    this.pump();
  }

  private finish(run: ActiveRun, error: Error | null): void {
    if (run.settled) return;
    run.settled = true;
    this.runs.delete(run);
    run.options.signal?.removeEventListener('abort', run.onAbort);
    for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i]!.run === run) this.pending.splice(i, 1);
    if (error) {
      run.reject(error);
      return;
    }
    try {
      run.resolve(
        run.scenarios.map((scenario, job) =>
          run.options.summarise(
            scenario,
            run.settings,
            [...run.results[job]!].sort((a, b) => a.rep - b.rep),
          ),
        ),
      );
    } catch (e) {
      run.reject(e as Error);
    }
  }
}

/** Runs `settings.reps` replications of each scenario in a pool made for this run, then stops it. */
export function runJobs<R>(scenarios: readonly Scenario[], settings: RunSettings, options: PoolOptions<R>): Promise<R[]> {
  const pool = new SimulationPool({ createWorker: options.createWorker, size: options.size });
  const { createWorker: _c, size: _s, ...runOptions } = options;
  return pool.run(scenarios, settings, runOptions).finally(() => pool.dispose());
}
