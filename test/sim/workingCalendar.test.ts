import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_DAY, WorkingTime } from '../../src/sim/workingCalendar.ts';

/** Working time: weekdays 09:00-16:30 (7.5 hours), weekends and bank holidays off; day 0 is a Monday. */
const weekdays = new WorkingTime({ mode: 'workingDays', hoursPerDay: 7.5, workingDaysPerWeek: 5, bankHolidayDaysOfYear: [] });
const withHoliday = new WorkingTime({ mode: 'workingDays', hoursPerDay: 7.5, workingDaysPerWeek: 5, bankHolidayDaysOfYear: [7] });
const always = new WorkingTime({ mode: 'always', hoursPerDay: 7.5, workingDaysPerWeek: 5, bankHolidayDaysOfYear: [7] });
const at = (day: number, hour: number) => day * HOURS_PER_DAY + hour;

describe('WorkingTime', () => {
  it('Saturdays and Sundays are not working days; bank holidays are not either, every year', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((d) => weekdays.isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
    expect(withHoliday.isWorkingDay(7)).toBe(false);
    expect(withHoliday.isWorkingDay(8)).toBe(true);
    expect(withHoliday.isWorkingDay(365 + 7)).toBe(false);
  });

  it('work that does not fit before Friday’s close carries over the weekend to Monday', () => {
    // Friday 16:00: half an hour left today, 1.5 hours on Monday from 09:00.
    expect(weekdays.addWorkingHours(at(4, 16), 2)).toBeCloseTo(at(7, 10.5), 9);
  });

  it('a bank holiday on the Monday pushes that work to Tuesday', () => {
    expect(withHoliday.addWorkingHours(at(4, 16), 2)).toBeCloseTo(at(8, 10.5), 9);
  });

  it('work handed over at night or at the weekend starts at 09:00 on the next working day', () => {
    expect(weekdays.addWorkingHours(at(2, 3), 1)).toBeCloseTo(at(2, 10), 9);
    expect(weekdays.addWorkingHours(at(5, 12), 1)).toBeCloseTo(at(7, 10), 9);
    expect(weekdays.addWorkingHours(at(2, 20), 1)).toBeCloseTo(at(3, 10), 9);
  });

  it('no work takes no time in working hours; outside them it is done when staff are next at work', () => {
    expect(weekdays.addWorkingHours(at(2, 12), 0)).toBe(at(2, 12));
    expect(weekdays.addWorkingHours(at(5, 12), 0)).toBe(at(7, 9));
  });

  it('a working week holds 37.5 hours, 30 with a bank holiday', () => {
    expect(weekdays.availableHours(0, at(7, 0))).toBeCloseTo(37.5, 9);
    expect(withHoliday.availableHours(at(7, 0), at(14, 0))).toBeCloseTo(30, 9);
    expect(weekdays.availableHours(at(3, 0), at(3, 0))).toBe(0);
    expect(weekdays.availableHours(at(3, 5), at(3, 1))).toBe(0);
  });

  it('a deadline of d working days is d × hours-per-day of working time later', () => {
    expect(weekdays.hoursPerWorkingDay).toBe(7.5);
    expect(weekdays.deadline(at(0, 9), 1)).toBeCloseTo(at(0, 16.5), 9);
    expect(weekdays.deadline(at(0, 12), 7)).toBe(weekdays.addWorkingHours(at(0, 12), 52.5));
    // From Monday noon, 7 working days later is the next Wednesday noon.
    expect(weekdays.deadline(at(0, 12), 7)).toBeCloseTo(at(9, 12), 9);
  });

  it('addWorkingHours and availableHours agree: the working time between t and t + h of work is h', () => {
    const calendars = [
      weekdays,
      withHoliday,
      new WorkingTime({ mode: 'workingDays', hoursPerDay: 10, workingDaysPerWeek: 4, bankHolidayDaysOfYear: [0, 3, 30] }),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...calendars), fc.double({ min: 0, max: 2000, noNaN: true }), fc.double({ min: 0, max: 300, noNaN: true }), (cal, t, h) => {
        const end = cal.addWorkingHours(t, h);
        expect(end).toBeGreaterThanOrEqual(t);
        expect(cal.availableHours(t, end)).toBeCloseTo(h, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('more work never finishes earlier', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (t, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(withHoliday.addWorkingHours(t, hi)).toBeGreaterThanOrEqual(withHoliday.addWorkingHours(t, lo));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a day longer than 15 hours starts earlier than 09:00 so that it ends by midnight', () => {
    const long = new WorkingTime({ mode: 'workingDays', hoursPerDay: 20, workingDaysPerWeek: 5, bankHolidayDaysOfYear: [] });
    expect(long.addWorkingHours(at(0, 0), 20)).toBeCloseTo(at(1, 0), 9);
  });

  it('"always" mode works round the clock: no weekends, no holidays, hours are elapsed hours', () => {
    expect(always.isWorkingDay(5)).toBe(true);
    expect(always.isWorkingDay(7)).toBe(true);
    expect(always.addWorkingHours(at(5, 23), 2)).toBe(at(6, 1));
    expect(always.availableHours(10, 130)).toBe(120);
    expect(always.hoursPerWorkingDay).toBe(24);
    expect(always.deadline(0, 1)).toBe(24);
  });

  it('throws for negative or non-numeric work', () => {
    expect(() => weekdays.addWorkingHours(0, -1)).toThrow(/non-negative/);
    expect(() => weekdays.addWorkingHours(0, NaN)).toThrow(/non-negative/);
  });

  it('throws, rather than looping, when the calendar has no working time at all', () => {
    const never = new WorkingTime({
      mode: 'workingDays',
      hoursPerDay: 7.5,
      workingDaysPerWeek: 5,
      bankHolidayDaysOfYear: Array.from({ length: 365 }, (_, d) => d),
    });
    expect(() => never.addWorkingHours(0, 1)).toThrow(/no working time/);
  });
});
