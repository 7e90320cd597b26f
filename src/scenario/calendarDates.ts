/**
 * Calendar dates as days since 1970-01-01, by arithmetic alone (Howard Hinnant's
 * `days_from_civil`, http://howardhinnant.github.io/date_algorithms.html): the simulation core
 * may not read the wall clock or build `Date` objects (test/architecture.test.ts), and a
 * scenario's timeline needs only the proleptic Gregorian calendar.
 */

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `YYYY-MM-DD` with a real day of that month (2011-02-29 is refused). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  /** 1-12. */
  month: number;
  /** 1-31. */
  day: number;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Parses `YYYY-MM-DD`; null when it is not a real date. */
export function parseIsoDate(text: string): CivilDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Days since 1970-01-01 of a civil date. */
export function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `days` after 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `YYYY-MM-DD` of a civil date. */
export function isoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days from `from` to `to` (both `YYYY-MM-DD`, assumed valid; NaN otherwise). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return a && b ? daysFromCivil(b) - daysFromCivil(a) : NaN;
}

/** The date `days` after `from` (`YYYY-MM-DD`). */
export function addDays(from: string, days: number): string {
  const a = parseIsoDate(from);
  if (!a) throw new Error(`not a date: ${from}`);
  return isoDate(civilFromDays(daysFromCivil(a) + days));
}

/** "1 March 2011": how a date reads in the app and the CLI. */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day} ${MONTH_NAMES[d.month - 1]} ${d.year}` : iso;
}
