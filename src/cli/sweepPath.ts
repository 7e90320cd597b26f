import type { Problem } from '../scenario/parse.ts';

/**
 * Checks a sweep's parameter path against the scenario before any value is set: every step must
 * be a field the scenario really has (its own, not inherited), and a list may only be stepped
 * into with `*` or an index it holds. Without this, `dutyTeams.length` set to 1e10 reached the
 * array's own length and crashed with a RangeError. Returns the first problem, or undefined.
 */
export function parameterPathProblem(scenario: unknown, parameter: string): Problem | undefined {
  const parts = parameter.split('.');
  let nodes: unknown[] = [scenario];
  const trail: string[] = [];
  for (const key of parts) {
    const next: unknown[] = [];
    for (const node of nodes) {
      if (Array.isArray(node)) {
        if (key === '*') next.push(...node);
        else if (/^(0|[1-9][0-9]*)$/.test(key) && Number(key) < node.length) next.push(node[Number(key)]);
        else
          return {
            path: [...trail, key].join('.'),
            message: `${trail.join('.') || 'this'} is a list: use * (every element) or an index from 0 to ${node.length - 1}`,
          };
      } else if (node !== null && typeof node === 'object') {
        if (key === '*') return { path: [...trail, key].join('.'), message: `"*" needs a list here, found a group of fields` };
        if (!Object.hasOwn(node, key)) return { path: [...trail, key].join('.'), message: 'no such field in the scenario' };
        next.push((node as Record<string, unknown>)[key]);
      } else {
        return { path: [...trail, key].join('.'), message: `${trail.join('.')} is a single value (${typeof node}), not a group of fields` };
      }
    }
    if (!next.length) return { path: [...trail, key].join('.'), message: 'the path matches nothing (an empty list?)' };
    nodes = next;
    trail.push(key);
  }
  if (nodes.some((n) => n !== null && typeof n === 'object')) {
    return { path: parameter, message: 'names a group of fields or a list; a sweep sets one value: name a field inside it' };
  }
  return undefined;
}
