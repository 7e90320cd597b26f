import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { Parsed } from '../scenario/parse.ts';
import { SENSITIVITY_PARAMETERS, sensitivityVariants } from '../scenario/sensitivity.ts';
import { EngineLimitError } from '../sim/engine.ts';
import { METRIC_NAMES, metricNamesFor } from '../sim/metricDefinitions.ts';
import { analyseSensitivity, SENSITIVITY_MEASURES } from '../sim/sensitivity.ts';
import { checkOutTarget } from './outputTarget.ts';
import { deliver } from './deliver.ts';
import { checkPoolFlags, readFlags } from './flagTokens.ts';
import { guardMessage } from './guardMessage.ts';
import type { Io } from './io.ts';
import { loadScenario } from './loadScenario.ts';
import { formatProblemsCapped } from './report.ts';
import { sensitivityTable } from './sensitivityTable.ts';
import { writeJson } from './streamJson.ts';
import { runScenarios } from './variantPool.ts';

const digits = (example: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, `must be a whole number written in digits, e.g. ${example}`)
    .transform(Number);

/** The sensitivity command's flags. Defaults finish kent-2010 in a few minutes on two cores. */
export const SensitivityFlags = z.strictObject({
  scenario: z.string().min(1, 'give a scenario file or a preset id, e.g. --scenario kent-2010'),
  reps: digits('8').pipe(z.number().int().min(2, 'needs at least 2 replications for an interval').max(10_000)).default(8),
  days: digits('365').pipe(z.number().int().min(1).max(36_525)).default(365),
  'warmup-days': digits('90').pipe(z.number().int().min(0).max(36_524)).default(90),
  seed: digits('2010')
    .pipe(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
    )
    .default(2010),
  /** Absent: two, or the machine's cores if fewer (parseSensitivityArgs fills it in). */
  workers: digits('2').pipe(z.number().int().min(1).max(256)).optional(),
  'force-workers': z.boolean().default(false),
  parameters: z
    .string()
    .default(SENSITIVITY_PARAMETERS.map((p) => p.path).join(','))
    .transform((v) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z.enum(SENSITIVITY_PARAMETERS.map((p) => p.path) as [string, ...string[]], {
            error: (i) => `"${String(i.input)}" is not one of the parameters (${SENSITIVITY_PARAMETERS.map((p) => p.path).join(', ')})`,
          }),
        )
        .min(1, 'name at least one parameter'),
    ),
  json: z.string().min(1).optional(),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type SensitivityFlags = z.infer<typeof SensitivityFlags> & { workers: number };

export const SENSITIVITY_USAGE = `Usage: front-door sensitivity --scenario <file.json | preset id> [options]
       (from a checkout without the build: npm run sensitivity -- <the same flags>)

Moves each assumed parameter (models/ASSUMPTIONS.md) to a low and a high value, one at a time,
runs each variant on the same seeds as the scenario itself (common random numbers), and prints
each parameter's effect on the headline measures with paired 95% intervals, largest swing first.

  --scenario      scenario file (JSON) or preset id (e.g. kent-2010)
  --reps          replications of each variant, at least 2 (default 8)
  --days          days measured per replication, after the warm-up (default 365)
  --warmup-days   days simulated first and left out of the measures (default 90)
  --seed          base seed, shared by every variant (default 2010, as the app)
  --workers       worker threads, each running whole variants (default 2, at most the cores)
  --force-workers allow --workers above the number of cores
  --parameters    comma-separated parameter paths to vary (default: all ${SENSITIVITY_PARAMETERS.length})
  --json          also write every measure's effects to this file (JSON), atomically
  --quiet         no progress on standard error
  --help          this text

Exit codes: 0 done; 1 a run stopped or the JSON could not be written; 2 bad flags or input.`;

const OPTIONS = {
  scenario: { type: 'string' },
  reps: { type: 'string' },
  days: { type: 'string' },
  'warmup-days': { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'force-workers': { type: 'boolean' },
  parameters: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses argv (after `sensitivity`) into flags, or every problem at once. */
export function parseSensitivityArgs(argv: readonly string[], cores = availableParallelism()): Parsed<SensitivityFlags> {
  const raw = readFlags(argv, OPTIONS, false);
  if (!raw.ok) return raw;
  const { values } = raw.value;
  if (values.help) return { ok: true, value: { ...SensitivityFlags.parse({ scenario: '-' }), workers: 1, help: true } };
  return checkPoolFlags(SensitivityFlags, { scenario: '', ...values }, cores);
}

/** `front-door sensitivity`: runs the analysis and prints its table; returns the exit code. */
export async function sensitivityMain(argv: readonly string[], io: Io): Promise<number> {
  const flags = parseSensitivityArgs(argv);
  if (!flags.ok) {
    io.err(`sensitivity: bad flags\n${formatProblemsCapped(flags.problems)}\n\n${SENSITIVITY_USAGE}\n`);
    return 2;
  }
  const f = flags.value;
  if (f.help) {
    io.out(SENSITIVITY_USAGE + '\n');
    return 0;
  }
  const scenario = loadScenario(f.scenario);
  if (!scenario.ok) {
    io.err(`sensitivity: the scenario "${f.scenario}" is not valid\n${formatProblemsCapped(scenario.problems)}\n`);
    return 2;
  }
  const plan = sensitivityVariants(scenario.value, f.parameters);
  if (!plan.ok) {
    io.err(`sensitivity: a variant of the scenario is not valid, so nothing was run\n${formatProblemsCapped(plan.problems)}\n`);
    return 2;
  }
  const out = f.json ? checkOutTarget(f.json, [f.scenario], '--json') : undefined;
  if (out && !out.ok) {
    io.err(`sensitivity: nothing was run\n${formatProblemsCapped(out.problems)}\n`);
    return 2;
  }
  const { ranges, variants } = plan.value;
  const opts = { days: f.days, warmupDays: f['warmup-days'], reps: f.reps, seed: f.seed };
  const started = performance.now();
  if (!f.quiet)
    io.err(
      `sensitivity: ${scenario.value.id}: the base and ${variants.length} variants × ${f.reps} replications on ${Math.min(f.workers, variants.length + 1)} worker(s)\n`,
    );
  let batches;
  try {
    batches = await runScenarios([scenario.value, ...variants.map((v) => v.scenario)], opts, f.workers, (done, total) => {
      if (!f.quiet && process.stderr.isTTY) io.err(`\rsensitivity: ${done}/${total} replications`);
    });
  } catch (e) {
    const msg = e instanceof EngineLimitError ? guardMessage(e, f.reps) : `the run stopped: ${(e as Error).message}`;
    io.err(`\nsensitivity: ${msg}\n`);
    return 1;
  }
  const [base, ...rest] = batches;
  const variantBatches = variants.map((v, i) => ({ path: v.path, side: v.side, batch: rest[i]! }));
  const headline = analyseSensitivity(base!, ranges, variantBatches, SENSITIVITY_MEASURES);
  io.out(
    sensitivityTable(
      headline,
      metricNamesFor(
        headline.measures.map((m) => m.metric),
        scenario.value.assessment,
      ),
      scenario.value.assessment,
    ),
  );
  let code = 0;
  if (out?.ok) {
    const full = analyseSensitivity(base!, ranges, variantBatches, METRIC_NAMES);
    const file = { kind: 'front-door-sensitivity', version: 1, parameters: SENSITIVITY_PARAMETERS.filter((p) => f.parameters.includes(p.path)), ...full };
    code = deliver('sensitivity', out.value, 'json', (w) => (writeJson(file, w), w('\n')), io);
  }
  if (!f.quiet)
    io.err(
      `\nsensitivity: ${batches.length} batches of ${f.reps} replications in ${((performance.now() - started) / 1000).toFixed(1)} s${f.json && code === 0 ? `, every measure written to ${f.json}` : ''}\n`,
    );
  return code;
}
