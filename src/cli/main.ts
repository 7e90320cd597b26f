import type { Io } from './io.ts';

/**
 * `front-door`: the command-line tool's entry point. It only dispatches: each command's code
 * (zod, the engine, the presets) is imported when that command runs, so `front-door --help`
 * starts without loading any of it.
 */

export const MAIN_USAGE = `Usage: front-door <command> [options]

Commands:
  simulate     run replications of a scenario: front-door simulate --scenario kent-2010 --out results.json
  sweep        run (a shard of) a sweep file:   front-door sweep sweep.json --shard 0/4 --out shard-0.json
  merge        merge sweep shards:              front-door merge --out sweep.json shard-*.json
  sensitivity  each assumption moved low/high:  front-door sensitivity --scenario kent-2010
  calibrate    every documented target beside the simulated value, per preset
  fit          fit a scenario to a council's figures: front-door fit --targets council.json --out council-scenario.json

  front-door <command> --help   options of one command

Exit codes: 0 done; 1 a run stopped by a guard, or results not written where asked (kept in a
rescue file, whose name is printed); 2 bad flags or input, nothing run.`;

/** Runs `front-door <command> …` and returns the exit code (calibrate sets its own, returning undefined). */
export async function main(argv: readonly string[], io: Io): Promise<number | undefined> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      (command === undefined ? io.err : io.out)(MAIN_USAGE + '\n');
      return command === undefined ? 2 : 0;
    case 'simulate':
      return (await import('./simulate.ts')).simulateMain(rest, io);
    case 'sweep': {
      // `sweep FILE …` is `simulate --sweep FILE …`
      const [file, ...more] = rest;
      if (rest.includes('--sweep') || rest.includes('--help') || rest.includes('-h')) return (await import('./simulate.ts')).simulateMain(rest, io);
      if (file === undefined || file.startsWith('-')) {
        io.err('sweep: give the sweep file first: front-door sweep sweep.json [--shard i/n] [--out file]\n');
        return 2;
      }
      return (await import('./simulate.ts')).simulateMain(['--sweep', file, ...more], io);
    }
    case 'merge':
      return (await import('./merge.ts')).mergeMain(rest, io);
    case 'sensitivity':
      return (await import('./sensitivity.ts')).sensitivityMain(rest, io);
    case 'calibrate':
      // calibrate.ts is a script that reads process.argv itself: hand it only its own flags.
      process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
      await import('./calibrate.ts');
      return undefined;
    case 'fit':
      return (await import('./fit.ts')).fitMain(rest, io);
    default:
      io.err(`front-door: unknown command "${command}"\n\n${MAIN_USAGE}\n`);
      return 2;
  }
}
