import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatProblems } from '../scenario/parse.ts';
import { parseSimulateArgs, SIMULATE_USAGE, type SimulateFlags } from './args.ts';
import { loadScenario } from './loadScenario.ts';
import { batchToCsv } from './csv.ts';
import { runBatchParallel } from './parallel.ts';
import { EngineLimitError } from '../sim/engine.ts';
import { steadinessMessages } from '../sim/steadinessMessages.ts';
import { loadSweep, runSweepShard } from './sweep.ts';

/** Where the command writes; injected so tests run it in-process. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * `npm run simulate`: runs replications of a scenario and prints or writes the results.
 * Returns the exit code: 0 done, 2 bad flags or scenario (each problem named), 1 a run that
 * stopped (e.g. a guard tripped), with the reason and no stack trace.
 */
export async function simulateMain(argv: readonly string[], io: Io): Promise<number> {
  const flags = parseSimulateArgs(argv);
  if (!flags.ok) {
    io.err(`simulate: bad flags\n${formatProblems(flags.problems)}\n\n${SIMULATE_USAGE}\n`);
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
    io.err(`simulate: the scenario "${f.scenario}" is not valid\n${formatProblems(scenario.problems)}\n`);
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
    const msg = e instanceof EngineLimitError ? e.message : `the run stopped: ${(e as Error).message}`;
    io.err(`\nsimulate: ${msg}\n`);
    return 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const text = f.format === 'csv' ? batchToCsv(result) : JSON.stringify(result, null, 2) + '\n';
  if (f.out) writeFileSync(f.out, text);
  else io.out(text);
  // A backlog that keeps growing is said in words, never left to an average (stderr, so piped JSON stays clean).
  for (const line of steadinessMessages(result.steadiness, result.warmupDays)) io.err(`simulate: ${line}\n`);
  if (!f.quiet) {
    const events = result.replications.reduce((a, r) => a + r.events, 0);
    io.err(
      `\nsimulate: ${scenario.value.id}, ${f.reps} × ${f.days} days in ${seconds.toFixed(2)} s ` +
        `(${Math.round(events / seconds).toLocaleString('en-GB')} events/s)${f.out ? `, written to ${f.out}` : ''}\n`,
    );
  }
  return 0;
}

async function sweepMain(f: SimulateFlags, io: Io): Promise<number> {
  const sweep = loadSweep(f.sweep!);
  if (!sweep.ok) {
    io.err(`simulate: the sweep "${f.sweep}" is not valid\n${formatProblems(sweep.problems)}\n`);
    return 2;
  }
  const { index, count } = f.shard;
  let shard;
  try {
    shard = await runSweepShard(sweep.value, index, count, f.workers, (m) => !f.quiet && io.err(`simulate: shard ${index}/${count}: ${m}\n`));
  } catch (e) {
    io.err(`\nsimulate: the sweep stopped: ${(e as Error).message}\n`);
    return 1;
  }
  const text = JSON.stringify(shard, null, 2) + '\n';
  if (f.out) writeFileSync(f.out, text);
  else io.out(text);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  simulateMain(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
    (code) => (process.exitCode = code),
  );
}
