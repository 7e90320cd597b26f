import { describe, expect, it } from 'vitest';
import { applyMergePatch, decodeScenario, encodeScenario, mergePatch, URL_FRAGMENT_SAFE_LENGTH, URL_PATCH_PREFIX } from '../../src/scenario/urlCodec.ts';
import { PRESETS } from '../../src/scenario/presets.ts';

describe('share links as patches against a preset', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s travels in a link well under the safe length and comes back identical', (_, preset) => {
    const link = encodeScenario(preset);
    expect(link.startsWith(URL_PATCH_PREFIX)).toBe(true);
    expect(link.length).toBeLessThan(URL_FRAGMENT_SAFE_LENGTH / 4);
    const back = decodeScenario(link);
    expect(back.ok && back.value).toEqual(preset);
  });

  it('an edited kent-2010 (every team’s threshold, one team’s posts) round-trips in a short link', () => {
    const s = structuredClone(PRESETS[0]!);
    s.dutyTeams.forEach((t) => (t.threshold = 61));
    s.dutyTeams[3]!.socialWorkerPosts = 20;
    s.name = 'Kent 2010, one threshold of 61';
    const link = encodeScenario(s);
    expect(link.length).toBeLessThan(URL_FRAGMENT_SAFE_LENGTH);
    const back = decodeScenario(link);
    expect(back.ok && back.value).toEqual(s);
  });

  it('merge patches follow RFC 7386: apply(a, diff(a, b)) = b, and deleted keys become null', () => {
    const a = { x: 1, y: { z: [1, 2], w: 'k' }, gone: true };
    const b = { x: 2, y: { z: [1, 2], w: 'j' }, added: 'n' };
    const p = mergePatch(a, b)!;
    expect(p).toEqual({ x: 2, y: { w: 'j' }, added: 'n', gone: null });
    expect(applyMergePatch(a, p)).toEqual(b);
  });

  it('a link built on a preset this version lacks is refused in words', () => {
    const other = encodeScenario({ ...structuredClone(PRESETS[0]!), id: 'my-county' });
    expect(decodeScenario(other).ok).toBe(true);
    const r = decodeScenario(`${URL_PATCH_PREFIX}${'x'.repeat(3)}`);
    expect(r.ok).toBe(false);
  });
});
