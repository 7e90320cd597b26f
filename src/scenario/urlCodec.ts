import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { checkScenarioText, MAX_JSON_DEPTH, MAX_SCENARIO_CHARS, tooLargeProblem } from './inputBounds.ts';
import { parseScenario, type Parsed } from './parse.ts';
import { DEFAULT_PRESET_ID, getPreset } from './presets.ts';
import type { Scenario } from './schema.ts';

/**
 * Shareable links: a scenario travels in the URL's #fragment (never sent to a server) as
 * `v1.` + base64url(deflate(JSON)), or, when shorter, `v2.` + base64url(deflate(JSON)) of
 * `{ base, patch }`: a JSON merge patch (RFC 7386) from the preset `base`. A preset's sources
 * make a full kent-2010 link about 4,600 characters; as a patch against itself it is a few
 * dozen. Decoding goes through `parseScenario`, so a link is trusted no more than a file. Does
 * not touch `location`; callers read and write the hash.
 */

/** Prefix of a full encoded scenario. */
export const URL_CODEC_PREFIX = 'v1.';
/** Prefix of a scenario encoded as a merge patch against a preset. */
export const URL_PATCH_PREFIX = 'v2.';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The RFC 7386 merge patch that turns `from` into `to` (undefined when they are equal). Scenarios hold no nulls. */
export function mergePatch(from: Json | undefined, to: Json): Json | undefined {
  if (isObject(from) && isObject(to)) {
    const patch: Record<string, Json> = {};
    for (const k of Object.keys(to)) {
      const d = mergePatch(from[k], to[k]!);
      if (d !== undefined) patch[k] = d;
    }
    for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null;
    return Object.keys(patch).length ? patch : undefined;
  }
  return JSON.stringify(from) === JSON.stringify(to) ? undefined : to;
}

/**
 * Applies an RFC 7386 merge patch; throws a RangeError naming the limit when the patch nests
 * deeper than `maxDepth` (callers bound depth before this, so it guards the call stack only).
 */
export function applyMergePatch(target: Json | undefined, patch: Json, maxDepth = MAX_JSON_DEPTH): Json {
  if (!isObject(patch)) return patch;
  if (maxDepth <= 0) throw new RangeError(`the changes nest more than ${MAX_JSON_DEPTH} levels deep`);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v, maxDepth - 1);
  }
  return out;
}

/** Links longer than this may be cut by email clients and chat tools (characters). */
export const URL_FRAGMENT_SAFE_LENGTH = 2000;

/**
 * The longest address every current browser keeps (characters): Firefox's default
 * `network.standard-url.max-length` is 1 MiB (its parser accepts that less 4) and Chromium's
 * `url::kMaxURLChars` 2 MiB. A longer scenario is not written into the address (a reload would
 * bring back a stale one); the user is told to save a file instead.
 */
export const URL_BROWSER_MAX_LENGTH = 1024 * 1024 - 4;

/** Links longer than this are refused before decoding (characters): twice what any browser keeps. */
export const URL_DECODE_MAX_LENGTH = 4 * 1024 * 1024;

/** Compressed bytes given to the inflater at a time: deflate expands at most ~1,032×, so each step adds at most ~0.5 MB. */
const INFLATE_STEP = 512;

/** Inflates at most `limit` bytes; throws a RangeError as soon as the output would pass it (a decompression bomb stops early). */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new RangeError(`it unpacks to more than ${limit.toLocaleString('en-GB')} bytes`);
    chunks.push(chunk);
    if (final) done = true;
  });
  for (let i = 0; i < data.length; i += INFLATE_STEP) inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  if (data.length === 0) inflater.push(data, true);
  if (!done) throw new Error('unexpected EOF');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional); throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters that are not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const pack = (value: unknown) => toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));

/** Encodes a parsed scenario for the #fragment: the shorter of the full form and a patch against its preset. */
export function encodeScenario(scenario: Scenario): string {
  const full = URL_CODEC_PREFIX + pack(scenario);
  const base = getPreset(scenario.id) ?? getPreset(DEFAULT_PRESET_ID);
  if (!base) return full;
  const patch = mergePatch(base as unknown as Json, scenario as unknown as Json) ?? {};
  const patched = URL_PATCH_PREFIX + pack({ base: base.id, patch });
  return patched.length < full.length ? patched : full;
}

/**
 * Decodes a fragment (with or without the leading `#`) into a scenario, or the problems with
 * it: wrong prefix, damaged data, not JSON, or a scenario that fails the schema.
 */
export function decodeScenario(fragment: string): Parsed<Scenario> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const isPatch = text.startsWith(URL_PATCH_PREFIX);
  if (!text.startsWith(URL_CODEC_PREFIX) && !isPatch) {
    const newer = /^v(\d{1,6})\./.exec(text);
    if (newer) {
      return {
        ok: false,
        problems: [
          {
            path: '',
            message: `this link was made by a newer version of Front Door (link format v${newer[1]}); this copy reads formats v1 and v2: open it in an up-to-date copy, or ask for the scenario as a file`,
          },
        ],
      };
    }
    return {
      ok: false,
      problems: [{ path: '', message: `the link does not hold a scenario (expected it to start with "${URL_CODEC_PREFIX}" or "${URL_PATCH_PREFIX}")` }],
    };
  }
  if (text.length > URL_DECODE_MAX_LENGTH) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `the link is ${text.length.toLocaleString('en-GB')} characters, longer than any browser keeps (${URL_BROWSER_MAX_LENGTH.toLocaleString('en-GB')}), so it was not read: ask for the scenario as a file`,
        },
      ],
    };
  }
  let json: string;
  try {
    json = strFromU8(inflateBounded(fromBase64Url(text.slice(URL_CODEC_PREFIX.length)), MAX_SCENARIO_CHARS));
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, problems: [tooLargeProblem('scenario in the link', MAX_SCENARIO_CHARS + 1, 'bytes')] };
    return { ok: false, problems: [{ path: '', message: `the link is damaged or incomplete (${(e as Error).message})` }] };
  }
  const checked = checkScenarioText(json, 'scenario in the link');
  if (!checked.ok) return checked;
  let data: unknown;
  try {
    data = JSON.parse(checked.text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `the link does not hold valid JSON (${(e as Error).message})` }] };
  }
  if (!isPatch) return parseScenario(data);
  if (!isObject(data) || typeof data.base !== 'string' || !('patch' in data)) {
    return { ok: false, problems: [{ path: '', message: 'the link is damaged: it should name the preset it changes and the changes' }] };
  }
  const base = getPreset(data.base);
  if (!base) {
    return { ok: false, problems: [{ path: '', message: `the link builds on a preset this version does not have ("${data.base}")` }] };
  }
  let patched: Json;
  try {
    patched = applyMergePatch(structuredClone(base) as unknown as Json, data.patch ?? {});
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `the link is damaged: ${(e as Error).message}` }] };
  }
  return parseScenario(patched);
}

/** True when a fragment looks like an encoded scenario, of this or a later link format (other fragments are left alone). */
export function isScenarioFragment(fragment: string): boolean {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  return /^v\d{1,6}\./.test(text);
}
