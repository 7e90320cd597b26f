import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
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

/** Applies an RFC 7386 merge patch. */
export function applyMergePatch(target: Json | undefined, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = applyMergePatch(out[k], v);
  }
  return out;
}

/** Links longer than this may be cut by email clients and chat tools (characters). */
export const URL_FRAGMENT_SAFE_LENGTH = 2000;

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
    return { ok: false, problems: [{ path: '', message: `the link does not hold a scenario (expected it to start with "${URL_CODEC_PREFIX}" or "${URL_PATCH_PREFIX}")` }] };
  }
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(text.slice(URL_CODEC_PREFIX.length))));
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `the link is damaged or incomplete (${(e as Error).message})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
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
  return parseScenario(applyMergePatch(structuredClone(base) as unknown as Json, data.patch ?? {}));
}

/** True when a fragment looks like an encoded scenario (so other fragments are left alone). */
export function isScenarioFragment(fragment: string): boolean {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  return text.startsWith(URL_CODEC_PREFIX) || text.startsWith(URL_PATCH_PREFIX);
}
