import { describe, expect, it } from 'vitest';
import { erlangC, erlangCClosedForm } from './erlangC.ts';

describe('the Erlang C reference used by the validation tests', () => {
  it('M/M/1: the chance of waiting is ρ and Wq = ρ/(μ − λ)', () => {
    const r = erlangC(0.8, 1, 1);
    expect(r.probabilityOfWaiting).toBeCloseTo(0.8, 12);
    expect(r.meanWaitInQueue).toBeCloseTo(0.8 / 0.2, 10);
    expect(r.meanNumberWaiting).toBeCloseTo(0.64 / 0.2, 10);
  });

  it('matches hand-worked values: C(2, 1) = 1/3 and C(3, 2) = 4/9', () => {
    expect(erlangC(1, 1, 2).probabilityOfWaiting).toBeCloseTo(1 / 3, 12);
    expect(erlangC(2, 1, 3).probabilityOfWaiting).toBeCloseTo(4 / 9, 12);
    // Wq for M/M/2 with a = 1: C/(2μ − λ) = (1/3)/1.
    expect(erlangC(1, 1, 2).meanWaitInQueue).toBeCloseTo(1 / 3, 12);
  });

  it('the Erlang B recursion agrees with the closed form with factorials', () => {
    for (const c of [1, 2, 3, 5, 10]) {
      for (const rho of [0.3, 0.6, 0.8, 0.95]) {
        const lambda = rho * c * 0.5;
        expect(erlangC(lambda, 0.5, c).probabilityOfWaiting).toBeCloseTo(erlangCClosedForm(lambda, 0.5, c), 12);
      }
    }
  });

  it('refuses an unstable queue', () => {
    expect(() => erlangC(2, 1, 2)).toThrow(/unstable/);
  });
});
