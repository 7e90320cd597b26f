import { describe, expect, it } from 'vitest';
import { feasibleInterval, formatDifference, formatDuration, formatInterval, formatNumber, formatValue } from '../../src/ui/lib/format.ts';
import { rankWords } from '../../src/ui/features/trainer/replication.ts';

describe('number formatting', () => {
  it('writes shares as percentages, hours with h, and counts with separators (UK style)', () => {
    expect(formatValue(0.2345, 'share')).toBe('23.5%');
    expect(formatValue(1234.4, 'hours')).toBe('1,234 h');
    expect(formatValue(12.345, 'cases')).toBe('12.3');
    expect(formatValue(0.5, 'count')).toBe('0.50');
    expect(formatNumber(-3.2)).toBe('−3.20');
    expect(formatNumber(Infinity)).toBe('∞');
  });

  it('signs differences, in percentage points for shares', () => {
    expect(formatDifference(0.021, 'share')).toBe('+2.1 pp');
    expect(formatDifference(-12, 'cases')).toBe('−12.0');
  });

  it('never writes a signed zero (“−0.0 pp”, “+0.0”, “−0.0%”)', () => {
    expect(formatDifference(-0.0001, 'share')).toBe('0.0 pp');
    expect(formatDifference(0.0004, 'share')).toBe('0.0 pp');
    expect(formatDifference(-0.004, 'cases')).toBe('0.00');
    expect(formatDifference(-0.0004, 'hours')).toBe('0.00 h');
    expect(formatValue(-0.0001, 'share')).toBe('0.0%');
    expect(formatNumber(-0)).toBe('0.0');
    expect(formatDifference(-0.006, 'cases')).toBe('−0.01');
    expect(formatDifference(-0.021, 'share')).toBe('−2.1 pp');
    expect(formatInterval([-0.0001, 0.01], 'share', true)).toBe('0.0 pp to +1.0 pp');
  });

  it('shows only the feasible part of an interval (no negative counts, no share above 100%)', () => {
    expect(feasibleInterval([-0.07, 0.3], 'share')).toEqual([0, 0.3]);
    expect(feasibleInterval([0.9, 1.2], 'share')).toEqual([0.9, 1]);
    expect(formatInterval([-2, 5], 'cases')).toBe('0.0 to 5.00');
    // a difference may be negative: shown as it is
    expect(formatInterval([-0.02, 0.01], 'share', true)).toBe('−2.0 pp to +1.0 pp');
  });

  it('writes durations in seconds or minutes', () => {
    expect(formatDuration(4200)).toBe('4.2 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});

describe('a replication’s rank among the batch', () => {
  it('says “the same in every replication” when they all agree, not “1st lowest of 10 (range 0.0 to 0.0)”', () => {
    expect(rankWords({ rank: 1, reps: 10, min: 0, max: 0 }, '0.0 to 0.0')).toBe('the same in every replication');
    expect(rankWords({ rank: 1, reps: 10, min: 0, max: 2 }, '0.0 to 2.00')).toBe('the lowest of 10 (range 0.0 to 2.00)');
    expect(rankWords({ rank: 3, reps: 10, min: 0, max: 2 }, '0.0 to 2.00')).toBe('3rd lowest of 10 (range 0.0 to 2.00)');
  });
});
