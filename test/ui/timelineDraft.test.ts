import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { changeSentence } from '../../src/scenario/timelineText.ts';
import { changeFromDraft, draftOf, newDraft } from '../../src/ui/features/controls/timelineDraft.ts';
import { fieldSpec, objectKeysAt } from '../../src/ui/lib/fieldSpec.ts';

/** The timeline editor's sentence: what is typed becomes a checked change, or problems naming the part of the sentence to fix. */
describe('the timeline sentence', () => {
  const kent = getPreset('kent-2010')!;

  it('"3 duty social workers leave Duty access point 1 on 1 March 2011" becomes that change, and reads back the same', () => {
    const r = changeFromDraft({ ...newDraft(kent), count: '3', team: 'Duty access point 1', date: '2011-03-01' }, kent);
    expect(r).toEqual({
      ok: true,
      value: { change: 'socialWorkersLeave', date: '2011-03-01', team: 'Duty access point 1', count: 3, refilled: true },
    });
    if (!r.ok) return;
    expect(changeSentence(r.value)).toBe('3 duty social workers leave Duty access point 1 on 1 March 2011');
    expect(changeFromDraft(draftOf(r.value), kent)).toEqual(r);
  });

  it('percentages are typed as people write them: +10 % contacts, early help in 50 % of a district', () => {
    const demand = changeFromDraft({ ...newDraft(kent), change: 'demand', amount: '+10', date: '2010-09-01' }, kent);
    expect(demand.ok && demand.value).toEqual({ change: 'demand', date: '2010-09-01', factor: 1.1 });
    const eh = changeFromDraft({ ...newDraft(kent), change: 'earlyHelpCoverage', amount: '50', team: 'all', date: '2010-09-01' }, kent);
    expect(eh.ok && eh.value).toEqual({ change: 'earlyHelpCoverage', date: '2010-09-01', team: 'all', coverage: 0.5 });
  });

  it('refuses a bad count, a date before the start and a coverage over 100%, naming each part', () => {
    const r = changeFromDraft({ ...newDraft(kent), count: '0', date: '2010-01-01' }, kent);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.field).sort()).toEqual(['count', 'date']);
      expect(r.problems.find((p) => p.field === 'date')!.message).toMatch(/on or after the timeline's start date, 2010-04-01/);
    }
    const eh = changeFromDraft({ ...newDraft(kent), change: 'earlyHelpCoverage', amount: '150' }, kent);
    expect(!eh.ok && eh.problems).toEqual([{ field: 'amount', message: 'Early help coverage must be a percentage from 0 to 100' }]);
    const bad = changeFromDraft({ ...newDraft(kent), date: '2011-02-30' }, kent);
    expect(!bad.ok && bad.problems[0]!.message).toMatch(/^The date must be a real date written YYYY-MM-DD/);
  });
});

describe('the editor can draw the new sections', () => {
  it('every workforce field and the timeline start date have a control (the sections are wrapped in prefault)', () => {
    expect(objectKeysAt(['workforce']).map((k) => fieldSpec(['workforce', k]).kind)).toEqual(Array.from({ length: 9 }, () => 'number'));
    expect(fieldSpec(['timeline', 'startDate']).kind).toBe('string');
    expect(fieldSpec(['demand', 'sources', 0, 'monthlyFactors', 7]).kind).toBe('number');
  });
});
