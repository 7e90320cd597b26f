import type { Problem } from './parse.ts';

/**
 * Limits every scenario reader checks before it does any work (issue 14): size, nesting depth,
 * and byte-order marks. A real scenario is about 10-20 kB of JSON nested 4 levels deep, so the
 * limits are generous for any scenario and stop a hostile input (a 130-character link holding a
 * patch nested 5,000 deep, a decompression bomb) before it costs memory or the call stack.
 */

/** Largest scenario text read from a file, a link or storage (characters; about 600 presets). */
export const MAX_SCENARIO_CHARS = 10 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted in scenario JSON (a scenario nests 4 deep). */
export const MAX_JSON_DEPTH = 32;

const mb = (n: number) => `${(n / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** Removes a leading U+FEFF (a byte-order mark left by Windows editors and Excel). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Decodes file bytes as text, following a byte-order mark (UTF-8, UTF-16 LE or BE) and
 * otherwise reading UTF-8; the mark itself is dropped.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return stripBom(new TextDecoder('utf-8').decode(bytes));
}

/**
 * The nesting depth of JSON text, counted without parsing (brackets inside strings ignored),
 * stopping as soon as it passes `limit`. Linear in the text; no recursion.
 */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** The problem with text too large to be a scenario, naming what it came from ("file", "link"). */
export function tooLargeProblem(what: string, size: number, unit: 'bytes' | 'characters' = 'characters'): Problem {
  return {
    path: '',
    message: `the ${what} is ${mb(size)} (${size.toLocaleString('en-GB')} ${unit}); the largest scenario Front Door reads is ${mb(MAX_SCENARIO_CHARS)} (a scenario is usually about 20 kB), so it was not read`,
  };
}

/**
 * Checks scenario JSON text before parsing: strips a byte-order mark, then refuses text over
 * `MAX_SCENARIO_CHARS` or nested deeper than `MAX_JSON_DEPTH`, with a message naming `what`.
 */
export function checkScenarioText(text: string, what: string): { ok: true; text: string } | { ok: false; problems: Problem[] } {
  const body = stripBom(text);
  if (body.length > MAX_SCENARIO_CHARS) return { ok: false, problems: [tooLargeProblem(what, body.length)] };
  const depth = jsonDepth(body, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) {
    return {
      ok: false,
      problems: [
        { path: '', message: `the ${what} nests more than ${MAX_JSON_DEPTH} levels deep (a scenario nests 4), so it is not a scenario and was not read` },
      ],
    };
  }
  return { ok: true, text: body };
}
