import { HOURS_PER_MONTH, HOURS_PER_YEAR } from '../../../sim/workingCalendar.ts';

/**
 * How fast the animation runs: in smooth mode, simulated hours per second of wall time; in the
 * stepped (reduced-motion) mode, simulated hours per step, one step every `STEP_INTERVAL_MS`.
 */
export interface Speed {
  smooth: string;
  stepped: string;
  hours: number;
}

export const SPEEDS: readonly Speed[] = [
  { smooth: '1 day per second', stepped: '1 day per step', hours: 24 },
  { smooth: '1 week per second', stepped: '1 week per step', hours: 24 * 7 },
  { smooth: '1 month per second', stepped: '1 month per step', hours: HOURS_PER_MONTH },
  { smooth: '1 year in 5 seconds', stepped: '3 months per step', hours: HOURS_PER_YEAR / 5 },
  { smooth: '1 year in 2 seconds', stepped: '6 months per step', hours: HOURS_PER_YEAR / 2 },
];

/** Stepped mode: one step every this many milliseconds while playing. */
export const STEP_INTERVAL_MS = 1600;

/** Hours per step in stepped mode for speed `i`. */
export function steppedHours(i: number): number {
  return [24, 24 * 7, HOURS_PER_MONTH, HOURS_PER_YEAR / 4, HOURS_PER_YEAR / 2][i] ?? 24;
}

/** How long a dot glides between states (ms) at speed `i` in smooth mode. */
export function glideMs(i: number): number {
  return [600, 420, 240, 170, 130][i] ?? 400;
}
