import { describe, expect, it } from 'vitest';
import { DutyTeam } from '../../src/scenario/schema.ts';
import { fieldSpec, getIn, niceCeil, objectKeysAt, parseNumberText, setIn, sliderRange, validateField } from '../../src/ui/lib/fieldSpec.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

describe('controls generated from the schema', () => {
  it('takes label, kind and bounds of a duty team threshold from the schema', () => {
    const spec = fieldSpec(['dutyTeams', 0, 'threshold']);
    expect(spec).toMatchObject({ kind: 'number', integer: false, min: 0, max: 100 });
    expect(spec.description).toBe(DutyTeam.shape.threshold.description);
  });

  it('knows integers, enums, booleans, defaults and lists', () => {
    expect(fieldSpec(['dutyTeams', 0, 'managers'])).toMatchObject({ kind: 'number', integer: true, max: 500 });
    expect(fieldSpec(['frontDoor', 'structure'])).toMatchObject({
      kind: 'enum',
      options: ['contactCentre', 'singleQualified', 'districtDuty', 'direct', 'mash'],
    });
    expect(fieldSpec(['frontDoor', 'reclassificationRequired']).kind).toBe('boolean');
    const trend = fieldSpec(['demand', 'trendPerYear']);
    expect(trend).toMatchObject({ kind: 'number', min: -0.9, max: 5 });
    expect(trend.description).toMatch(/Growth in demand/);
    expect(fieldSpec(['calendar', 'bankHolidayDaysOfYear'])).toMatchObject({ kind: 'integerList', min: 0, max: 364 });
    expect(fieldSpec(['demand', 'sources', 2, 'agency']).kind).toBe('enum');
  });

  it('throws on a path the schema does not have', () => {
    expect(() => fieldSpec(['frontDoor', 'nonsense'])).toThrow(/no field "nonsense"/);
  });

  it('lists object keys in schema order', () => {
    expect(objectKeysAt(['need'])).toEqual(['moderateLevel', 'childInNeedLevel', 'childProtectionLevel']);
  });

  it('refuses an out-of-range value in plain English, with what was typed', () => {
    const spec = fieldSpec(['dutyTeams', 0, 'vacancyRate']);
    expect(validateField(spec, 0.2)).toEqual({ ok: true, value: 0.2 });
    const refused = validateField(spec, 20);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/^must be at most 1, not 20 \(did you mean 0.2\?\)$/);
    const int = validateField(fieldSpec(['dutyTeams', 0, 'managers']), 2.5);
    expect(!int.ok && int.message).toBe('must be a whole number, not 2.5');
  });

  it('reads typed numbers, refusing text that is not one', () => {
    expect(parseNumberText(' 1,200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseNumberText('')).toEqual({ ok: false, message: 'Enter a number' });
    expect(parseNumberText('ten').ok).toBe(false);
  });

  it('offers a practical slider range for wide schema bounds', () => {
    const spec = fieldSpec(['demand', 'sources', 0, 'contactsPerMonth']);
    if (spec.kind !== 'number') throw new Error('expected a number');
    expect(sliderRange(spec, 600)).toEqual({ min: 0, max: 2000, step: 10 });
    const share = fieldSpec(['dutyTeams', 0, 'vacancyRate']);
    if (share.kind !== 'number') throw new Error('expected a number');
    expect(sliderRange(share, 0.2)).toEqual({ min: 0, max: 1, step: 0.01 });
    expect(niceCeil(1800)).toBe(2000);
    expect(niceCeil(10)).toBe(10);
  });

  it('sets a nested value without touching the original', () => {
    const s = fixtureScenario();
    const t = setIn(s, ['dutyTeams', 1, 'threshold'], 70);
    expect(getIn(t, ['dutyTeams', 1, 'threshold'])).toBe(70);
    expect(s.dutyTeams[1]?.threshold).toBe(60);
    expect(t.dutyTeams[0]).toBe(s.dutyTeams[0]);
  });
});
