import { validateField, type FieldSpec } from '../../lib/fieldSpec.ts';

/**
 * Edits to every duty team at once, as people mean them: set every team to one value, or move each
 * team's own value ("5 points stricter", "+2 posts", "×1.2"). Every new value is checked against the
 * field's schema; if any team's would be refused, nothing changes and each refusal names its team.
 * Pure (no React); the editor shows the result team by team.
 */

/** How the typed amount is applied to each team's value. */
export type BulkMode = 'set' | 'add' | 'subtract' | 'multiply';

/** A parsed bulk edit: the mode and the amount. */
export interface BulkOp {
  mode: BulkMode;
  amount: number;
}

/** Words for the modes; thresholds are said as stricter (higher) and looser (lower). */
export function modeLabel(mode: BulkMode, key: string): string {
  const threshold = /threshold/i.test(key);
  switch (mode) {
    case 'set':
      return 'Set every team to';
    case 'add':
      return threshold ? 'Make every team stricter by (points)' : 'Add to every team’s value';
    case 'subtract':
      return threshold ? 'Make every team looser by (points)' : 'Take off every team’s value';
    case 'multiply':
      return 'Multiply every team’s value by';
  }
}

/**
 * Reads the amount box: a plain number in the chosen mode, or shorthand that says its own mode:
 * "+2" adds, "-5" or "−5" subtracts, "×1.2", "x1.2" or "*1.2" multiplies, "+10%" multiplies by 1.1.
 */
export function parseBulkAmount(text: string, mode: BulkMode): { ok: true; op: BulkOp } | { ok: false; message: string } {
  const t = text
    .trim()
    .replace(/,/g, '')
    .replace(/\u2212/g, '-');
  if (t === '') return { ok: false, message: 'Enter a number' };
  const pct = /^([+-])\s*(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    const p = Number(pct[2]) / 100;
    return { ok: true, op: { mode: 'multiply', amount: pct[1] === '-' ? 1 - p : 1 + p } };
  }
  const mul = /^[×x*]\s*(\d+(?:\.\d+)?|\.\d+)$/i.exec(t);
  if (mul) return { ok: true, op: { mode: 'multiply', amount: Number(mul[1]) } };
  const signed = /^([+-])\s*(\d+(?:\.\d+)?|\.\d+)$/.exec(t);
  if (signed) return { ok: true, op: { mode: signed[1] === '+' ? 'add' : 'subtract', amount: Number(signed[2]) } };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: `“${text.trim()}” is not a number (you can also write +2, −5, ×1.2 or +10%)` };
  if (n < 0 && mode !== 'set')
    return { ok: false, message: `Enter a positive amount to ${mode === 'multiply' ? 'multiply by' : mode === 'add' ? 'add' : 'take off'}` };
  return { ok: true, op: { mode, amount: n } };
}

/** One team's change. */
export interface TeamChange {
  index: number;
  team: string;
  before: number;
  after: number;
}

/** The new value of one team under `op` (whole numbers rounded to the nearest whole; no float dust). */
export function applyOp(before: number, op: BulkOp, integer: boolean): number {
  const raw = op.mode === 'set' ? op.amount : op.mode === 'add' ? before + op.amount : op.mode === 'subtract' ? before - op.amount : before * op.amount;
  return integer ? Math.round(raw) : Math.round(raw * 1e6) / 1e6;
}

/**
 * Every team's new value of the field `key`, checked against `spec` (the field's schema): the
 * changes, or every team whose new value would be refused with the schema's reason.
 */
export function bulkEdit(
  teams: readonly (Record<string, unknown> & { name: string })[],
  key: string,
  spec: FieldSpec,
  op: BulkOp,
): { ok: true; changes: TeamChange[] } | { ok: false; problems: string[] } {
  if (spec.kind !== 'number') return { ok: false, problems: [`${spec.description} is not a number`] };
  const changes: TeamChange[] = [];
  const problems: string[] = [];
  teams.forEach((t, index) => {
    const before = t[key];
    if (typeof before !== 'number') {
      problems.push(`${t.name}: has no number for ${spec.description.toLowerCase()}`);
      return;
    }
    const after = applyOp(before, op, spec.integer);
    const checked = validateField(spec, after);
    const range =
      Number.isFinite(spec.min) && Number.isFinite(spec.max)
        ? `outside ${spec.min.toLocaleString('en-GB')} to ${spec.max.toLocaleString('en-GB')}`
        : checked.ok
          ? ''
          : checked.message;
    if (!checked.ok) problems.push(`${t.name}: ${before.toLocaleString('en-GB')} would become ${after.toLocaleString('en-GB')}, ${range}`);
    else changes.push({ index, team: t.name, before, after });
  });
  return problems.length ? { ok: false, problems } : { ok: true, changes };
}

/** The refusals in a sentence: how many teams, the first few, and how many more (so the message stays short). */
export function refusalMessage(problems: readonly string[], teams: number, shown = 3): string {
  const more = problems.length - shown;
  return `Nothing changed: ${problems.length} of ${teams} teams would leave the allowed range. ${problems.slice(0, shown).join('; ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'team' : 'teams'}` : ''}.`;
}

/** A one-line summary of the edit ("Stricter by 5 points: 11 teams changed, 0 unchanged"). */
export function bulkSummary(op: BulkOp, key: string, label: string, changes: readonly TeamChange[]): string {
  const moved = changes.filter((c) => c.before !== c.after).length;
  const threshold = /threshold/i.test(key);
  const how =
    op.mode === 'set'
      ? `${label} set to ${op.amount}`
      : op.mode === 'multiply'
        ? `${label} multiplied by ${op.amount}`
        : threshold
          ? `${label} ${op.amount} ${op.amount === 1 ? 'point' : 'points'} ${op.mode === 'add' ? 'stricter' : 'looser'}`
          : `${label} ${op.mode === 'add' ? '+' : '−'}${op.amount}`;
  return `${how}: ${moved} of ${changes.length} teams changed${moved < changes.length ? ` (${changes.length - moved} already at that value)` : ''}.`;
}
