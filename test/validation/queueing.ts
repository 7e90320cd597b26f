import { availableParallelism } from 'node:os';
import { runBatchParallel } from '../../src/cli/parallel.ts';
import type { BatchResult } from '../../src/sim/results.ts';
import { mmcScenario } from '../fixtures/small.ts';
import { erlangC, type ErlangC } from './erlangC.ts';

/** Service rate per social worker in the validation runs: one case an hour (time unit: hours). */
export const MU_PER_HOUR = 1;

/** One M/M/c experiment: the batch, the theory and the relative errors the tests bound. */
export interface QueueCheck {
  c: number;
  rho: number;
  lambdaPerHour: number;
  arrivals: number;
  theory: ErlangC;
  batch: BatchResult;
  /** Simulated mean wait for allocation (mean over replications), hours. */
  wq: number;
  /** (simulated − Erlang C) ÷ Erlang C for the mean wait in queue. */
  wqError: number;
  /** Half-width of the 95% interval of the simulated Wq, relative to Erlang C. */
  wqHalfWidth: number;
  /** Little's law per replication: (L − λW) ÷ λW with L = awaitingAllocationMean, W = meanWaitToAllocationHours, λ nominal. */
  littleErrors: number[];
  /** Simulated social worker utilisation (mean over replications). */
  utilisation: number;
}

/**
 * Runs the M/M/c scenario of test/fixtures/small.ts at utilisation `rho` with `c` servers, its
 * replications spread over up to two worker threads (the numbers do not depend on how many).
 */
export async function runQueueCheck(c: number, rho: number, opts: { days: number; warmupDays: number; reps: number; seed: number }): Promise<QueueCheck> {
  const lambda = rho * c * MU_PER_HOUR;
  const batch = await runBatchParallel(mmcScenario(lambda, MU_PER_HOUR, c), opts, Math.min(2, availableParallelism()));
  const theory = erlangC(lambda, MU_PER_HOUR, c);
  const m = batch.metrics;
  const wq = m.meanWaitToAllocationHours.mean;
  const littleErrors = batch.replications.map((r) => {
    const lw = lambda * r.metrics.meanWaitToAllocationHours;
    return (r.metrics.awaitingAllocationMean - lw) / lw;
  });
  const check: QueueCheck = {
    c,
    rho,
    lambdaPerHour: lambda,
    arrivals: m.contacts.mean * opts.reps,
    theory,
    batch,
    wq,
    wqError: (wq - theory.meanWaitInQueue) / theory.meanWaitInQueue,
    wqHalfWidth: (m.meanWaitToAllocationHours.ci95[1] - wq) / theory.meanWaitInQueue,
    littleErrors,
    utilisation: m.caseloadPlacesHeldShare.mean, // a server is one place (no hours of work: places are the only limit)
  };
  if (process.env.VALIDATION_REPORT) {
    const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
    console.log(
      `M/M/${c} ρ=${rho}: ${Math.round(check.arrivals).toLocaleString('en-GB')} arrivals in the window; Wq Erlang C ${theory.meanWaitInQueue.toFixed(4)} h, ` +
        `simulated ${wq.toFixed(4)} h (error ${pct(check.wqError)}, 95% CI ±${pct(check.wqHalfWidth)}); Little max |error| ${pct(Math.max(...littleErrors.map(Math.abs)))}; ` +
        `utilisation ${check.utilisation.toFixed(4)}; Lq theory ${theory.meanNumberWaiting.toFixed(4)}, simulated ${m.awaitingAllocationMean.mean.toFixed(4)}`,
    );
  }
  return check;
}
