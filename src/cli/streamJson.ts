/**
 * JSON written in pieces, byte for byte what `JSON.stringify(value, null, 2)` gives, but never as
 * one string: a run of 36,525 days × 1,000 replications is more text than V8 can hold in a
 * string ("RangeError: Invalid string length"). Containers near the top (the result, its
 * replications list) are walked; anything `depth` levels down (one replication's numbers, a few
 * megabytes at most) is stringified whole, so the pieces stay small and the writing stays fast.
 */

/** How many levels of objects and arrays are walked before the rest is stringified whole. */
const WALK_DEPTH = 3;

type Json = { toJSON?: (key: string) => unknown };

/** Writes `value` as indented JSON (two spaces) through `write`, one piece at a time. */
export function writeJson(value: unknown, write: (piece: string) => void, indent = '', depth = 0, key = ''): void {
  if (value !== null && typeof value === 'object' && typeof (value as Json).toJSON === 'function') value = (value as Json).toJSON!(key);
  if (depth >= WALK_DEPTH || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, 2);
    write(indent ? text.replace(/\n/g, `\n${indent}`) : text);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (!value.length) return write('[]');
    write('[\n');
    value.forEach((v, i) => {
      if (i) write(',\n');
      write(inner);
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') write('null');
      else writeJson(v, write, inner, depth + 1, String(i));
    });
    write(`\n${indent}]`);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) return write('{}');
  write('{\n');
  entries.forEach(([k, v], i) => {
    if (i) write(',\n');
    write(`${inner}${JSON.stringify(k)}: `);
    writeJson(v, write, inner, depth + 1, k);
  });
  write(`\n${indent}}`);
}
