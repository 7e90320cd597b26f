import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { formatPath, type Parsed, type Problem } from '../scenario/parse.ts';

/** What `parseArgs` found: the flags given (each exactly once) and the positional arguments. */
export interface RawFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** Names of the flags that were actually given (not defaults). */
  given: Set<string>;
}

/**
 * Node's `parseArgs` in strict mode, plus what it lets through: a flag given twice (it silently
 * keeps the last) is refused, naming both values, and a string flag with no value after it
 * (`--out` at the end) is reported in plain words.
 */
export function readFlags(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals: boolean): Parsed<RawFlags> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals, tokens: true });
  } catch (e) {
    const msg = (e as Error).message.replace(/\n/g, ' ');
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(msg);
    return { ok: false, problems: [missing ? { path: missing[1]!, message: 'needs a value after it' } : { path: 'flags', message: msg }] };
  }
  const seen = new Map<string, string[]>();
  for (const t of parsed.tokens ?? []) {
    if (t.kind !== 'option') continue;
    seen.set(t.name, [...(seen.get(t.name) ?? []), t.value ?? '(on)']);
  }
  const problems: Problem[] = [];
  for (const [name, vals] of seen) {
    if (vals.length > 1) problems.push({ path: `--${name}`, message: `is given ${vals.length} times (${vals.join(', ')}); give it once` });
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { values: parsed.values as RawFlags['values'], positionals: parsed.positionals, given: new Set(seen.keys()) } };
}

/** The flags every worker-pool command takes. */
interface WorkerFlags {
  workers?: number | undefined;
  'force-workers': boolean;
}

/**
 * Checks a worker-pool command's flag values against its schema (each problem names its flag),
 * then sets the worker count (default: at most two, at most the cores) and refuses more workers
 * than cores unless `--force-workers` is given. Shared by `sensitivity` and `fit`.
 */
export function checkPoolFlags<S extends z.ZodType<WorkerFlags>>(
  schema: S,
  values: Record<string, unknown>,
  cores: number,
): Parsed<z.infer<S> & { workers: number }> {
  const r = schema.safeParse(values);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i): Problem => ({ path: `--${formatPath(i.path.slice(0, 1))}`, message: i.message })) };
  const f = { ...r.data, workers: r.data.workers ?? Math.min(2, cores) } as z.infer<S> & { workers: number };
  if (f.workers > cores && !f['force-workers']) {
    return {
      ok: false,
      problems: [{ path: '--workers', message: `this machine has ${cores} core${cores === 1 ? '' : 's'}: use at most ${cores}, or add --force-workers` }],
    };
  }
  return { ok: true, value: f };
}
