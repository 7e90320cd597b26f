import { describe, expect, it } from 'vitest';
import { getPreset } from '../../src/scenario/presets.ts';
import { applyOp, bulkEdit, bulkSummary, parseBulkAmount, refusalMessage } from '../../src/ui/features/controls/bulkEdit.ts';
import { markEdited, presetIdOf } from '../../src/ui/features/controls/editedScenario.ts';
import { fieldSpec } from '../../src/ui/lib/fieldSpec.ts';

const kent = getPreset('kent-2010')!;
const spec = (k: string) => fieldSpec(['dutyTeams', 0, k]);

describe('bulk team edits people mean', () => {
  it('reads shorthand: +2 adds, −5 subtracts, ×1.2 multiplies, +10% multiplies by 1.1; a plain number takes the chosen mode', () => {
    expect(parseBulkAmount('+2', 'set')).toEqual({ ok: true, op: { mode: 'add', amount: 2 } });
    expect(parseBulkAmount('−5', 'set')).toEqual({ ok: true, op: { mode: 'subtract', amount: 5 } });
    expect(parseBulkAmount('×1.2', 'set')).toEqual({ ok: true, op: { mode: 'multiply', amount: 1.2 } });
    expect(parseBulkAmount('x 1.2', 'add')).toEqual({ ok: true, op: { mode: 'multiply', amount: 1.2 } });
    expect(parseBulkAmount('+10%', 'set')).toEqual({ ok: true, op: { mode: 'multiply', amount: 1.1 } });
    expect(parseBulkAmount('5', 'add')).toEqual({ ok: true, op: { mode: 'add', amount: 5 } });
    expect(parseBulkAmount('lots', 'set')).toMatchObject({ ok: false, message: expect.stringMatching(/not a number/) });
    expect(parseBulkAmount('', 'set')).toMatchObject({ ok: false });
  });

  it('"5 points stricter" raises every duty threshold by 5 from its own value (none is loosened)', () => {
    const r = bulkEdit(kent.dutyTeams, 'threshold', spec('threshold'), { mode: 'add', amount: 5 });
    if (!r.ok) throw new Error(r.problems.join());
    expect(r.changes.map((c) => c.after)).toEqual(kent.dutyTeams.map((t) => t.threshold + 5));
    expect(r.changes.every((c) => c.after > c.before)).toBe(true);
    expect(bulkSummary({ mode: 'add', amount: 5 }, 'threshold', 'Threshold', r.changes)).toBe('Threshold 5 points stricter: 11 of 11 teams changed.');
  });

  it('+2 posts keeps the double-size team double-size plus two; ×1.2 rounds whole posts', () => {
    const plus = bulkEdit(kent.dutyTeams, 'socialWorkerPosts', spec('socialWorkerPosts'), { mode: 'add', amount: 2 });
    if (!plus.ok) throw new Error();
    expect(plus.changes.map((c) => c.after)).toEqual(kent.dutyTeams.map((t) => t.socialWorkerPosts + 2));
    expect(applyOp(9, { mode: 'multiply', amount: 1.2 }, true)).toBe(11);
    expect(applyOp(0.13, { mode: 'multiply', amount: 1.2 }, false)).toBe(0.156);
  });

  it('refuses the whole edit when any team would leave the allowed range, naming each team', () => {
    const r = bulkEdit(kent.dutyTeams, 'threshold', spec('threshold'), { mode: 'add', amount: 40 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toContain('Duty access point 11: 66 would become 106, outside 0 to 100');
    expect(refusalMessage(r.problems, 11)).toMatch(/^Nothing changed: \d of 11 teams would leave the allowed range\. Duty access point \d+: .*\.$/);
    expect(refusalMessage(['a', 'b', 'c', 'd', 'e'], 11)).toBe('Nothing changed: 5 of 11 teams would leave the allowed range. a; b; c; and 2 more teams.');
    expect(r.problems.some((p) => p.startsWith('Duty access point 1:'))).toBe(false); // 45 + 40 = 85 is allowed
  });
});

describe('an edited preset gets its own name and id', () => {
  it('marks a preset once, leaves other scenarios and explicit renames alone, and finds the preset again', () => {
    const edited = markEdited(kent, [{ path: ['dutyTeams', 0, 'threshold'] }]);
    expect(edited).toMatchObject({ id: 'kent-2010-edited', name: `${kent.name} (edited)` });
    expect(markEdited(edited, [{ path: ['dutyTeams', 0, 'threshold'] }])).toBe(edited);
    expect(markEdited({ ...kent, id: 'my-plan', name: 'My plan' }, [])).toMatchObject({ id: 'my-plan', name: 'My plan' });
    expect(markEdited(kent, [{ path: ['name'] }])).toBe(kent);
    expect(markEdited({ ...kent, name: 'Shared plan' }, [{ path: ['dutyTeams', 2, 'threshold'] }])).toMatchObject({
      id: 'kent-2010-edited',
      name: 'Shared plan',
    });
    expect(presetIdOf('kent-2010-edited')).toBe('kent-2010');
    expect(presetIdOf('kent-2010-caf-relaunched-edited')).toBe('kent-2010-caf-relaunched');
    expect(presetIdOf('my-plan')).toBeNull();
  });
});
