import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkScenarioText, decodeTextBytes, jsonDepth, MAX_JSON_DEPTH } from '../../src/scenario/inputBounds.ts';
import { parseScenarioJson } from '../../src/scenario/parse.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { applyMergePatch, decodeScenario, inflateBounded, isScenarioFragment } from '../../src/scenario/urlCodec.ts';

const kent = JSON.stringify(PRESETS[0]);

describe('input bounds (issue 14)', () => {
  it('counts nesting without parsing, ignoring brackets inside strings and escaped quotes', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[{{{\\"]]]"}]}')).toBe(3);
    expect(jsonDepth(kent)).toBeLessThanOrEqual(5);
    expect(jsonDepth('['.repeat(1e6), 40)).toBe(41); // stops early
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE with one', () => {
    const utf8 = strToU8(kent);
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    const le = new Uint8Array(2 + kent.length * 2);
    const be = new Uint8Array(2 + kent.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < kent.length; i++) {
      const c = kent.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 + 2 * i] = c >> 8;
      be[3 + 2 * i] = c & 0xff;
    }
    for (const bytes of [utf8, bom8, le, be]) expect(parseScenarioJson(decodeTextBytes(bytes))).toEqual({ ok: true, value: PRESETS[0] });
    expect(parseScenarioJson(`\uFEFF${kent}`).ok).toBe(true);
  });

  it('refuses over-deep text by name before parsing', () => {
    const r = checkScenarioText(`{"a":${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}}`, 'file');
    expect(!r.ok && r.problems[0]?.message).toMatch(/^the file nests more than 32 levels deep/);
  });

  it('stops inflating a bomb at the limit, and inflates ordinary data whole', () => {
    const bomb = deflateSync(new Uint8Array(50_000_000));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => inflateBounded(bomb, 1_000_000)).toThrow(RangeError);
    const data = strToU8(kent);
    expect(inflateBounded(deflateSync(data), data.length)).toEqual(data);
    expect(() => inflateBounded(deflateSync(data).subarray(0, 100), 1e6)).toThrow(/unexpected EOF/);
  });

  it('merge patches nested past the limit throw a RangeError naming it, not a stack overflow', () => {
    let deep: Record<string, unknown> = { a: 1 };
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(() => applyMergePatch({}, deep as never)).toThrow(/nest more than 32 levels/);
  });

  it('a link of a newer format is recognised and refused with a notice, not ignored', () => {
    expect(isScenarioFragment('#v3.abc')).toBe(true);
    expect(isScenarioFragment('#main')).toBe(false);
    const r = decodeScenario('#v3.abc');
    expect(!r.ok && r.problems[0]?.message).toMatch(/newer version of Front Door \(link format v3\)/);
  });
});
