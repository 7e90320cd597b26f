import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { buildWarmState } from '../../src/sim/warmStart.ts';
import type { TransferStock, WarmState } from '../../src/sim/warmState.ts';
import { decodeWarmState, encodeWarmState, STRIDE } from '../../src/sim/warmStateCodec.ts';

/** The packed template the page passes between workers is the template, number for number. */
describe('warm state codec', () => {
  const warm = buildWarmState(getPreset('medway-2006')!, 11);

  it('round-trips every entity exactly, Infinity and NaN included', () => {
    expect(warm.entities.length).toBeGreaterThan(100);
    const kinds = new Set(warm.entities.map((e) => e.kind));
    for (const k of ['returning', 'service', 'assessment'] as const) expect(kinds).toContain(k);
    const packed = encodeWarmState(warm);
    expect(packed.values.length).toBe(warm.entities.length * STRIDE);
    // toEqual treats NaN as equal to NaN and tells Infinity apart from large numbers.
    expect(decodeWarmState(structuredClone(packed))).toEqual(warm);
  });

  it('keeps a case waiting for transfer, with its plan and how long it has waited', () => {
    const child = { team: 0, need: 82, needMet: false, known: true, referralAge: 900, contactAge: 900, closureAge: Infinity, closureUnmet: false };
    const transfer: TransferStock = {
      kind: 'transfer',
      child,
      state: 'assessment.awaitingTransfer',
      agency: 2,
      plan: 'childProtectionPlan',
      referralAge: 900,
      acceptedAge: 880,
      readyAge: 123.5,
    };
    const withTransfer: WarmState = { ...warm, entities: [...warm.entities.slice(0, 3), transfer] };
    const packed = encodeWarmState(withTransfer);
    expect(decodeWarmState(structuredClone(packed))).toEqual(withTransfer);
    const badPlan = { ...packed, values: packed.values.slice() };
    badPlan.values[STRIDE * 3 + 10] = 5; // the plan field of entity 3
    expect(() => decodeWarmState(badPlan)).toThrow(/entity 3: plan code 5/);
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
