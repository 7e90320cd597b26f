import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicWrite.ts';
import { describeFsError } from './fsErrors.ts';
import type { Io } from './io.ts';

/** Produces output text piece by piece (so it may be larger than one string). */
export type Producer = (write: (piece: string) => void) => void;

/**
 * Sends finished results to `out` (written atomically) or to standard output. If `out` cannot be
 * written after all (a disk that filled during the run), the results are kept in a rescue file in
 * the system's temporary folder and the user is told where: a finished run is never thrown away.
 * Returns the exit code: 0 written, 1 not written where asked.
 */
export function deliver(command: string, out: string | undefined, ext: 'json' | 'csv', produce: Producer, io: Io): number {
  if (!out) {
    produce(io.out);
    return 0;
  }
  try {
    writeFileAtomic(out, produce);
    return 0;
  } catch (e) {
    io.err(`\n${command}: could not write ${out}: ${describeFsError(e, out)}. ${out} is as it was before the run.\n`);
  }
  const rescue = join(tmpdir(), `front-door-${command}-${process.pid}-${Date.now()}.${ext}`);
  try {
    writeFileAtomic(rescue, produce);
    io.err(`${command}: the results are kept in ${rescue}: move them where you want them.\n`);
  } catch (e) {
    io.err(`${command}: they could not be kept in ${rescue} either (${describeFsError(e, rescue)}); free some space and run again.\n`);
  }
  return 1;
}
