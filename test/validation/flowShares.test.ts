import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/scenario/presets.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { expectedFlow } from '../../src/sim/flow/capacity.ts';
import type { SimRecord } from '../../src/sim/records.ts';

/**
 * The capacity check's flow against the simulation's, for every preset. The check walks the
 * machine with its states' declared activities and rules (src/sim/flow/), so nothing about the
 * routing is restated; this checks that the walk, its return loop and the engine agree on how
 * contacts flow: the share of contacts that become referrals, reach an initial assessment, reach
 * a core assessment, start a plan or early help.
 *
 * Simulated: warm-started replications (as the app runs them), counting records in the measured
 * year. Tolerance: within 0.01 of the share of contacts, or 10% of the simulated share, whichever
 * is larger. The check is a one-step fluid estimate (DESIGN.md 24): it averages away the calendar,
 * takes team pressure at one step from the unpressured load, and counts a return that arrives
 * while the child has another case open as a new contact. When written it ran 1-7% above the
 * simulation on every share of every preset (largest: medway-2006's core assessments, 0.132
 * against 0.123, and plans, 0.163 against 0.152).
 */

const RUN = { days: 365, warmupDays: 90, seed: 11 } as const;
const REPS = 3;

/** Counts in the measured window, per contact. */
function simulatedShares(id: string) {
  const scenario = PRESETS.find((p) => p.id === id)!;
  const counts = { contacts: 0, referrals: 0, initialAssessments: 0, coreAssessments: 0, plans: 0, earlyHelp: 0 };
  const from = RUN.warmupDays * 24;
  const count = (r: SimRecord) => {
    if (r.t < from) return;
    if (r.kind === 'contact') counts.contacts++;
    else if (r.kind === 'referral') counts.referrals++;
    else if (r.kind === 'allocated') counts.initialAssessments++;
    else if (r.kind === 'assessed' && r.which === 'core') counts.coreAssessments++;
    else if (r.kind === 'planStarted') counts.plans++;
    else if (r.kind === 'earlyHelpStarted') counts.earlyHelp++;
  };
  for (let rep = 0; rep < REPS; rep++) runReplication(scenario, { ...RUN, rep, onRecord: count });
  const per = (n: number) => n / counts.contacts;
  return {
    referrals: per(counts.referrals),
    initialAssessments: per(counts.initialAssessments),
    coreAssessments: per(counts.coreAssessments),
    plans: per(counts.plans),
    earlyHelp: per(counts.earlyHelp),
  };
}

describe('the capacity check’s flow agrees with the simulation', () => {
  it.for(PRESETS.map((p) => p.id))('%s', { timeout: 300_000 }, (id) => {
    const flow = expectedFlow(PRESETS.find((p) => p.id === id)!);
    expect(flow.converged).toBe(true);
    const expected = {
      referrals: flow.referrals / flow.contacts,
      initialAssessments: flow.initialAssessments / flow.contacts,
      coreAssessments: flow.coreAssessments / flow.contacts,
      plans: flow.plans / flow.contacts,
      earlyHelp: flow.earlyHelp / flow.contacts,
    };
    const simulated = simulatedShares(id);
    // Under Working Together 2013 the core stage is the single assessment carrying on: it leaves
    // no record of its own (one completion per assessment), so that share is not compared.
    if (PRESETS.find((p) => p.id === id)!.assessment.framework === 'wt2013') {
      delete (expected as Partial<typeof expected>).coreAssessments;
    }
    const off = Object.entries(expected)
      .map(([k, v]) => [k, v, simulated[k as keyof typeof simulated]] as const)
      .filter(([, v, sim]) => Math.abs(v - sim) > Math.max(0.01, 0.1 * sim))
      .map(([k, v, sim]) => `${k}: check ${v.toFixed(3)}, simulated ${sim.toFixed(3)}`);
    expect(off, JSON.stringify({ expected, simulated })).toEqual([]);
  });
});
