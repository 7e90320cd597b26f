/**
 * Text the CLI echoes back (file names, a bad file's contents quoted in a JSON error, a sweep
 * value) can hold control bytes: `ESC]0;…BEL` retitles a terminal, other escapes move the cursor
 * or hide text, and bidirectional overrides reorder what is shown. Everything written to standard
 * error passes through here first.
 */

// C0 controls except tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes control characters as visible `\xNN` / `\uNNNN` text; newlines and tabs are kept. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A writer for standard error that escapes control characters, except one carriage return at the
 * very start of a chunk: the progress line's own `\r`, written by us, never taken from input.
 */
export function safeErrWriter(write: (s: string) => void): (s: string) => void {
  return (s) => write(s.startsWith('\r') ? '\r' + escapeControl(s.slice(1)) : escapeControl(s));
}
