import type { WorkingCalendar as CalendarSpec } from '../scenario/schema.ts';

/** Hours in a simulated day and week; time in the core is hours since the run began (day 0 is a Monday). */
export const HOURS_PER_DAY = 24;
export const HOURS_PER_WEEK = 168;
/** Mean year length in days (Julian year): every month and year in the model is measured with it. */
export const DAYS_PER_YEAR = 365.25;
/** Mean month length, 365.25 / 12 days: the one month length in the code base (rates per month, plan lengths, windows). */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
/** Mean month length in hours. */
export const HOURS_PER_MONTH = DAYS_PER_MONTH * HOURS_PER_DAY;
/** Mean year length in hours. */
export const HOURS_PER_YEAR = DAYS_PER_YEAR * HOURS_PER_DAY;

/**
 * Staff working time: weekdays (or every day), a fixed window each working day starting at
 * 09:00 (earlier when the day is longer than 15 hours), bank holidays off. Work that does not
 * fit in a day carries over to the next working day. In "always" mode staff work round the
 * clock, which makes queueing-theory checks exact.
 */
export class WorkingTime {
  private readonly always: boolean;
  private readonly start: number;
  private readonly hours: number;
  private readonly daysPerWeek: number;
  /** 1 for a bank holiday, by day of the year (a lookup table: this is on the engine's hot path). */
  private readonly holidays: Uint8Array;
  /** Working hours that make one working day for timescales. */
  readonly hoursPerWorkingDay: number;

  constructor(spec: CalendarSpec) {
    this.always = spec.mode === 'always';
    this.hours = this.always ? 24 : spec.hoursPerDay;
    this.start = this.always ? 0 : Math.max(0, Math.min(9, 24 - spec.hoursPerDay));
    this.daysPerWeek = this.always ? 7 : spec.workingDaysPerWeek;
    this.holidays = new Uint8Array(365);
    if (!this.always) for (const d of spec.bankHolidayDaysOfYear) if (d >= 0 && d < 365) this.holidays[d] = 1;
    this.hoursPerWorkingDay = this.hours;
  }

  /** Whether day `d` (0-based from the start of the run) is a working day. */
  isWorkingDay(d: number): boolean {
    if (this.always) return true;
    // Days before the start (negative d, warm-started cases) are weekdays as before and never holidays.
    return d % 7 < this.daysPerWeek && (d < 0 || this.holidays[d % 365] === 0);
  }

  /** The time at which `workHours` of staff time started at `t` is done. */
  addWorkingHours(t: number, workHours: number): number {
    if (!(workHours >= 0)) throw new Error(`work must be a non-negative number of hours, got ${workHours}`);
    if (this.always) return t + workHours;
    let remaining = workHours;
    let now = t;
    // Bounded: a year of working days is ~250 iterations; guard against calendars with no working day.
    for (let guard = 0; guard < 100_000; guard++) {
      const day = Math.floor(now / HOURS_PER_DAY);
      const open = day * HOURS_PER_DAY + this.start;
      const close = open + this.hours;
      if (this.isWorkingDay(day) && now < close) {
        const from = Math.max(now, open);
        if (from + remaining <= close) return from + remaining;
        remaining -= close - from;
      }
      now = (day + 1) * HOURS_PER_DAY;
    }
    throw new Error('working calendar has no working time (check workingDaysPerWeek and bank holidays)');
  }

  /**
   * The time `workHours` of working time before `t` (the inverse of addWorkingHours for a `t` in
   * working time): where the deadline focus of an assessment starts (engine/casework.ts).
   */
  subtractWorkingHours(t: number, workHours: number): number {
    if (!(workHours >= 0)) throw new Error(`work must be a non-negative number of hours, got ${workHours}`);
    if (this.always || workHours === 0) return t - workHours;
    let remaining = workHours;
    let now = t;
    for (let guard = 0; guard < 100_000; guard++) {
      // The day holding the instant just before `now`.
      const day = Math.ceil(now / HOURS_PER_DAY) - 1;
      const open = day * HOURS_PER_DAY + this.start;
      const close = open + this.hours;
      if (this.isWorkingDay(day) && now > open) {
        const to = Math.min(now, close);
        if (to - remaining >= open) return to - remaining;
        remaining -= to - open;
      }
      now = day * HOURS_PER_DAY;
    }
    throw new Error('working calendar has no working time (check workingDaysPerWeek and bank holidays)');
  }

  /** The deadline `days` working days after `t` (days × working hours per day of working time). */
  deadline(t: number, days: number): number {
    return this.addWorkingHours(t, days * this.hoursPerWorkingDay);
  }

  /** Working hours available to one member of staff in [a, b]. */
  availableHours(a: number, b: number): number {
    if (b <= a) return 0;
    if (this.always) return b - a;
    let total = 0;
    for (let day = Math.floor(a / HOURS_PER_DAY); day * HOURS_PER_DAY < b; day++) {
      if (!this.isWorkingDay(day)) continue;
      const open = day * HOURS_PER_DAY + this.start;
      const lo = Math.max(a, open);
      const hi = Math.min(b, open + this.hours);
      if (hi > lo) total += hi - lo;
    }
    return total;
  }
}

/**
 * Working hours in an average year of the calendar: its working days a week over 365.25 days,
 * less its bank holidays ("always": every hour). Used where a yearly amount buys working time
 * (the agency budget), so the engine and the capacity check count a year the same way.
 */
export function workingHoursPerYear(spec: CalendarSpec): number {
  if (spec.mode === 'always') return HOURS_PER_YEAR;
  return spec.hoursPerDay * ((spec.workingDaysPerWeek * DAYS_PER_YEAR) / 7 - spec.bankHolidayDaysOfYear.length);
}
