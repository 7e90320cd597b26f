import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseScenario, type Parsed } from './parse.ts';
import type { Scenario } from './schema.ts';

/**
 * Shareable links: a scenario travels in the URL's #fragment (never sent to a server) as
 * `v1.` + base64url(deflate(JSON)). Decoding goes through `parseScenario`, so a link is
 * trusted no more than a file. Does not touch `location`; callers read and write the hash.
 */

/** Prefix of every encoded scenario; a later format gets `v2.` and a branch in `decodeScenario`. */
export const URL_CODEC_PREFIX = 'v1.';

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

/** Encodes a parsed scenario for the #fragment: `v1.<base64url(deflate(JSON))>`. */
export function encodeScenario(scenario: Scenario): string {
  const bytes = deflateSync(strToU8(JSON.stringify(scenario)), { level: 9 });
  return URL_CODEC_PREFIX + toBase64Url(bytes);
}

/**
 * Decodes a fragment (with or without the leading `#`) into a scenario, or the problems with
 * it: wrong prefix, damaged data, not JSON, or a scenario that fails the schema.
 */
export function decodeScenario(fragment: string): Parsed<Scenario> {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (!text.startsWith(URL_CODEC_PREFIX)) {
    return { ok: false, problems: [{ path: '', message: `the link does not hold a scenario (expected it to start with "${URL_CODEC_PREFIX}")` }] };
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
  return parseScenario(data);
}

/** True when a fragment looks like an encoded scenario (so other fragments are left alone). */
export function isScenarioFragment(fragment: string): boolean {
  return (fragment.startsWith('#') ? fragment.slice(1) : fragment).startsWith(URL_CODEC_PREFIX);
}
