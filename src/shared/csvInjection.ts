/**
 * CSV formula injection (OWASP, "CSV Injection"): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return hides one. Scenario and
 * team names are typed by users and travel in shared files and links, so a name such as
 * `=HYPERLINK("http://…")` must reach Excel as text. This module has no imports so that both the
 * app (src/ui) and the command line (src/cli) can use the one rule.
 */

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number (what our own numbers look like when written as text), e.g. `-0.25`, `1e-7`. */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The cell as text a spreadsheet shows and never evaluates: a text cell starting with one of
 * `= + - @`, a tab or a carriage return gets a leading apostrophe (OWASP's advice); numbers, and
 * text that is only a plain number such as `-3.5`, are returned unchanged so figures stay figures.
 */
export function neutraliseCsvCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  if (!FORMULA_START.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** A copy of a row object with every cell passed through {@link neutraliseCsvCell}. */
export function neutraliseCsvRow<R extends object>(row: R): Record<keyof R, unknown> {
  const out = {} as Record<keyof R, unknown>;
  for (const key of Object.keys(row) as (keyof R)[]) out[key] = neutraliseCsvCell(row[key]);
  return out;
}
