import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import type { AssessmentStock, WarmState } from '../../src/sim/warmState.ts';
import { WorkingTime } from '../../src/sim/workingCalendar.ts';

/**
 * A warm start carries an assessment under way on where it was: same state, the working hours it
 * had left, its deadlines, and a social worker's place, with no second allocation. (Before, such
 * cases went back to the allocation queue and began again, so overdue core assessments took
 * months to settle after every start.)
 */
const scenario = getPreset('kent-2010')!;
const child = { team: 0, need: 80, needMet: false, known: true, referralAge: 500, contactAge: 500, closureAge: Infinity, closureUnmet: false };
const core: AssessmentStock = {
  kind: 'assessment',
  child,
  state: 'assessment.awaitingAllocation',
  agency: 0,
  fastTrack: false,
  allocated: true,
  referralAge: 900,
  acceptedAge: 880,
  initialDeadlineIn: -700,
  inProgress: { state: 'assessment.coreAssessment', activity: 'core', remainingWorkingHours: 30, coreDeadlineIn: -5 },
};
const waiting: AssessmentStock = { ...core, allocated: false, inProgress: undefined, initialDeadlineIn: 40 };
delete (waiting as Partial<AssessmentStock>).inProgress;

function run(entities: AssessmentStock[]): SimRecord[] {
  const records: SimRecord[] = [];
  // One snapshot: each entity is carried over Poisson(1) times, so 40 give some of each.
  const warm: WarmState = { snapshots: 1, months: 60, entities };
  createRun(scenario, { days: 20, seed: 3, warmStart: warm, onRecord: (r) => records.push(r) }).runToEnd();
  return records;
}

describe('warm start: assessments under way', () => {
  it('carry on in their state and finish when their remaining work is done, already overdue', () => {
    const records = run(Array.from({ length: 40 }, () => core));
    const carried = records.filter((r): r is Extract<SimRecord, { kind: 'carriedOver' }> => r.kind === 'carriedOver');
    expect(carried.length).toBeGreaterThan(10);
    const due = new WorkingTime(scenario.calendar).addWorkingHours(0, 30);
    for (const c of carried) {
      expect(c.state).toBe('assessment.coreAssessment');
      expect(records.some((r) => r.kind === 'allocated' && r.caseId === c.caseId)).toBe(false);
      const done = records.find((r) => r.kind === 'assessed' && r.caseId === c.caseId);
      expect(done).toMatchObject({ which: 'core', t: due, inTimescale: false });
    }
  });

  it('waiting referrals wait for allocation and start their initial assessment afresh', () => {
    const records = run(Array.from({ length: 40 }, () => waiting));
    const carried = records.filter((r) => r.kind === 'carriedOver');
    expect(carried.length).toBeGreaterThan(10);
    for (const c of carried) {
      expect(c.kind === 'carriedOver' && c.state).toBe('assessment.awaitingAllocation');
      expect(records.some((r) => r.kind === 'allocated' && r.caseId === c.caseId)).toBe(true);
    }
  });
});
