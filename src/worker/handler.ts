import { formatProblems, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ReplicationResult } from '../sim/results.ts';
import { WorkerRequest, type WorkerResponse } from './protocol.ts';

/** Runs one replication; in the app this is `runReplication` from src/sim/batch.ts. */
export type Replicate = (
  scenario: Scenario,
  opts: { days: number; warmupDays: number; seed: number; rep: number },
) => ReplicationResult;

/**
 * Handles one message in a worker (or in-process in tests): checks it against the protocol,
 * parses the scenario, runs the replication and returns the reply. Never throws: every failure
 * becomes a `failed` reply carrying the reason.
 */
export function handleWorkerMessage(data: unknown, replicate: Replicate, now: () => number): WorkerResponse {
  const request = WorkerRequest.safeParse(data);
  if (!request.success) {
    const taskId = typeof (data as { taskId?: unknown })?.taskId === 'number' ? (data as { taskId: number }).taskId : -1;
    return { type: 'failed', taskId, message: 'the worker received a message it does not understand', problems: [] };
  }
  const { taskId, scenario, days, warmupDays, seed, rep } = request.data;
  const parsed = parseScenario(scenario);
  if (!parsed.ok) {
    return { type: 'failed', taskId, message: `the scenario has problems:\n${formatProblems(parsed.problems)}`, problems: parsed.problems };
  }
  const started = now();
  try {
    const result = replicate(parsed.value, { days, warmupDays, seed, rep });
    return { type: 'replicated', taskId, result, elapsedMs: Math.max(0, now() - started) };
  } catch (e) {
    return { type: 'failed', taskId, message: `the simulation stopped: ${(e as Error).message ?? String(e)}`, problems: [] };
  }
}
