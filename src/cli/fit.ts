import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { nationalFigure, nationalLabel } from '../scenario/fit/national.ts';
import { FitTargets } from '../scenario/fit/targets.ts';
import { problemsOf, type Parsed } from '../scenario/parse.ts';
import { getPreset, PRESETS } from '../scenario/presets.ts';
import { EngineLimitError } from '../sim/engine.ts';
import { DEFAULT_CHECK, DEFAULT_SEARCH, fitScenario, type FitEvaluator, type FitResult } from '../sim/fit/fit.ts';
import { checkOutTarget } from './outputTarget.ts';
import { deliver } from './deliver.ts';
import { checkPoolFlags, readFlags } from './flagTokens.ts';
import { guardMessage } from './guardMessage.ts';
import type { Io } from './io.ts';
import { readInputText } from './readInput.ts';
import { formatProblemsCapped } from './report.ts';
import { writeJson } from './streamJson.ts';
import { runScenarios } from './variantPool.ts';

const digits = (example: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, `must be a whole number written in digits, e.g. ${example}`)
    .transform(Number);

/** The fit command's flags. */
export const FitFlags = z.strictObject({
  targets: z.string().min(1, 'give the council’s figures: --targets my-council.json'),
  out: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
  preset: z.string().min(1).optional(),
  reps: digits('8').pipe(z.number().int().min(2, 'the check needs at least 2 replications for an interval').max(1000)).default(DEFAULT_CHECK.reps),
  'search-reps': digits('2').pipe(z.number().int().min(1).max(100)).default(DEFAULT_SEARCH.reps),
  'search-days': digits('180').pipe(z.number().int().min(30).max(3650)).default(DEFAULT_SEARCH.days),
  'max-evaluations': digits('160').pipe(z.number().int().min(10).max(10_000)).default(160),
  seed: digits('2010')
    .pipe(
      z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1),
    )
    .default(DEFAULT_SEARCH.seed),
  workers: digits('2').pipe(z.number().int().min(1).max(256)).optional(),
  'force-workers': z.boolean().default(false),
  quiet: z.boolean().default(false),
  help: z.boolean().default(false),
});
export type FitFlags = z.infer<typeof FitFlags> & { workers: number };

export const FIT_USAGE = `Usage: front-door fit --targets <council.json> [--out scenario.json] [options]
       (from a checkout without the build: npm run fit -- <the same flags>)

Fits a scenario to a council's published figures: starts from a preset scaled to its children,
sets what the figures fix (contacts, social worker posts, vacancy), and moves the parameters no
one publishes (thresholds, need, return rates…) to bring every given figure within its tolerance.
Every candidate runs on the same seeds (common random numbers). Prints each target beside the
fitted value and England's figure, the fitted parameters and which of them the data pin down.

  --targets          the council's figures (JSON; see README "Fit my authority"); childPopulation
                     is required, every other figure optional
  --out              write the fitted scenario here (JSON), atomically; else to standard output
  --report           also write the whole fit (targets, parameters, profile) to this file (JSON)
  --preset           the preset to start from (default: the targets file's basePreset, or england-2023-24)
  --reps             replications of the final check (default ${DEFAULT_CHECK.reps}, ${DEFAULT_CHECK.days} days)
  --search-reps      replications of each candidate (default ${DEFAULT_SEARCH.reps})
  --search-days      days measured in each candidate run (default ${DEFAULT_SEARCH.days})
  --max-evaluations  most candidate runs in the search (default 160)
  --seed             base seed shared by every candidate (default ${DEFAULT_SEARCH.seed})
  --workers          worker threads (default 2, at most the cores)
  --force-workers    allow --workers above the number of cores
  --quiet            no progress on standard error
  --help             this text

Exit codes: 0 a good fit, written; 1 written, but some target is outside its tolerance (a poor
fit), or not written where asked; 2 bad flags or targets, nothing run.`;

const OPTIONS = {
  targets: { type: 'string' },
  out: { type: 'string' },
  report: { type: 'string' },
  preset: { type: 'string' },
  reps: { type: 'string' },
  'search-reps': { type: 'string' },
  'search-days': { type: 'string' },
  'max-evaluations': { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  'force-workers': { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Parses argv (after `fit`) into flags, or every problem at once. */
export function parseFitArgs(argv: readonly string[], cores = availableParallelism()): Parsed<FitFlags> {
  const raw = readFlags(argv, OPTIONS, false);
  if (!raw.ok) return raw;
  const { values } = raw.value;
  if (values.help) return { ok: true, value: { ...FitFlags.parse({ targets: '-' }), workers: 1, help: true } };
  return checkPoolFlags(FitFlags, { targets: '', ...values }, cores);
}

/** Reads and checks a targets file; problems name the field (`reReferralPct: …`). */
export function readTargets(file: string): Parsed<FitTargets> {
  const text = readInputText(file, '--targets');
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch (e) {
    return { ok: false, problems: [{ path: '--targets', message: `${file} is not JSON: ${(e as Error).message}` }] };
  }
  const r = FitTargets.safeParse(json);
  return r.success ? { ok: true, value: r.data } : { ok: false, problems: problemsOf(r.error) };
}

const fmt = (v: number, unit: string) => (unit === 'pct' ? `${v.toFixed(1)}%` : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** The fit as a text table: targets beside fitted values and England's, then the parameters. */
export function fitTable(fit: FitResult, targets: FitTargets): string {
  const lines: string[] = [];
  lines.push(`Targets (fitted: mean of ${fit.check.reps} replications of ${fit.check.days} days, 95% interval; England's figure for comparison)`);
  for (const c of fit.comparisons) {
    const nat = nationalFigure(c.key);
    lines.push(
      `  ${c.withinTolerance ? '  ' : '✗ '}${c.label.padEnd(62)} target ${fmt(c.target, c.unit).padStart(7)} ± ${fmt(c.tolerance, c.unit).padEnd(6)} fitted ${fmt(c.fitted, c.unit).padStart(7)} [${fmt(c.ci95[0], c.unit)}, ${fmt(c.ci95[1], c.unit)}]${nat ? `  ${nationalLabel(nat)}` : ''}`,
    );
  }
  for (const key of ['vacancyPct', 'agencyPct'] as const) {
    const v = targets[key];
    const nat = nationalFigure(key);
    if (v !== undefined && nat)
      lines.push(
        `    ${(key === 'vacancyPct' ? 'Vacancy rate (set, not fitted)' : 'Agency worker rate (not modelled)').padEnd(62)} yours ${v.toFixed(1)}%  ${nationalLabel(nat)}`,
      );
  }
  lines.push('  England figures are for England as a whole (sources: shared/research/national-figures.md).');
  lines.push('');
  lines.push('Fitted parameters (range; whether the data pin it down: the objective rises by 1+ when it moves a fifth of its range)');
  for (const p of fit.parameters) {
    lines.push(
      `  ${p.label.padEnd(62)} ${p.value.toPrecision(4).padStart(8)}  (base ${p.base.toPrecision(4)}; ${p.low.toPrecision(3)}–${p.high.toPrecision(3)})  ${p.identification}`,
    );
  }
  lines.push('');
  lines.push(
    fit.goodFit
      ? `A good fit: every target is within its tolerance (objective ${fit.checkObjective.toFixed(2)}).`
      : `POOR FIT: ${fit.comparisons.filter((c) => !c.withinTolerance).length} target(s) outside their tolerance (marked ✗; objective ${fit.checkObjective.toFixed(2)}). The figures may contradict each other, or the preset's front door may not be the council's: try another base preset.`,
  );
  return lines.join('\n') + '\n';
}

/** `front-door fit`: fits, prints the table, writes the scenario; returns the exit code. */
export async function fitMain(argv: readonly string[], io: Io): Promise<number> {
  const flags = parseFitArgs(argv);
  if (!flags.ok) {
    io.err(`fit: bad flags\n${formatProblemsCapped(flags.problems)}\n\n${FIT_USAGE}\n`);
    return 2;
  }
  const f = flags.value;
  if (f.help) {
    io.out(FIT_USAGE + '\n');
    return 0;
  }
  const targets = readTargets(f.targets);
  if (!targets.ok) {
    io.err(`fit: the targets in "${f.targets}" are not valid\n${formatProblemsCapped(targets.problems)}\n`);
    return 2;
  }
  const presetId = f.preset ?? targets.value.basePreset;
  const preset = getPreset(presetId);
  if (!preset) {
    io.err(`fit: no preset "${presetId}" (they are: ${PRESETS.map((p) => p.id).join(', ')})\n`);
    return 2;
  }
  for (const [flag, path] of [
    ['--out', f.out],
    ['--report', f.report],
  ] as const) {
    if (!path) continue;
    const out = checkOutTarget(path, [f.targets], flag);
    if (!out.ok) {
      io.err(`fit: nothing was run\n${formatProblemsCapped(out.problems)}\n`);
      return 2;
    }
  }
  const evaluate: FitEvaluator = async (scenarios, run) => (await runScenarios(scenarios, run, f.workers)).map((b) => b.replications.map((r) => r.metrics));
  const started = performance.now();
  let fit: FitResult;
  try {
    fit = await fitScenario(preset, { ...targets.value, basePreset: presetId }, evaluate, {
      search: { days: f['search-days'], warmupDays: DEFAULT_SEARCH.warmupDays, reps: f['search-reps'], seed: f.seed },
      check: { ...DEFAULT_CHECK, reps: f.reps, seed: f.seed },
      maxEvaluations: f['max-evaluations'],
      onProgress: (p) => {
        if (!f.quiet)
          io.err(
            `\rfit: ${p.phase}: ${p.evaluations} candidate runs (search budget ${p.maxEvaluations}), best objective ${Number.isFinite(p.best) ? p.best.toFixed(2) : '–'}   `,
          );
      },
    });
  } catch (e) {
    const msg = e instanceof EngineLimitError ? guardMessage(e, f.reps) : `the fit stopped: ${(e as Error).message}`;
    io.err(`\nfit: ${msg}\n`);
    return e instanceof EngineLimitError ? 1 : 2;
  }
  if (!f.quiet)
    io.err(
      `\nfit: ${fit.evaluations} candidate runs (${fit.stop}) and the check in ${((performance.now() - started) / 1000).toFixed(1)} s on ${f.workers} worker(s)\n`,
    );
  if (f.out) io.out(fitTable(fit, targets.value));
  let code = deliver('fit', f.out, 'json', (w) => (writeJson(fit.scenario, w), w('\n')), io);
  if (f.report && code === 0) {
    const { scenario: _scenario, ...rest } = fit;
    code = deliver(
      'fit',
      f.report,
      'json',
      (w) => (writeJson({ kind: 'front-door-fit', version: 1, targets: targets.value, scenarioId: fit.scenario.id, ...rest }, w), w('\n')),
      io,
    );
  }
  if (!f.out) io.err(fitTable(fit, targets.value));
  return code !== 0 ? code : fit.goodFit ? 0 : 1;
}
