/**
 * What differs between two scenarios, field by field: the leaf paths (as `dutyTeams.3.threshold`)
 * whose values differ, with both values. Lists of different lengths are reported once, by length.
 * Used to say in a comparison what was changed. Pure; ignores nothing but identical values.
 */
export interface FieldDifference {
  path: string;
  before: unknown;
  after: unknown;
}

/** Every leaf where `a` and `b` differ, in a stable order (the order of `a`'s keys, then `b`'s). */
export function scenarioDiff(a: unknown, b: unknown, path: string[] = []): FieldDifference[] {
  if (Object.is(a, b)) return [];
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [{ path: path.join('.'), before: `${a.length} items`, after: `${b.length} items` }];
    return a.flatMap((x, i) => scenarioDiff(x, b[i], [...path, String(i)]));
  }
  if (isObj(a) && isObj(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => scenarioDiff(a[k], b[k], [...path, k]));
  }
  return [{ path: path.join('.'), before: a, after: b }];
}
