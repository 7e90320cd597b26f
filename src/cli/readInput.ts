import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import type { Parsed } from '../scenario/parse.ts';
import { describeFsError } from './fsErrors.ts';

/** The largest input file the CLI reads (64 MiB): a scenario is kilobytes, a merged sweep megabytes. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** What a non-regular file is, in words. */
function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Decodes a text file as the app does: a UTF-8 byte-order mark is dropped, UTF-16 (little- or
 * big-endian, with its BOM) is decoded, anything else must be valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): Parsed<string> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, value: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, value: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problems: [{ path: '', message: 'is not UTF-8 text: save it as UTF-8 (or UTF-16 with a byte-order mark)' }] };
  }
}

/**
 * Reads an input file named by a flag, refusing before reading anything that would hang or
 * flood: a named pipe, a device, a folder, or more than `maxBytes`. Opened non-blocking, so a FIFO
 * is seen for what it is instead of waiting for a writer. Problems carry the flag as their path.
 */
export function readInputText(file: string, flag: string, maxBytes = MAX_INPUT_BYTES): Parsed<string> {
  const path = resolve(file);
  const fail = (message: string): Parsed<string> => ({ ok: false, problems: [{ path: flag, message }] });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return fail(describeFsError(e, path));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail(`${path} is a folder, not a file`);
    if (!st.isFile()) return fail(`${path} is ${kindOf(st)}; save the input to an ordinary file and give that`);
    if (st.size > maxBytes) return fail(`${path} is ${(st.size / 2 ** 20).toFixed(1)} MiB; the limit is ${maxBytes / 2 ** 20} MiB`);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < buf.length) {
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    const text = decodeText(buf.subarray(0, got));
    return text.ok ? text : fail(`${path} ${text.problems[0]!.message}`);
  } catch (e) {
    return fail(`cannot read ${describeFsError(e, path)}`);
  } finally {
    closeSync(fd);
  }
}
