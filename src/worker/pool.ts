import type { Scenario } from '../scenario/schema.ts';
import type { ReplicationResult } from '../sim/results.ts';
import type { EncodedWarmState } from '../sim/warmStateCodec.ts';
import type { ResultStore } from './resultStore.ts';
import { WorkerResponse, type RunSettings, type WorkerRequest } from './protocol.ts';
import { replicationKey, repKeys, templateKey } from './runKeys.ts';

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
 *
 * A replication is a pure function of (scenario, days, warm-up, seed, rep) (test/e2e/determinism),
 * so finished replications are kept too (`resultsKept`) and a run asks only for those it lacks.
 * `prepare` may also name the run settings: then, once the templates are ready and no run is
 * waiting, idle workers compute that run's replications ahead, at the lowest priority (a new
 * `prepare` drops the ones not yet started). Pressing Run then collects what is done, joins what
 * is under way and queues the rest, so the results are the same numbers as a cold run, sooner.
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
  /**
   * Of `done`, how many no worker had to compute for this run: computed ahead while the user read
   * the screen, held from an earlier run, kept from an earlier visit, or shipped with the build.
   */
  reused?: number;
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
  /** Finished replications kept on the page (each some tens of kB); least recently used go first. */
  resultsKept?: number;
  /**
   * Replications kept in the browser between visits (resultStore.ts): looked up before a run or
   * a `prepare` asks a worker for anything, and given every replication a worker finishes.
   */
  store?: ResultStore | null;
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

/** A run's place for one replication's result. */
interface Waiter {
  run: ActiveRun;
  job: number;
}

/** One replication to compute, shared by every run (and any `prepare`) that wants it. */
interface Task {
  /** The replication's identity: template key, days, warm-up and rep. */
  repKey: string;
  /** The template it starts from. */
  key: string;
  scenario: Scenario;
  settings: RunSettings;
  rep: number;
  /** Runs waiting for it; none while it is only computed ahead. */
  waiters: Waiter[];
}

interface ActiveRun {
  scenarios: readonly Scenario[];
  settings: RunSettings;
  keys: string[];
  results: ReplicationResult[][];
  total: number;
  done: number;
  /** Replications it was given already computed (RunProgress.reused). */
  reused: number;
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

/**
 * Replications each worker computes again when every replication of the prepared run is already
 * at hand. In a cold worker V8's compilers take about as long as the simulation (DESIGN 70-71), and
 * the user's next edit is a run nobody has, so idle workers are not ready workers. Paired app
 * rounds, Run pressed at once after one lever was changed 5 s after a first visit's page showed
 * (DESIGN 74): 3.65-3.95 s with idle workers; 2.71-2.82 s with the template built; 2.74-3.06 s with
 * one replication each as well; 2.18-2.57 s with four each, against 2.06-2.86 s when the page had
 * computed the whole default run itself.
 */
const WARMING_REPLICATIONS_PER_WORKER = 4;

/** A pool of simulation workers; see the file's comment. */
export class SimulationPool {
  private readonly slots: Slot[] = [];
  /** Replications a run waits for, in the order asked. */
  private readonly pending: Task[] = [];
  /** Replications computed ahead (`prepare`), taken only when nothing else is waiting. */
  private readonly ahead: Task[] = [];
  /** Every task waiting or under way, by replication key. */
  private readonly tasks = new Map<string, Task>();
  /** Finished replications, by replication key (least recently used first). */
  private readonly finished = new Map<string, ReplicationResult>();
  private readonly templates = new Map<string, EncodedWarmState>();
  /** Templates being built, by key: how many workers are building each. */
  private readonly building = new Map<string, number>();
  /** The template the page asked to have ready (the latest `prepare`), until every worker holds it. */
  private wanted: { key: string; scenario: Scenario; seed: number } | null = null;
  private readonly runs = new Set<ActiveRun>();
  private nextTaskId = 0;
  /** How many `prepare` calls there have been (a lookup answered after a newer call is dropped). */
  private prepared = 0;
  /** Templates asked for on their own (`template`) that no worker has started, oldest first. */
  private readonly asked: { key: string; scenario: Scenario; seed: number }[] = [];
  /** Callers of `template` waiting, by template key. */
  private readonly templateWaiters = new Map<string, ((warm: EncodedWarmState | null) => void)[]>();
  private disposed = false;

  constructor(private readonly config: PoolConfig) {}

  /**
   * Gets every worker ready for a run of `scenario` on `seed` while the user is still reading the
   * screen: each builds the template itself, in parallel (on two cores it takes no longer than one
   * build, and a template run is also what brings a fresh worker's compiled code up to speed: the
   * first replications in a cold worker ran three to five times slower). With `settings`, the
   * replications of a run of `scenarios` on those settings are then computed ahead, so a run the
   * user starts finds them done. Replaces any earlier request; work already under way finishes.
   */
  prepare(scenarios: Scenario | readonly Scenario[], settingsOrSeed: RunSettings | number): void {
    if (this.disposed) return;
    const list = Array.isArray(scenarios) ? (scenarios as readonly Scenario[]) : [scenarios as Scenario];
    const token = ++this.prepared;
    if (!this.config.store || typeof settingsOrSeed === 'number') {
      this.prepareNow(list, settingsOrSeed);
      return;
    }
    // Replications kept from an earlier visit first: what they cover needs no worker at all.
    const settings = settingsOrSeed;
    void this.recall(list.flatMap((s) => repKeys(templateKey(s, settings.seed), settings))).then(() => {
      if (token === this.prepared) this.prepareNow(list, settings);
    });
  }

  private prepareNow(list: readonly Scenario[], settingsOrSeed: RunSettings | number): void {
    if (this.disposed) return;
    const seed = typeof settingsOrSeed === 'number' ? settingsOrSeed : settingsOrSeed.seed;
    const first = list[0];
    this.wanted = first ? { key: templateKey(first, seed), scenario: first, seed } : null;
    for (const task of this.ahead) this.tasks.delete(task.repKey);
    this.ahead.length = 0;
    if (typeof settingsOrSeed !== 'number') {
      let allFinished = true;
      for (const scenario of list) {
        const key = templateKey(scenario, seed);
        for (let rep = 0; rep < settingsOrSeed.reps; rep++) {
          const repKey = replicationKey(key, settingsOrSeed, rep);
          if (this.finished.has(repKey)) continue;
          allFinished = false;
          if (this.tasks.has(repKey)) continue;
          const task: Task = { repKey, key, scenario, settings: settingsOrSeed, rep, waiters: [] };
          this.tasks.set(repKey, task);
          this.ahead.push(task);
        }
      }
      // Every replication of the run is at hand (kept from an earlier visit, or shipped with the
      // build): the workers still build its template and compute a few of its replications again
      // (the same numbers), for their compiled code (WARMING_REPLICATIONS_PER_WORKER).
      if (allFinished && first) {
        const size = Math.max(1, Math.floor(this.config.size));
        const key = templateKey(first, seed);
        for (let rep = 0; rep < Math.min(WARMING_REPLICATIONS_PER_WORKER * size, settingsOrSeed.reps); rep++) {
          const repKey = replicationKey(key, settingsOrSeed, rep);
          if (this.tasks.has(repKey)) continue;
          const task: Task = { repKey, key, scenario: first, settings: settingsOrSeed, rep, waiters: [] };
          this.tasks.set(repKey, task);
          this.ahead.push(task);
        }
      }
    }
    this.pump();
  }

  /** Moves replications kept in the browser (config.store) among `keys` onto the page. */
  private async recall(keys: string[]): Promise<void> {
    const store = this.config.store;
    const missing = keys.filter((k) => !this.finished.has(k) && !this.tasks.has(k));
    if (!store || missing.length === 0) return;
    // A store that fails finds nothing: the run computes what it needs.
    const found = await store.find(missing).catch(() => new Map<string, ReplicationResult>());
    for (const [key, result] of found) if (!this.finished.has(key)) this.keepResult(key, result);
  }

  /** Runs `settings.reps` replications of each scenario; one summary per scenario, in order. */
  run<R>(scenarios: readonly Scenario[], settings: RunSettings, options: PoolRunOptions<R>): Promise<R[]> {
    if (!this.config.store) return this.runNow(scenarios, settings, options);
    // Replications kept from an earlier visit first, so a run of anything run before needs no worker.
    return this.recall(scenarios.flatMap((s) => repKeys(templateKey(s, settings.seed), settings))).then(() => this.runNow(scenarios, settings, options));
  }

  private runNow<R>(scenarios: readonly Scenario[], settings: RunSettings, options: PoolRunOptions<R>): Promise<R[]> {
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
        reused: 0,
        settled: false,
        options: options as PoolRunOptions<unknown>,
        resolve: resolve as (value: unknown[]) => void,
        reject,
        onAbort: () => this.cancel(run),
      };
      options.signal?.addEventListener('abort', run.onAbort);
      this.runs.add(run);
      scenarios.forEach((scenario, job) => {
        const key = run.keys[job]!;
        for (let rep = 0; rep < settings.reps && !run.settled; rep++) {
          const repKey = replicationKey(key, settings, rep);
          const done = this.finished.get(repKey);
          if (done) {
            this.finished.delete(repKey); // most recently used last
            this.finished.set(repKey, done);
            this.deliver({ run, job }, done, 0, true);
            continue;
          }
          let task = this.tasks.get(repKey);
          if (!task) {
            task = { repKey, key, scenario, settings, rep, waiters: [] };
            this.tasks.set(repKey, task);
            this.pending.push(task);
          } else if (task.waiters.length === 0) {
            // Asked for ahead and not started: it joins the run's queue.
            const i = this.ahead.indexOf(task);
            if (i >= 0) {
              this.ahead.splice(i, 1);
              this.pending.push(task);
            }
          }
          task.waiters.push({ run, job });
        }
      });
      this.pump();
    });
  }

  /**
   * The warm-start template of `scenario` on `seed`, packed: the copy the page holds, else the
   * one a worker is building, else one built now, before anything else a worker takes up. For a
   * view that runs a replication in a worker of its own (the trainer), so it need not build the
   * template again: in a fresh worker that took 1-1.5 s alone and 3-4 s beside the pool's
   * workers. Null when the build fails or the pool is stopped (the caller then builds its own).
   */
  template(scenario: Scenario, seed: number): Promise<EncodedWarmState | null> {
    if (this.disposed) return Promise.resolve(null);
    const key = templateKey(scenario, seed);
    const held = this.templates.get(key);
    if (held) return Promise.resolve(held);
    return new Promise((resolve) => {
      const waiting = this.templateWaiters.get(key);
      if (waiting) waiting.push(resolve);
      else this.templateWaiters.set(key, [resolve]);
      if (!this.building.has(key) && !this.asked.some((a) => a.key === key)) this.asked.push({ key, scenario, seed });
      this.pump();
    });
  }

  /** Answers the callers of `template` waiting for `key` (null: it could not be built). */
  private answerTemplate(key: string, warm: EncodedWarmState | null): void {
    const waiting = this.templateWaiters.get(key);
    if (!waiting) return;
    this.templateWaiters.delete(key);
    for (const resolve of waiting) resolve(warm);
  }

  /** Stops every worker; runs still going are rejected. */
  dispose(): void {
    if (this.disposed) return;
    for (const run of this.runs) this.finish(run, new Error('the simulation pool was stopped'));
    this.disposed = true;
    for (const key of this.templateWaiters.keys()) this.answerTemplate(key, null);
    this.asked.length = 0;
    for (const slot of this.slots) slot.worker.terminate();
    this.slots.length = 0;
    this.templates.clear();
    this.finished.clear();
    this.tasks.clear();
    this.pending.length = 0;
    this.ahead.length = 0;
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
    const useful = this.pending.length + this.ahead.length + this.asked.length + replicating + (this.wanted ? size : 0);
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
   * What `slot` should do next: for replications a run waits for, build a template one needs
   * that nobody is building if no template is being built at all, else a replication whose
   * template it holds or the page holds, else build a missing template anyway; else a prepared
   * template; else the same steps for replications computed ahead; else nothing (it waits for a
   * template being built elsewhere).
   */
  private nextWorkFor(slot: Slot): Work | null {
    // A template a view waits for on screen goes first (one build: a replication takes longer).
    while (this.asked.length > 0) {
      const asked = this.asked.shift()!;
      if (!this.templates.has(asked.key) && !this.building.has(asked.key)) return { kind: 'template', ...asked };
    }
    const now = this.workFrom(this.pending, slot);
    if (now) return now;
    const want = this.wanted;
    if (want && !slot.holds.has(want.key)) return { kind: 'template', ...want };
    return this.workFrom(this.ahead, slot);
  }

  private workFrom(queue: Task[], slot: Slot): Work | null {
    const ready = (t: Task) => slot.holds.has(t.key) || this.templates.has(t.key);
    const unbuilt = queue.find((t) => !ready(t) && !this.building.has(t.key));
    const build: Work | null = unbuilt ? { kind: 'template', key: unbuilt.key, scenario: unbuilt.scenario, seed: unbuilt.settings.seed } : null;
    // A template nobody is building goes first while no other template is being built: the other
    // workers keep running replications meanwhile, and none waits idle at the end of a comparison
    // for the last scenario's template (built only once every other replication had been taken,
    // it left one of two workers idle for its whole build).
    if (build && this.building.size === 0) return build;
    const next = queue.findIndex(ready);
    if (next >= 0) return { kind: 'replicate', task: queue.splice(next, 1)[0]! };
    return build;
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
    const { scenario, settings, rep, key } = work.task;
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
      scenario,
      days: settings.days,
      warmupDays: settings.warmupDays,
      seed: settings.seed,
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
        this.answerTemplate(work.key, msg.warmState);
        const size = Math.max(1, Math.floor(this.config.size));
        if (this.wanted?.key === work.key && this.slots.length >= size && this.slots.every((s) => s.holds.has(work.key))) this.wanted = null;
      } else {
        if (this.wanted?.key === work.key) this.wanted = null;
        // Every run waiting for this template fails, with the worker's reason.
        const reason = new Error(msg.type === 'failed' ? msg.message : 'a simulation worker answered a template request with something else');
        for (const run of this.runs) if (run.keys.includes(work.key)) this.finish(run, reason);
        this.dropAhead(work.key);
        if (!this.building.has(work.key)) this.answerTemplate(work.key, null);
      }
    } else {
      const task = work.task;
      this.tasks.delete(task.repKey);
      if (msg.type !== 'replicated') {
        const error = new Error(msg.type === 'failed' ? msg.message : 'a simulation worker answered a replication with something else');
        for (const waiter of task.waiters) this.finish(waiter.run, error);
      } else {
        this.keepResult(task.repKey, msg.result);
        this.config.store?.keep(task.repKey, msg.result);
        for (const waiter of task.waiters) this.deliver(waiter, msg.result, msg.elapsedMs);
      }
    }
    this.pump();
  }

  /** Gives a run one of its replications (`reused`: it was computed before the run asked). */
  private deliver(waiter: Waiter, result: ReplicationResult, elapsedMs: number, reused = false): void {
    const run = waiter.run;
    if (run.settled) return;
    run.results[waiter.job]!.push(result);
    run.done += 1;
    if (reused) run.reused += 1;
    run.options.onProgress?.({ done: run.done, total: run.total, lastReplicationMs: elapsedMs, reused: run.reused });
    if (run.done === run.total) this.finish(run, null);
  }

  private keepResult(repKey: string, result: ReplicationResult): void {
    this.finished.set(repKey, result);
    const kept = Math.max(0, this.config.resultsKept ?? 240);
    while (this.finished.size > kept) this.finished.delete(this.finished.keys().next().value!);
  }

  /** Replications computed ahead from template `key` are given up (it could not be built). */
  private dropAhead(key: string): void {
    for (let i = this.ahead.length - 1; i >= 0; i--) {
      if (this.ahead[i]!.key !== key) continue;
      this.tasks.delete(this.ahead[i]!.repKey);
      this.ahead.splice(i, 1);
    }
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
    if (work?.kind === 'replicate') {
      this.tasks.delete(work.task.repKey);
      for (const waiter of work.task.waiters) this.finish(waiter.run, error);
    } else if (work?.kind === 'template') {
      if (this.wanted?.key === work.key) this.wanted = null;
      for (const run of this.runs) if (run.keys.includes(work.key)) this.finish(run, error);
      this.dropAhead(work.key);
      if (!this.building.has(work.key)) this.answerTemplate(work.key, null);
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
   * Cancels a run: its waiting tasks are dropped and the workers busy with replications only it
   * wanted are stopped (their templates stay on the page), then it rejects with RunCancelled.
   */
  private cancel(run: ActiveRun): void {
    if (run.settled) return;
    const onlyFor = (task: Task) => task.waiters.length > 0 && task.waiters.every((w) => w.run === run);
    const busyForRun = this.slots.filter((slot) => slot.work?.kind === 'replicate' && onlyFor(slot.work.task));
    for (const slot of busyForRun) {
      if (slot.work?.kind === 'replicate') this.tasks.delete(slot.work.task.repKey);
      this.removeSlot(slot);
    }
    this.finish(run, new RunCancelled());
    this.pump();
  }

  private finish(run: ActiveRun, error: Error | null): void {
    if (run.settled) return;
    run.settled = true;
    this.runs.delete(run);
    run.options.signal?.removeEventListener('abort', run.onAbort);
    // Its places in shared tasks go; a waiting task nobody else wants is dropped.
    for (const task of this.tasks.values()) task.waiters = task.waiters.filter((w) => w.run !== run);
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const task = this.pending[i]!;
      if (task.waiters.length === 0) {
        this.pending.splice(i, 1);
        this.tasks.delete(task.repKey);
      }
    }
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
