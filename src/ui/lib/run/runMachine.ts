import { assign, fromCallback, setup, type EventObject } from 'xstate';
import type { RunProgress } from '../../../worker/pool.ts';

/**
 * The life of a run in the page: idle → running → done, failed or cancelled. The work itself is
 * a job (a function of an AbortSignal and a progress callback) so the machine does not know
 * about workers; leaving `running` for any reason aborts the job. A new RUN while running
 * replaces the job. The last good result is kept while a new run is under way.
 */

/** Work to run: resolves with the result, rejects on failure; must stop when the signal aborts. */
export interface RunJob {
  /** What is being run, for status messages (e.g. "3 scenarios × 20 replications"). */
  description: string;
  /** Anything that identifies the inputs, so the page can tell whether a result is stale. */
  inputKey: string;
  start: (signal: AbortSignal, onProgress: (p: RunProgress) => void) => Promise<unknown>;
}

export interface RunContext {
  job: RunJob | null;
  progress: RunProgress | null;
  /** The result of the last run that finished, and the job that produced it. */
  result: unknown;
  resultJob: RunJob | null;
  error: string | null;
  /** Wall-clock times (ms, from the page's clock) of the current or last run. */
  startedAt: number;
  finishedAt: number;
}

export type RunEvent =
  | { type: 'RUN'; job: RunJob; now: number }
  | { type: 'CANCEL' }
  | { type: 'PROGRESS'; progress: RunProgress }
  | { type: 'DONE'; result: unknown; now: number }
  | { type: 'FAILED'; message: string; now: number };

/** Names used to tell a cancellation (not an error) from a failure. */
const isCancellation = (e: unknown) => e instanceof Error && e.name === 'RunCancelled';

const runner = fromCallback<EventObject, RunJob>(({ input, sendBack }) => {
  const controller = new AbortController();
  input
    .start(controller.signal, (progress) => sendBack({ type: 'PROGRESS', progress }))
    .then(
      (result) => !controller.signal.aborted && sendBack({ type: 'DONE', result, now: performance.now() }),
      (e: unknown) => {
        if (controller.signal.aborted || isCancellation(e)) return;
        sendBack({ type: 'FAILED', message: e instanceof Error ? e.message : String(e), now: performance.now() });
      },
    );
  return () => controller.abort();
});

export const runMachine = setup({
  types: { context: {} as RunContext, events: {} as RunEvent },
  actors: { runner },
}).createMachine({
  id: 'run',
  initial: 'idle',
  context: { job: null, progress: null, result: null, resultJob: null, error: null, startedAt: 0, finishedAt: 0 },
  on: {
    RUN: {
      target: '.running',
      reenter: true,
      actions: assign(({ event }) => ({ job: event.job, progress: null, error: null, startedAt: event.now, finishedAt: 0 })),
    },
  },
  states: {
    idle: {},
    running: {
      invoke: { src: 'runner', input: ({ context }) => context.job as RunJob },
      on: {
        PROGRESS: { actions: assign({ progress: ({ event }) => event.progress }) },
        DONE: { target: 'done', actions: assign(({ context, event }) => ({ result: event.result, resultJob: context.job, finishedAt: event.now })) },
        FAILED: { target: 'failed', actions: assign(({ event }) => ({ error: event.message, finishedAt: event.now })) },
        CANCEL: 'cancelled',
      },
    },
    done: {},
    failed: {},
    cancelled: {},
  },
});
