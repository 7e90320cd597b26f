import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatPath, type Parsed, type Problem } from '../scenario/parse.ts';

/** The simulate command's flags, parsed with zod so a bad flag is named with what it should be. */
export const SimulateFlags = z.strictObject({
  scenario: z.string().min(1).optional(),
  sweep: z.string().min(1).optional(),
  shard: z
    .string()
    .regex(/^\d+\/\d+$/, 'must look like i/n, e.g. 0/4 (shard i of n, counting from 0)')
    .default('0/1')
    .transform((v) => {
      const [i, n] = v.split('/').map(Number) as [number, number];
      return { index: i, count: n };
    })
    .refine((v) => v.count >= 1 && v.index < v.count, 'needs 0 ≤ i < n'),
  days: z.coerce.number().int('must be a whole number of days').min(1).max(36_525).default(365),
  'warmup-days': z.coerce.number().min(0).max(36_524).default(90),
  start: z.enum(['warm', 'empty']).default('warm'),
  reps: z.coerce.number().int('must be a whole number').min(1).max(10_000).default(20),
  seed: z.coerce.number().int('must be a whole number').min(0).max(2 ** 31 - 1).default(1),
  out: z.string().min(1).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  workers: z.coerce.number().int().min(1).max(256).default(1),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type SimulateFlags = z.infer<typeof SimulateFlags>;

export const SIMULATE_USAGE = `Usage: npm run simulate -- --scenario <file.json | preset id> [options]
       npm run simulate -- --sweep <sweep.json> [--shard i/n] [--out file] [--workers N]

  --scenario      scenario file (JSON) or preset id (e.g. kent-2010; see seeds/)
  --sweep         a sweep file: one parameter over a list of values (see README, "Sweeps")
  --shard         run shard i of n of the sweep (points i, i+n, ...); merge with npm run merge
  --days          days measured per replication, after the warm-up (default 365)
  --warmup-days   days simulated first and left out of the metrics (default 90)
  --start         warm: each replication starts from the stocks of a long run of the
                  scenario, so the measured days are in steady state (default);
                  empty: start with no cases (shows the start-up transient)
  --reps          replications (default 20)
  --seed          base seed; replication seeds derive from it (default 1)
  --out           write results to this file (default: standard output)
  --format        json (the documented BatchResult shape) or csv (default json)
  --workers       worker threads for replications (default 1)
  --quiet         no progress on standard error
  --help          this text`;

/** Parses argv (without node and script) into flags, or every problem at once. */
export function parseSimulateArgs(argv: readonly string[]): Parsed<SimulateFlags> {
  let raw: Record<string, unknown>;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        scenario: { type: 'string' },
        sweep: { type: 'string' },
        shard: { type: 'string' },
        days: { type: 'string' },
        'warmup-days': { type: 'string' },
        start: { type: 'string' },
        reps: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        workers: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    raw = values;
  } catch (e) {
    return { ok: false, problems: [{ path: 'flags', message: (e as Error).message.replace(/\n/g, ' ') }] };
  }
  if (raw.help) return { ok: true, value: { ...SimulateFlags.parse({}), help: true } };
  const r = SimulateFlags.safeParse(raw);
  if (r.success) {
    if (!r.data.scenario === !r.data.sweep) {
      return {
        ok: false,
        problems: [{ path: '--scenario', message: 'give either --scenario (a file or a preset id such as kent-2010) or --sweep (a sweep file), not both or neither' }],
      };
    }
    return { ok: true, value: r.data };
  }
  const problems: Problem[] = r.error.issues.map((i) => ({ path: `--${formatPath(i.path)}`, message: i.message }));
  return { ok: false, problems };
}
