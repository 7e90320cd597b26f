import { parseSimulateArgs, SIMULATE_USAGE, type SimulateFlags } from './args.ts';
import { loadScenario } from './loadScenario.ts';
import { batchToCsv, seriesToCsv } from './csv.ts';
import { backlogAnswer, backlogSentence, dateOfRunDay, timelineMarkers } from '../sim/timelineSummary.ts';
import { runBatchParallel } from './parallel.ts';
import { EngineLimitError } from '../sim/engine.ts';
import { steadinessMessages } from '../sim/steadinessMessages.ts';
import { loadSweep, runSweepShard, sweepInputs } from './sweep.ts';
import { checkOutTarget } from './outputTarget.ts';
import { deliver } from './deliver.ts';
import { writeJson } from './streamJson.ts';
import { formatProblemsCapped } from './report.ts';
import type { Io } from './io.ts';
import { guardMessage } from './guardMessage.ts';

export type { Io } from './io.ts';

/**
 * `front-door simulate`: runs replications of a scenario and prints or writes the results.
 * Returns the exit code: 0 done, 2 bad flags or input (each problem named, nothing run), 1 a
 * run that stopped (e.g. a guard tripped) or results that could not be written where asked.
 */
export async function simulateMain(argv: readonly string[], io: Io): Promise<number> {
  const flags = parseSimulateArgs(argv);
  if (!flags.ok) {
    io.err(`simulate: bad flags\n${formatProblemsCapped(flags.problems)}\n\n${SIMULATE_USAGE}\n`);
    return 2;
  }
  const f = flags.value;
  if (f.help) {
    io.out(SIMULATE_USAGE + '\n');
    return 0;
  }
  if (f.sweep) return sweepMain(f, io);
  const scenario = loadScenario(f.scenario!);
  if (!scenario.ok) {
    io.err(`simulate: the scenario "${f.scenario}" is not valid\n${formatProblemsCapped(scenario.problems)}\n`);
    return 2;
  }
  const out = f.out ? checkOutTarget(f.out, [f.scenario!]) : undefined;
  if (out && !out.ok) {
    io.err(`simulate: nothing was run\n${formatProblemsCapped(out.problems)}\n`);
    return 2;
  }
  const seriesOut = f.series ? checkOutTarget(f.series, [f.scenario!, ...(f.out ? [f.out] : [])], '--series') : undefined;
  if (seriesOut && !seriesOut.ok) {
    io.err(`simulate: nothing was run\n${formatProblemsCapped(seriesOut.problems)}\n`);
    return 2;
  }
  const opts = { days: f.days, warmupDays: f['warmup-days'], reps: f.reps, seed: f.seed, start: f.start };
  const started = performance.now();
  let result;
  try {
    result = await runBatchParallel(scenario.value, opts, f.workers, (done, total) => {
      if (!f.quiet && process.stderr.isTTY) io.err(`\rsimulate: ${done}/${total} replications`);
    });
  } catch (e) {
    const msg = e instanceof EngineLimitError ? guardMessage(e, f.reps) : `the run stopped: ${(e as Error).message}`;
    io.err(`\nsimulate: ${msg}\n`);
    return 1;
  }
  const seconds = (performance.now() - started) / 1000;
  let code = deliver(
    'simulate',
    out?.value,
    f.format,
    f.format === 'csv' ? (w) => w(batchToCsv(result, scenario.value.assessment)) : (w) => (writeJson(result, w), w('\n')),
    io,
  );
  const s = scenario.value;
  if (seriesOut) {
    const markers = timelineMarkers(s, result.warmupDays, result.days);
    const csv = seriesToCsv(
      result,
      (d) => dateOfRunDay(s, result.warmupDays, d),
      (from, to) => markers.filter((m) => m.runDay >= from && m.runDay < to).map((m) => `${m.label} (${m.date})`),
    );
    code = Math.max(
      code,
      deliver('simulate-series', seriesOut.value, 'csv', (w) => w(csv), io),
    );
  }
  // With a timeline, the answer users ask for is said in words: when the backlog peaks and when it clears.
  const answer = backlogAnswer(s, result);
  if (answer) io.err(`simulate: ${backlogSentence(answer)}\n`);
  // A backlog that keeps growing is said in words, never left to an average (stderr, so piped JSON stays clean).
  for (const line of steadinessMessages(result.steadiness, result.warmupDays)) io.err(`simulate: ${line}\n`);
  if (!f.quiet && code === 0) {
    const events = result.replications.reduce((a, r) => a + r.events, 0);
    io.err(
      `\nsimulate: ${scenario.value.id}, ${f.reps} × ${f.days} days in ${seconds.toFixed(2)} s ` +
        `(${Math.round(events / seconds).toLocaleString('en-GB')} events/s)${f.out ? `, written to ${f.out}` : ''}\n`,
    );
  }
  return code;
}

async function sweepMain(f: SimulateFlags, io: Io): Promise<number> {
  const sweep = loadSweep(f.sweep!);
  if (!sweep.ok) {
    io.err(`simulate: the sweep "${f.sweep}" is not valid\n${formatProblemsCapped(sweep.problems)}\n`);
    return 2;
  }
  const out = f.out ? checkOutTarget(f.out, sweepInputs(f.sweep!, sweep.value)) : undefined;
  if (out && !out.ok) {
    io.err(`simulate: nothing was run\n${formatProblemsCapped(out.problems)}\n`);
    return 2;
  }
  const { index, count } = f.shard;
  let shard;
  try {
    shard = await runSweepShard(sweep.value, index, count, f.workers, (m) => !f.quiet && io.err(`simulate: shard ${index}/${count}: ${m}\n`));
  } catch (e) {
    const msg = e instanceof EngineLimitError ? guardMessage(e, sweep.value.spec.reps) : (e as Error).message;
    io.err(`\nsimulate: the sweep stopped: ${msg}\n`);
    return 1;
  }
  return deliver('sweep', out?.value, 'json', (w) => (writeJson(shard, w), w('\n')), io);
}
