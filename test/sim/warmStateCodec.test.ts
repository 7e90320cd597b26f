import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { buildWarmState } from '../../src/sim/warmStart.ts';
import { decodeWarmState, encodeWarmState, STRIDE } from '../../src/sim/warmStateCodec.ts';

/** The packed template the page passes between workers is the template, number for number. */
describe('warm state codec', () => {
  const warm = buildWarmState(getPreset('medway-2006')!, 11);

  it('round-trips every entity exactly, Infinity and NaN included', () => {
    expect(warm.entities.length).toBeGreaterThan(100);
    const kinds = new Set(warm.entities.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['returning', 'service', 'assessment']));
    const packed = encodeWarmState(warm);
    expect(packed.values.length).toBe(warm.entities.length * STRIDE);
    // toEqual treats NaN as equal to NaN and tells Infinity apart from large numbers.
    expect(decodeWarmState(structuredClone(packed))).toEqual(warm);
  });

  it('refuses codes and lengths out of range, naming the entity', () => {
    const packed = encodeWarmState(warm);
    const badKind = { ...packed, values: packed.values.slice() };
    badKind.values[STRIDE * 2] = 7;
    expect(() => decodeWarmState(badKind)).toThrow(/entity 2: kind code 7/);
    const badState = { ...packed, states: [] };
    expect(() => decodeWarmState(badState)).toThrow(/state code/);
    expect(() => decodeWarmState({ ...packed, values: new Float64Array(STRIDE + 1) })).toThrow(/not a multiple/);
  });
});
