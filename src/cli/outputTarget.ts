import { accessSync, closeSync, constants, lstatSync, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Parsed } from '../scenario/parse.ts';
import { describeFsError } from './fsErrors.ts';

/** The same file, by device and inode, or undefined when it cannot be looked at. */
function identity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Checks an `--out` target before any work starts, so a run never finishes only to find it cannot
 * save: the folder must exist and be writable, the target must be an ordinary file (or not exist
 * yet), not read-only, and not one of this run's inputs. Returns the real path to write (a
 * symbolic link is followed, so the file it points at is the one replaced).
 */
export function checkOutTarget(out: string, inputs: readonly string[], flag = '--out'): Parsed<string> {
  const fail = (message: string): Parsed<string> => ({ ok: false, problems: [{ path: flag, message }] });
  if (out.endsWith('/') || out.endsWith('\\')) return fail(`${out} names a folder; give a file name, e.g. ${join(out, 'results.json')}`);
  const given = resolve(out);
  let target: string;
  let exists = true;
  try {
    lstatSync(given);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return fail(describeFsError(e, given));
    exists = false;
  }
  if (exists) {
    let st;
    try {
      target = realpathSync(given);
      st = statSync(target);
    } catch (e) {
      // a dangling link: refuse rather than guess which file was meant
      return fail((e as NodeJS.ErrnoException).code === 'ENOENT' ? `${given} is a symbolic link to a file that does not exist` : describeFsError(e, given));
    }
    if (st.isDirectory()) return fail(`${given} is a folder; give a file name inside it, e.g. ${join(given, 'results.json')}`);
    if (!st.isFile()) return fail(`${given} is not an ordinary file (a device, pipe or socket); leave --out off to write to standard output and redirect that`);
    try {
      accessSync(target, constants.W_OK);
    } catch {
      return fail(`${given} is read-only; it is left as it is: choose another name`);
    }
  } else {
    let dir: string;
    try {
      dir = realpathSync(dirname(given));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return fail(code === 'ENOENT' ? `the folder ${dirname(given)} does not exist: create it first` : describeFsError(e, dirname(given)));
    }
    if (!statSync(dir).isDirectory()) return fail(`${dirname(given)} is a file, not a folder`);
    target = join(dir, basename(given));
  }
  const id = identity(target);
  for (const input of inputs) {
    if (resolve(input) === given || resolve(input) === target || (id !== undefined && identity(input) === id)) {
      return fail(`${given} is an input of this run (${input}); results are never written over an input: choose another name`);
    }
  }
  // Prove the folder takes a new file now, not after the run (read-only disk, no permission).
  const probe = join(dirname(target), `.${basename(target)}.front-door-probe-${process.pid}.tmp`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (e) {
    return fail(`cannot write in the folder ${dirname(target)}: ${describeFsError(e, probe)}`);
  }
  return { ok: true, value: target };
}
