import type { Scenario } from '../scenario/schema.ts';
import type { ReplicationResult } from '../sim/results.ts';
import { WorkerResponse, type RunSettings, type WorkerRequest } from './protocol.ts';

/**
 * A small pool of simulation workers. Work is split into (scenario, replication) tasks handed
 * to whichever worker is free, so progress is reported after every replication. Results do not
 * depend on the number of workers: each replication's seed comes from (seed, rep) alone and
 * each scenario's replications are summarised in replication order.
 */

/** The part of `Worker` the pool uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
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

/** Options for `runJobs`. */
export interface PoolOptions<R> {
  createWorker: () => WorkerLike;
  /** Number of workers (at least 1; never more than there are tasks). */
  size: number;
  /** Summarises one scenario's replications, given in replication order. */
  summarise: (scenario: Scenario, settings: RunSettings, replications: ReplicationResult[]) => R;
  onProgress?: (progress: RunProgress) => void;
  signal?: AbortSignal;
}

/** Runs `settings.reps` replications of each scenario and returns one summary per scenario, in order. */
export function runJobs<R>(scenarios: readonly Scenario[], settings: RunSettings, options: PoolOptions<R>): Promise<R[]> {
  const tasks = scenarios.flatMap((_, job) => Array.from({ length: settings.reps }, (_, rep) => ({ job, rep })));
  const total = tasks.length;
  const results: ReplicationResult[][] = scenarios.map(() => []);
  const size = Math.max(1, Math.min(Math.floor(options.size), total));
  const workers: WorkerLike[] = [];

  return new Promise<R[]>((resolve, reject) => {
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const w of workers) w.terminate();
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        reject(error);
        return;
      }
      try {
        resolve(
          scenarios.map((scenario, job) =>
            options.summarise(scenario, settings, [...(results[job] as ReplicationResult[])].sort((a, b) => a.rep - b.rep)),
          ),
        );
      } catch (e) {
        reject(e as Error);
      }
    };
    const onAbort = () => finish(new RunCancelled());
    if (options.signal?.aborted) {
      finish(new RunCancelled());
      return;
    }
    options.signal?.addEventListener('abort', onAbort);

    const dispatch = (worker: WorkerLike, taskId: number) => {
      const task = tasks[taskId];
      if (!task) return;
      worker.postMessage({
        type: 'replicate',
        taskId,
        scenario: scenarios[task.job],
        days: settings.days,
        warmupDays: settings.warmupDays,
        seed: settings.seed,
        rep: task.rep,
      });
    };

    for (let i = 0; i < size; i++) {
      let worker: WorkerLike;
      try {
        worker = options.createWorker();
      } catch (e) {
        finish(new Error(`could not start a simulation worker: ${(e as Error).message}`));
        return;
      }
      workers.push(worker);
      worker.onerror = (event) => finish(new Error(`a simulation worker stopped unexpectedly${event.message ? `: ${event.message}` : ''}`));
      worker.onmessage = (event) => {
        if (settled) return;
        const reply = WorkerResponse.safeParse(event.data);
        if (!reply.success) {
          finish(new Error('a simulation worker sent a reply that does not match the protocol'));
          return;
        }
        const msg = reply.data;
        if (msg.type === 'failed') {
          finish(new Error(msg.message));
          return;
        }
        const task = tasks[msg.taskId];
        if (!task) {
          finish(new Error(`a simulation worker answered an unknown task ${msg.taskId}`));
          return;
        }
        results[task.job]?.push(msg.result);
        done += 1;
        options.onProgress?.({ done, total, lastReplicationMs: msg.elapsedMs });
        if (done === total) {
          finish(null);
          return;
        }
        if (next < total) dispatch(worker, next++);
      };
    }
    for (const worker of workers) if (next < total) dispatch(worker, next++);
  });
}
