import { closeSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic output (ARCHITECTURE.md lesson 18): results go to a temporary file in the target's
 * folder, are flushed to disk, then renamed over the target in one step. A full disk, an
 * interrupted write or Ctrl-C leaves the previous file whole; at worst a temporary file named
 * `.<name>.front-door-<pid>.tmp` is left, and the next write to the same name removes it.
 */

const BUFFER_BYTES = 1 << 20;

/** The temporary name this process uses for `target`. */
function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.front-door-${process.pid}.tmp`);
}

/** Removes temporary files for `target` left by processes that are no longer running (killed mid-write). */
function removeStaleTemps(target: string): void {
  const prefix = `.${basename(target)}.front-door-`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') {
        try {
          unlinkSync(join(dirname(target), name));
        } catch {
          // someone else removed it first
        }
      }
    }
  }
}

/**
 * Writes what `produce` emits to `target` atomically. Throws the file-system error (ENOSPC,
 * EFBIG, EACCES, …) after removing the temporary file; the target is then exactly as it was.
 */
export function writeFileAtomic(target: string, produce: (write: (piece: string) => void) => void): void {
  removeStaleTemps(target);
  const tmp = tempName(target);
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    // a new file
  }
  const fd = openSync(tmp, 'w', mode);
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = () => {
    const buf = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingBytes = 0;
    for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
  };
  try {
    produce((piece) => {
      pending.push(piece);
      pendingBytes += piece.length;
      if (pendingBytes >= BUFFER_BYTES) flush();
    });
    flush();
    fsyncSync(fd);
    closeSync(fd);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    unlinkSync(tmp);
    throw e;
  }
  try {
    renameSync(tmp, target);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
  try {
    const dir = openSync(dirname(target), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // some file systems cannot sync a folder; the rename has happened either way
  }
}
