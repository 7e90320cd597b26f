import { z } from 'zod';
import { checkScenarioText } from './inputBounds.ts';
import { Scenario, SCENARIO_VERSION } from './schema.ts';

/** One problem with an input, with the path to the field and a plain-words message. */
export interface Problem {
  /** Dotted path to the field, e.g. `dutyTeams.3.vacancyRate` (empty for the whole input). */
  path: string;
  /** What is wrong and, where we can tell, how to fix it. */
  message: string;
}

/** The outcome of parsing untrusted input: a value, or every problem at once. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Turns a zod path into a readable one: `dutyTeams.3.vacancyRate`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

/** Adds a hint for the commonest slip: a percentage typed where a share (0-1) is wanted. */
function withHint(issue: z.core.$ZodIssue): string {
  const msg = issue.message;
  if (issue.code === 'too_big' && Number(issue.maximum) === 1) {
    const got = (issue as { input?: unknown }).input;
    if (typeof got === 'number' && got > 1 && got <= 100) {
      return `${msg}, got ${got} (did you mean ${got / 100}?)`;
    }
  }
  const got = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && got === undefined) return `is missing (expected ${issue.expected})`;
  if ((issue.code === 'too_big' || issue.code === 'too_small') && typeof got === 'number') {
    return `${msg}, got ${got}`;
  }
  return msg;
}

/** Converts a zod error into our problems list (every issue, each with its path). */
export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: withHint(issue) }));
}

/** Renders problems one per line, for the CLI and the UI. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `- ${p.path || '(whole file)'}: ${p.message}`).join('\n');
}

/**
 * Upgrades an older scenario object to the current version. Version 1 is the first; the
 * function exists so a later version adds a step here rather than refusing old files.
 */
export function migrateScenario(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const obj = input as Record<string, unknown>;
  if (obj.version === undefined) return { ...obj, version: SCENARIO_VERSION };
  return obj;
}

/** Parses untrusted scenario data (file, URL, storage, message) into a `Scenario`. */
export function parseScenario(input: unknown): Parsed<Scenario> {
  const v = (input as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v > SCENARIO_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `this file was saved by a newer version of Front Door (scenario version ${v}); this copy reads version ${SCENARIO_VERSION} and earlier: update the app` }],
    };
  }
  const result = Scenario.safeParse(migrateScenario(input), { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) };
}

/** Parses scenario JSON text (a byte-order mark allowed; size and depth bounded first); a syntax error is one problem on the whole file. */
export function parseScenarioJson(text: string): Parsed<Scenario> {
  const checked = checkScenarioText(text, 'file');
  if (!checked.ok) return checked;
  let data: unknown;
  try {
    data = JSON.parse(checked.text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(data);
}
