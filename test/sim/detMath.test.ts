import { describe, expect, it } from 'vitest';
import { detExp, detLog } from '../../src/sim/detMath.ts';
import { createStream } from '../../src/sim/rng.ts';

describe('engine-independent log and exp (fdlibm ports)', () => {
  it('detLog equals Node’s Math.log bit for bit over a million arguments across the double range', () => {
    const s = createStream(99, 'work');
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = i % 2 ? s.next() : detExp((s.next() - 0.5) * 1400);
      if (detLog(x) !== Math.log(x)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('detExp equals Node’s Math.exp bit for bit over a million arguments', () => {
    const s = createStream(7, 'work');
    let differ = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const x = (s.next() - 0.5) * 1450;
      if (detExp(x) !== Math.exp(x)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('handles the special values as IEEE 754 says', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(1)).toBe(0);
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(5e-324)).toBe(Math.log(5e-324));
    expect(detExp(0)).toBe(1);
    expect(detExp(-Infinity)).toBe(0);
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(-746)).toBe(0);
    expect(detExp(-740)).toBe(Math.exp(-740));
  });
});
