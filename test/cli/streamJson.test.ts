import { constants } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeJson } from '../../src/cli/streamJson.ts';
import { summariseBatch } from '../../src/sim/batch.ts';
import { fakeReplication } from '../fixtures/results.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

const streamed = (v: unknown) => {
  const pieces: string[] = [];
  writeJson(v, (p) => pieces.push(p));
  return pieces;
};

describe('streamed JSON (issue 14, item 11)', () => {
  it('is exactly JSON.stringify(value, null, 2) for any JSON value, undefined and functions included (fast-check, 2,000 values)', () => {
    const withHoles = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        fc.constant(undefined),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.array(withHoles), fc.dictionary(fc.string(), withHoles)), (v) => {
        expect(streamed(v).join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 2_000 },
    );
  });

  it('a result with more text than V8 can hold in one string is written in pieces no larger than one replication', () => {
    // 520 replications of 5,218 weeks (100 years): one replication object shared, so memory stays small
    const one = fakeReplication(
      0,
      1,
      1,
      5_218,
      Array.from({ length: 12 }, (_, i) => `Team ${i}`),
    );
    const batch = summariseBatch(fixtureScenario(), { days: 36_525, warmupDays: 0, reps: 2, seed: 1 }, [one, fakeReplication(1, 1, 1, 5_218)]);
    const huge = { ...batch, replications: Array.from({ length: 520 }, () => one) };
    let total = 0;
    let longest = 0;
    writeJson(huge, (p) => {
      total += p.length;
      longest = Math.max(longest, p.length);
    });
    const oneText = JSON.stringify(one, null, 2).replace(/\n/g, '\n    ').length;
    expect(total).toBeGreaterThan(constants.MAX_STRING_LENGTH);
    expect(longest).toBeLessThanOrEqual(Math.max(oneText, JSON.stringify(batch.series, null, 2).length * 1.1));
  }, 120_000);
});
