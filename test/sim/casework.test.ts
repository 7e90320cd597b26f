import { describe, expect, it } from 'vitest';
import { closeDesk, deskEvent, finishDesks, holdPlan, openDesk, releaseHeldPlan, startJob, type Job } from '../../src/sim/engine/casework.ts';
import { CalendarEvent } from '../../src/sim/engine/calendarEvents.ts';
import type { Case, RunState } from '../../src/sim/engine/types.ts';
import { EventQueue } from '../../src/sim/eventQueue.ts';
import { caseworkCapacity, fteOf } from '../../src/sim/staff.ts';
import { WorkingTime } from '../../src/sim/workingCalendar.ts';

/**
 * A social worker's desk by hand (src/sim/engine/casework.ts): assessments whose hours are known,
 * on a round-the-clock calendar so working hours are clock hours, and completion times and the
 * hours worked worked out on paper. The desk is driven as the engine drives it: its calendar
 * events go to `deskEvent`, and the completions it schedules are collected.
 */

interface Bench {
  run: RunState;
  done: Map<number, number>;
  /** Processes the calendar to the end; returns when each case completed. */
  drain(): Map<number, number>;
}

function bench(opts: { nonCaseWorkShare?: number; partTimeShare?: number; deadlinePriority?: number; endHours?: number; warmupHours?: number } = {}): Bench {
  const spec = { partTimeShare: opts.partTimeShare ?? 0, partTimeFte: 0.5, nonCaseWorkShare: opts.nonCaseWorkShare ?? 0 };
  const team = { spec, desks: [], windowCaseworkWorked: 0, windowCaseworkAvailable: 0 };
  const queue = new EventQueue();
  const run = {
    queue,
    calendar: new WorkingTime({ mode: 'always', hoursPerDay: 24, workingDaysPerWeek: 7, bankHolidayDaysOfYear: [] }),
    teams: [team],
    desks: [],
    scenario: {
      assessment: { deadlinePriority: opts.deadlinePriority ?? 0 },
      calendar: { mode: 'always', hoursPerDay: 24, workingDaysPerWeek: 7, bankHolidayDaysOfYear: [] },
    },
    warmupHours: opts.warmupHours ?? 0,
    endHours: opts.endHours ?? 10_000,
  } as unknown as RunState;
  const done = new Map<number, number>();
  return {
    run,
    done,
    drain() {
      while (queue.peekTime() <= run.endHours && queue.next()) {
        if (queue.kind === CalendarEvent.desk) deskEvent(run, queue.id);
        else if (queue.kind === CalendarEvent.completion) done.set(queue.id, queue.now);
      }
      queue.now = Math.max(queue.now, run.endHours);
      finishDesks(run);
      return done;
    },
  };
}

function assessment(slot: number, worker = 0): Case {
  return { slot, worker, child: { team: 0 }, job: null, heldOn: null, heldRate: 0 } as unknown as Case;
}

const job = (remaining: number, hoursPerPaceHour: number, deadline = Infinity, focusAt = Infinity): Job => ({
  remaining,
  hoursPerPaceHour,
  focusAt,
  deadline,
  speed: 0,
});

describe("a social worker's time goes to the assessments they hold, in order, each at most at its pace", () => {
  it('two assessments that each want the whole worker are done in the order the worker took them on', () => {
    const b = bench();
    openDesk(b.run, 0, 0);
    // Each needs 1 hour of work per pace hour: 10 and 30 hours of work, one worker-hour per hour.
    startJob(b.run, assessment(1), job(10, 1));
    startJob(b.run, assessment(2), job(30, 1));
    const done = b.drain();
    // The first has the worker until it is done at t = 10; the second then has its 30 hours: t = 40.
    expect(done.get(1)).toBeCloseTo(10, 9);
    expect(done.get(2)).toBeCloseTo(40, 9);
    const team = b.run.teams[0]!;
    // 40 hours of work in 40 hours, then idle to the end of the run (10,000 hours).
    expect(team.windowCaseworkWorked).toBeCloseTo(40, 9);
    expect(team.windowCaseworkAvailable).toBeCloseTo(10_000, 9);
  });

  it('an assessment capped at its pace leaves the rest of the time to the next (water-filling)', () => {
    const b = bench();
    openDesk(b.run, 0, 0);
    // A, first, can absorb only 0.25 of the worker an hour; B takes the other 0.75.
    startJob(b.run, assessment(1), job(8, 0.25)); // 2 hours of work, 8 hours at its pace
    startJob(b.run, assessment(2), job(6, 1)); // 6 hours of work
    const done = b.drain();
    expect(done.get(1)).toBeCloseTo(8, 9); // never slowed: its pace is all it can use
    expect(done.get(2)).toBeCloseTo(8, 9); // 0.75 an hour for 8 hours = 6 hours
    expect(b.run.teams[0]!.windowCaseworkWorked).toBeCloseTo(2 + 6, 9);
  });

  it('non-case work and part-time hours shrink the time to share', () => {
    const spec = { partTimeShare: 0.5, partTimeFte: 0.5, nonCaseWorkShare: 0.25 };
    // Worker 1 is part-time under a half share (⌊2 × 0.5⌋ > ⌊1 × 0.5⌋); worker 0 is not.
    expect([fteOf(spec, 0), fteOf(spec, 1), fteOf(spec, 2), fteOf(spec, 3)]).toEqual([1, 0.5, 1, 0.5]);
    expect(caseworkCapacity(spec, 1)).toBeCloseTo(0.375, 12);
    const b = bench({ nonCaseWorkShare: 0.25 });
    openDesk(b.run, 0, 0);
    startJob(b.run, assessment(1), job(3, 1)); // 3 hours of work at 0.75 hours an hour
    expect(b.drain().get(1)).toBeCloseTo(4, 9);
    expect(b.run.teams[0]!.windowCaseworkAvailable).toBeCloseTo(0.75 * 10_000, 9);
  });

  it('utilisation counts only hours inside the window and banks available hours only while in post', () => {
    const b = bench({ warmupHours: 10, endHours: 110 });
    openDesk(b.run, 0, 0);
    startJob(b.run, assessment(1), job(30, 1)); // busy 0-30 h: 20 of them inside the window
    // The worker leaves at t = 50 (the desk's event there is the leave).
    while (b.run.queue.peekTime() < 50 && b.run.queue.next()) {
      if (b.run.queue.kind === CalendarEvent.desk) deskEvent(b.run, b.run.queue.id);
    }
    b.run.queue.now = 50;
    closeDesk(b.run, 0, 0);
    b.drain();
    const team = b.run.teams[0]!;
    expect(team.windowCaseworkWorked).toBeCloseTo(20, 9);
    expect(team.windowCaseworkAvailable).toBeCloseTo(40, 9); // in post 10-50 inside the window
    expect(team.windowCaseworkWorked / team.windowCaseworkAvailable).toBeCloseTo(0.5, 9);
  });

  it('an assessment in its deadline focus or past its deadline goes first and faster; deadlinePriority 0 changes nothing', () => {
    const finish = (priority: number) => {
      const b = bench({ deadlinePriority: priority });
      openDesk(b.run, 0, 0);
      // B, taken on first: 100 hours, no deadline in view. A: 20 hours, deadline at 30, focus from 24.
      startJob(b.run, assessment(2), job(100, 1));
      startJob(b.run, assessment(1), job(20, 1, 30, 24));
      const done = b.drain();
      return [done.get(1)!, done.get(2)!];
    };
    // Without priority the worker finishes B first (t = 100), then A (t = 120), long past its deadline.
    expect(finish(0)[0]).toBeCloseTo(120, 9);
    expect(finish(0)[1]).toBeCloseTo(100, 9);
    // With priority 1: B alone until 24; then A goes first (its doubled pace is capped by the
    // worker's one hour an hour) and stays first past its deadline: 20 hours done at 44. B has
    // its 76 hours left from 44: done at 120.
    expect(finish(1)[0]).toBeCloseTo(44, 9);
    expect(finish(1)[1]).toBeCloseTo(120, 9);
  });

  it('in the focus days an assessment may go faster than its unhurried pace when the worker has time', () => {
    const b = bench({ deadlinePriority: 1 });
    openDesk(b.run, 0, 0);
    // 0.25 hours of work per pace hour: 40 pace hours alone. Focus from 24 to the deadline at 100.
    startJob(b.run, assessment(1), job(40, 0.25, 100, 24));
    // 24 pace hours by 24; 16 left at twice the pace: done at 32.
    expect(b.drain().get(1)).toBeCloseTo(32, 9);
    expect(b.run.teams[0]!.windowCaseworkWorked).toBeCloseTo(10, 9); // the same 10 hours of work
  });
});

describe('a plan held on duty while it waits for a long-term team takes its hours first (K10 ¶31)', () => {
  // Round the clock, a month is 8,766 / 12 = 730.5 working hours, so 73.05 hours a month is 0.1 of the worker.
  it('an assessment gets what the held plan leaves, and the plan’s hours count as worked', () => {
    const b = bench();
    openDesk(b.run, 0, 0);
    holdPlan(b.run, assessment(1), 73.05);
    startJob(b.run, assessment(2), job(90, 1));
    const done = b.drain();
    // 90 hours of work at 0.9 of the worker: done at t = 100.
    expect(done.get(2)).toBeCloseTo(100, 9);
    // The plan's 0.1 of 10,000 hours and the assessment's 90.
    expect(b.run.teams[0]!.windowCaseworkWorked).toBeCloseTo(1000 + 90, 6);
  });

  it('once the plan goes to a long-term team the assessment has the whole worker again', () => {
    const b = bench();
    openDesk(b.run, 0, 0);
    const held = assessment(1);
    holdPlan(b.run, held, 73.05);
    startJob(b.run, assessment(2), job(90, 1));
    // At t = 50 the plan is transferred: 45 hours done at 0.9, the other 45 at 1: done at t = 95.
    b.run.queue.now = 50;
    releaseHeldPlan(b.run, held);
    expect(held.heldOn).toBeNull();
    expect(b.drain().get(2)).toBeCloseTo(95, 9);
    expect(b.run.teams[0]!.windowCaseworkWorked).toBeCloseTo(5 + 90, 6);
  });

  it('a plan that takes no hours, or a case no worker holds, changes nothing', () => {
    const b = bench();
    openDesk(b.run, 0, 0);
    holdPlan(b.run, assessment(1), 0);
    holdPlan(b.run, assessment(3, -1), 73.05);
    startJob(b.run, assessment(2), job(90, 1));
    expect(b.drain().get(2)).toBeCloseTo(90, 9);
  });
});
