import type { Io } from './io.ts';
import { safeErrWriter } from './terminalText.ts';

/**
 * The real process's output: standard error escaped for the terminal, and a closed pipe on
 * standard output (`front-door simulate … | head`) ending the process quietly, not with a trace.
 */
export function processIo(): Io {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`front-door: cannot write to standard output: ${e.code ?? e.message}\n`);
    process.exit(1);
  });
  return { out: (s) => void process.stdout.write(s), err: safeErrWriter((s) => void process.stderr.write(s)) };
}
