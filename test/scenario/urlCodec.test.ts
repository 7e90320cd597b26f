import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeScenario, encodeScenario, fromBase64Url, toBase64Url, URL_FRAGMENT_SAFE_LENGTH } from '../../src/scenario/urlCodec.ts';
import { fixtureScenario } from '../fixtures/scenario.ts';

describe('URL codec', () => {
  it('round-trips a scenario through the fragment unchanged', () => {
    const s = fixtureScenario();
    const decoded = decodeScenario('#' + encodeScenario(s));
    expect(decoded).toEqual({ ok: true, value: s });
  });

  it('keeps a realistic scenario link short enough to paste into an email', () => {
    expect(encodeScenario(fixtureScenario()).length).toBeLessThan(URL_FRAGMENT_SAFE_LENGTH);
  });

  it('writes only URL-safe characters after the v1. or v2. prefix', () => {
    expect(encodeScenario(fixtureScenario())).toMatch(/^v[12]\.[A-Za-z0-9_-]+$/);
  });

  it('round-trips any bytes through base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Array.from(fromBase64Url(toBase64Url(bytes)))).toEqual(Array.from(bytes));
      }),
    );
  });

  it('refuses a fragment without the prefix, a damaged payload and an invalid scenario, saying which', () => {
    const noPrefix = decodeScenario('#section-2');
    expect(noPrefix.ok).toBe(false);
    const damaged = decodeScenario('#v1.AAAA$$');
    expect(!damaged.ok && damaged.problems[0]?.message).toMatch(/not base64url/);
    const truncated = decodeScenario('#' + encodeScenario(fixtureScenario()).slice(0, 40));
    expect(!truncated.ok && truncated.problems[0]?.message).toMatch(/damaged or incomplete/);
    const bad = { ...fixtureScenario(), frontDoor: { ...fixtureScenario().frontDoor, referralThreshold: 140 } };
    const invalid = decodeScenario(encodeScenario(bad));
    expect(invalid.ok).toBe(false);
    expect(!invalid.ok && invalid.problems[0]?.path).toBe('frontDoor.referralThreshold');
  });
});
