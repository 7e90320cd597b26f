import { useEffect, useMemo, useState } from 'react';
import type { Scenario } from '../../../scenario/schema.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { createWorkerRunner, type Runner } from '../../../worker/client.ts';

/**
 * The batch of replications the animated run belongs to: every scenario on screen, run in the
 * workspace's worker pool on the same settings, so the view can place the animated replication
 * within the replications' confidence interval.
 */

export interface BatchSettings {
  days: number;
  warmupDays: number;
  reps: number;
  seed: number;
}

export type BatchState =
  { status: 'running'; done: number; total: number } | { status: 'done'; results: BatchResult[] } | { status: 'failed'; message: string };

/** Runs `scenarios` × `settings.reps` replications whenever they change; cancels the previous batch. */
export function useBatch(scenarios: readonly Scenario[], settings: BatchSettings, runner?: Runner): BatchState {
  const run = useMemo(() => runner ?? createWorkerRunner(), [runner]);
  const [state, setState] = useState<BatchState>({ status: 'running', done: 0, total: scenarios.length * settings.reps });
  const key = JSON.stringify([scenarios.map((s) => s.id), settings]);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'running', done: 0, total: scenarios.length * settings.reps });
    run(scenarios, settings, {
      signal: controller.signal,
      onProgress: (p) => !controller.signal.aborted && setState({ status: 'running', done: p.done, total: p.total }),
    }).then(
      (results) => !controller.signal.aborted && setState({ status: 'done', results }),
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => controller.abort();
    // The key captures the scenarios' ids and the settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, run]);
  return state;
}
