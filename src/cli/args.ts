import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { formatPath, type Parsed, type Problem } from '../scenario/parse.ts';
import { readFlags } from './flagTokens.ts';

/** A whole number written in decimal digits only: `0x1e`, `1e3`, `+5`, `3.0` and ` 7` are refused. */
const digits = (example: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, `must be a whole number written in digits, e.g. ${example}`)
    .transform(Number);

/** A plain decimal number (`90`, `30.5`), no exponent, hex or sign. */
const decimal = (example: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}(\.[0-9]+)?$/, `must be a number written in digits, e.g. ${example}`)
    .transform(Number);

/** The simulate command's flags, parsed with zod so a bad flag is named with what it should be. */
export const SimulateFlags = z.strictObject({
  scenario: z.string().min(1).optional(),
  sweep: z.string().min(1).optional(),
  shard: z
    .string()
    .regex(/^\d{1,6}\/\d{1,6}$/, 'must look like i/n, e.g. 0/4 (shard i of n, counting from 0)')
    .default('0/1')
    .transform((v) => {
      const [i, n] = v.split('/').map(Number) as [number, number];
      return { index: i, count: n };
    })
    .refine((v) => v.count >= 1 && v.index < v.count, 'needs 0 ≤ i < n'),
  days: digits('365').pipe(z.number().int().min(1).max(36_525)).default(365),
  'warmup-days': decimal('90').pipe(z.number().min(0).max(36_524)).default(90),
  start: z.enum(['warm', 'empty']).default('warm'),
  reps: digits('20').pipe(z.number().int().min(1).max(10_000)).default(20),
  // The app's default seed, so the CLI prints what the app's default run shows.
  seed: digits('2010')
    .pipe(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
    )
    .default(2010),
  out: z.string().min(1).optional(),
  series: z.string().min(1).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  workers: digits('2').pipe(z.number().int().min(1).max(256)).default(1),
  'force-workers': z.boolean().default(false),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type SimulateFlags = z.infer<typeof SimulateFlags>;

export const SIMULATE_USAGE = `Usage: front-door simulate --scenario <file.json | preset id> [options]
       front-door sweep <sweep.json> [--shard i/n] [--out file] [--workers N]
       (from a checkout without the build: npm run simulate -- <the same flags>)

  --scenario      scenario file (JSON; UTF-8 or UTF-16) or preset id (e.g. kent-2010)
  --sweep         a sweep file: one parameter over a list of values (README, "Sweeps")
  --shard         run shard i of n of the sweep (points i, i+n, ...); merge with front-door merge
  --days          days measured per replication, after the warm-up, 1-36525 (default 365)
  --warmup-days   days simulated first and left out of the metrics (default 90)
  --start         warm: each replication starts from the stocks of a long run of the
                  scenario, so the measured days are in steady state (default);
                  empty: start with no cases (shows the start-up transient)
  --reps          replications, 1-10000 (default 20)
  --seed          base seed; replication seeds derive from it (default 2010, as the app)
  --out           write results to this file, atomically (default: standard output); checked
                  before the run: never a folder, a device or an input of the run
  --format        json (the documented BatchResult shape) or csv (default json)
  --series        also write the weekly series (means and 95% limits, one row per week, with
                  calendar dates and the timeline's changes) to this CSV file
  --workers       worker threads for replications, at most the machine's cores (default 1)
  --force-workers allow --workers above the number of cores
  --quiet         no progress on standard error
  --help          this text

Exit codes: 0 done; 1 the run stopped (a guard, with the reason) or its results could not be
written where asked (they are kept in a rescue file); 2 bad flags or input, nothing run.`;

/** Flags that a sweep file sets itself, so giving them with --sweep would be silently ignored. */
const SWEEP_FILE_SETS = ['days', 'warmup-days', 'start', 'reps', 'seed', 'format'] as const;

const OPTIONS = {
  scenario: { type: 'string' },
  sweep: { type: 'string' },
  shard: { type: 'string' },
  days: { type: 'string' },
  'warmup-days': { type: 'string' },
  start: { type: 'string' },
  reps: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  series: { type: 'string' },
  format: { type: 'string' },
  workers: { type: 'string' },
  'force-workers': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parses argv (without node and script) into flags, or every problem at once. `cores` is the
 * machine's (os.availableParallelism()); --workers above it is refused unless --force-workers.
 */
export function parseSimulateArgs(argv: readonly string[], cores = availableParallelism()): Parsed<SimulateFlags> {
  const raw = readFlags(argv, OPTIONS, false);
  if (!raw.ok) return raw;
  const { values, given } = raw.value;
  if (values.help) return { ok: true, value: { ...SimulateFlags.parse({}), help: true } };
  const r = SimulateFlags.safeParse(values);
  if (!r.success) {
    const problems: Problem[] = r.error.issues.map((i) => ({ path: `--${formatPath(i.path)}`, message: i.message }));
    return { ok: false, problems };
  }
  const f = r.data;
  const problems: Problem[] = [];
  if (!f.scenario === !f.sweep) {
    problems.push({
      path: '--scenario',
      message: 'give either --scenario (a file or a preset id such as kent-2010) or --sweep (a sweep file), not both or neither',
    });
  }
  if (f.sweep) {
    for (const name of SWEEP_FILE_SETS) {
      if (!given.has(name)) continue;
      const message =
        name === 'start'
          ? 'does not apply to a sweep (every point starts warm)'
          : name === 'format'
            ? 'does not apply to a sweep (shards are JSON; merge writes CSV)'
            : 'is set in the sweep file, not on the command line';
      problems.push({ path: `--${name}`, message });
    }
    if (given.has('series')) problems.push({ path: '--series', message: 'only applies to --scenario (a sweep writes its own results)' });
  } else if (given.has('shard')) {
    problems.push({ path: '--shard', message: 'only applies to a sweep (--sweep)' });
  }
  if (f.workers > cores && !f['force-workers']) {
    problems.push({
      path: '--workers',
      message: `this machine has ${cores} core${cores === 1 ? '' : 's'}, so ${f.workers} workers only share them and use more memory (each holds its own engine): use at most ${cores}, or add --force-workers`,
    });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: f };
}
