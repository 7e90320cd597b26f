import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { runArb, scenarioArb } from '../fixtures/randomScenario.ts';

/**
 * No case lost: every contact either has exactly one `closed` record or is still open, at the
 * end of a run and at any time along the way.
 */
function ledger() {
  const contacts = new Set<number>();
  const closed = new Map<number, number>();
  const problems: string[] = [];
  const onRecord = (r: SimRecord) => {
    if (r.kind === 'contact') {
      if (contacts.has(r.caseId)) problems.push(`case ${r.caseId} has two contact records`);
      contacts.add(r.caseId);
    } else if (r.kind === 'closed') {
      if (!contacts.has(r.caseId)) problems.push(`case ${r.caseId} closed without a contact record`);
      if (closed.has(r.caseId)) problems.push(`case ${r.caseId} closed twice`);
      closed.set(r.caseId, r.t);
    }
  };
  return { contacts, closed, problems, onRecord };
}

function checkBalance(l: ReturnType<typeof ledger>, open: { id: number }[]) {
  expect(l.problems).toEqual([]);
  const openIds = new Set(open.map((c) => c.id));
  expect(openIds.size).toBe(open.length);
  expect(l.contacts.size).toBe(l.closed.size + openIds.size);
  for (const id of openIds) {
    expect(l.contacts.has(id), `open case ${id} has no contact record`).toBe(true);
    expect(l.closed.has(id), `open case ${id} has a closed record`).toBe(false);
  }
}

describe('no case lost', () => {
  it('at the end of a run, contacts = closed + still open, each contact closed at most once', () => {
    fc.assert(
      fc.property(scenarioArb, runArb, (scenario, { days, seed }) => {
        const l = ledger();
        const run = createRun(scenario, { days, seed, onRecord: l.onRecord });
        run.runToEnd();
        expect(run.done).toBe(true);
        checkBalance(l, run.openCases());
      }),
      { numRuns: 80 },
    );
  });

  it('at intermediate times too (runUntil), and open cases are never in the final state', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        runArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (scenario, { days, seed }, cuts) => {
          const l = ledger();
          const run = createRun(scenario, { days, seed, onRecord: l.onRecord });
          for (const f of [...cuts].sort((a, b) => a - b)) {
            run.runUntil(f * days * 24);
            expect(run.now).toBeLessThanOrEqual(days * 24);
            const open = run.openCases();
            checkBalance(l, open);
            for (const c of open) expect(c.state).not.toBe('closed');
          }
          run.runToEnd();
          checkBalance(l, run.openCases());
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('no negative waits, no case out of order', () => {
  it('waits for allocation and for a decision are never negative, and a case closes no earlier than it arrived', () => {
    fc.assert(
      fc.property(scenarioArb, runArb, (scenario, { days, seed }) => {
        const arrived = new Map<number, number>();
        const bad: string[] = [];
        const run = createRun(scenario, {
          days,
          seed,
          onRecord: (r) => {
            if (r.kind === 'contact') arrived.set(r.caseId, r.t);
            if ((r.kind === 'allocated' || r.kind === 'decided') && !(r.waitHours >= 0)) bad.push(`${r.kind} case ${r.caseId}: waitHours ${r.waitHours}`);
            if (r.kind === 'decided' && Math.abs(r.t - arrived.get(r.caseId)! - r.waitHours) > 1e-9)
              bad.push(`decided case ${r.caseId}: wait is not t − arrival`);
            if (r.kind === 'closed' && !(r.t >= arrived.get(r.caseId)!)) bad.push(`closed case ${r.caseId} at ${r.t} before arriving`);
            if (r.kind === 'screened' && !(r.hours >= 0)) bad.push(`screened case ${r.caseId}: ${r.hours} hours`);
          },
        });
        run.runToEnd();
        expect(bad).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('a case has at most one referral, one acceptance and one allocation, in that order', () => {
    fc.assert(
      fc.property(scenarioArb, runArb, (scenario, { days, seed }) => {
        const seen = new Map<number, string[]>();
        const run = createRun(scenario, {
          days,
          seed,
          onRecord: (r) => {
            if (r.kind === 'referral' || r.kind === 'acceptedForAssessment' || r.kind === 'allocated') {
              const l = seen.get(r.caseId) ?? [];
              l.push(r.kind);
              seen.set(r.caseId, l);
            }
          },
        });
        run.runToEnd();
        const allowed = new Set(['referral', 'referral,acceptedForAssessment', 'referral,acceptedForAssessment,allocated']);
        for (const [id, kinds] of seen) expect(allowed.has(kinds.join()), `case ${id}: ${kinds.join(' → ')}`).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
