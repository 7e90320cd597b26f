import { z } from 'zod';
import { checkScenarioText } from './inputBounds.ts';
import { Scenario, SCENARIO_VERSION, type AssessmentFramework } from './schema.ts';

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

/** A number as people write it: no exponent, no trailing zeros (0.13, 1000, -2). */
function plain(x: unknown): string {
  return typeof x === 'number' || typeof x === 'bigint' ? String(Number(x)) : String(x);
}

const WHAT: Record<string, string> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };

/**
 * An issue in plain English, as it reads after the field's label ("must be at least 0, not -3"),
 * with a hint for the commonest slip: a percentage typed where a share (0-1) is wanted.
 */
function withHint(issue: z.core.$ZodIssue): string {
  const got = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = plain(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        const rule = small
          ? inclusive
            ? `must be at least ${bound}`
            : `must be more than ${bound}`
          : inclusive
            ? `must be at most ${bound}`
            : `must be less than ${bound}`;
        const hint = !small && Number(issue.maximum) === 1 && typeof got === 'number' && got > 1 && got <= 100 ? ` (did you mean ${got / 100}?)` : '';
        return typeof got === 'number' ? `${rule}, not ${plain(got)}${hint}` : rule;
      }
      const unit = WHAT[issue.origin] ?? 'items';
      const units = bound === '1' ? unit.slice(0, -1) : unit;
      return small ? `needs at least ${bound} ${units}` : `can have at most ${bound} ${units}`;
    }
    case 'invalid_type':
      if (got === undefined) return `is missing (expected ${issue.expected === 'number' ? 'a number' : issue.expected})`;
      if (issue.expected === 'int') return `must be a whole number, not ${plain(got)}`;
      if (issue.expected === 'number') return typeof got === 'number' ? 'must be a number' : `must be a number, not ${JSON.stringify(got)}`;
      return `must be ${issue.expected === 'object' ? 'a group of settings' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${plain(issue.divisor)}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a setting' : 'settings'} this version does not know: ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
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
  const obj = withFramework(input as Record<string, unknown>);
  if (obj.version === undefined) return { ...obj, version: SCENARIO_VERSION };
  return obj;
}

/**
 * Files saved before `assessment.framework` existed get the framework their timescales say:
 * an initial assessment allowed more than 7 working days is Working Together 2010 (which let it
 * rise to 10), otherwise the 2000 framework (national-figures.md). A file that names Working
 * Together 2010 without an initial timescale gets its 10 days (the schema's default is 2000's 7).
 */
function withFramework(obj: Record<string, unknown>): Record<string, unknown> {
  const a = obj.assessment;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return obj;
  const assessment = a as Record<string, unknown>;
  const initial = assessment.initialAssessmentTimescaleWorkingDays;
  if (assessment.framework === undefined) {
    return { ...obj, assessment: { ...assessment, framework: inferFramework(initial) } };
  }
  if (assessment.framework === 'wt2010' && initial === undefined) {
    return { ...obj, assessment: { ...assessment, initialAssessmentTimescaleWorkingDays: 10 } };
  }
  return obj;
}

/** The framework of a file written before the setting, from its initial-assessment timescale. */
export function inferFramework(initialAssessmentTimescaleWorkingDays: unknown): AssessmentFramework {
  return typeof initialAssessmentTimescaleWorkingDays === 'number' && initialAssessmentTimescaleWorkingDays > 7 ? 'wt2010' : '2000';
}

/** Parses untrusted scenario data (file, URL, storage, message) into a `Scenario`. */
export function parseScenario(input: unknown): Parsed<Scenario> {
  const v = (input as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v > SCENARIO_VERSION) {
    return {
      ok: false,
      problems: [
        {
          path: 'version',
          message: `this file was saved by a newer version of Front Door (scenario version ${v}); this copy reads version ${SCENARIO_VERSION} and earlier: update the app`,
        },
      ],
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
