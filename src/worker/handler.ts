import { formatProblems, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { ReplicationResult } from '../sim/results.ts';
import type { EncodedWarmState } from '../sim/warmStateCodec.ts';
import { WorkerRequest, type WorkerResponse } from './protocol.ts';

/** Runs one replication; in the app this is `runReplication` from src/sim/batch.ts. */
export type Replicate = (scenario: Scenario, opts: { days: number; warmupDays: number; seed: number; rep: number }) => ReplicationResult;

/** The worker's warm-start templates (in the app: warmStart.ts's cache through warmStateCodec.ts). */
export interface TemplateStore {
  /** The template of `scenario` on `seed`, built or recalled, packed. */
  template(scenario: Scenario, seed: number): EncodedWarmState;
  /** Keeps a template another worker built; throws if it does not decode. */
  remember(scenario: Scenario, seed: number, warm: EncodedWarmState): void;
}

/**
 * Handles one message in a worker (or in-process in tests): checks it against the protocol,
 * parses the scenario, runs the replication or builds the template, and returns the reply.
 * Never throws: every failure becomes a `failed` reply carrying the reason.
 */
export function handleWorkerMessage(data: unknown, replicate: Replicate, now: () => number, templates?: TemplateStore): WorkerResponse {
  const request = WorkerRequest.safeParse(data);
  if (!request.success) {
    const taskId = typeof (data as { taskId?: unknown })?.taskId === 'number' ? (data as { taskId: number }).taskId : -1;
    return { type: 'failed', taskId, message: 'the worker received a message it does not understand', problems: [] };
  }
  const msg = request.data;
  const { taskId } = msg;
  const parsed = parseScenario(msg.scenario);
  if (!parsed.ok) {
    return { type: 'failed', taskId, message: `the scenario has problems:\n${formatProblems(parsed.problems)}`, problems: parsed.problems };
  }
  const started = now();
  try {
    if (msg.type === 'template') {
      if (!templates) return { type: 'failed', taskId, message: 'this worker does not build warm-start templates', problems: [] };
      return { type: 'template', taskId, warmState: templates.template(parsed.value, msg.seed), elapsedMs: Math.max(0, now() - started) };
    }
    if (msg.warmState) {
      if (!templates) return { type: 'failed', taskId, message: 'this worker does not take warm-start templates', problems: [] };
      templates.remember(parsed.value, msg.seed, msg.warmState);
    }
    const { days, warmupDays, seed, rep } = msg;
    const result = replicate(parsed.value, { days, warmupDays, seed, rep });
    return { type: 'replicated', taskId, result, elapsedMs: Math.max(0, now() - started) };
  } catch (e) {
    return { type: 'failed', taskId, message: `the simulation stopped: ${(e as Error).message ?? String(e)}`, problems: [] };
  }
}
