import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { pathwayGraph } from '../../models/graph.ts';

/**
 * The engine never names a state of the machine (issue 11; ARCHITECTURE lesson 14): what happens
 * in a state is the activity the state declares beside it in models/, looked up by state. This
 * reads every source file in src/sim/ (comments removed) and fails on any string literal that
 * names a nested state or a stage prefix (`'contactCentre.screening'`, `'assessment.'`), and on any
 * literal equal to a state's name that is used as a key: a `case` label, an `===`/`!==`
 * comparison, an object key, or an index. The state names come from the machine itself, so a new
 * stage is covered without a list to update.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const graph = pathwayGraph(caseJourneyMachine);
/** Dotted keys of every leaf, and the names of the stages that hold them. */
const stateNames = new Set([...graph.nodes.map((n) => n.key), ...graph.stages.map((s) => s.key)]);
const stagePrefixes = graph.stages.filter((s) => s.nodes.some((k) => k.includes('.'))).map((s) => `${s.key}.`);

/** Source text with comments blanked (strings kept). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every string literal in `code` with what stands before and after it. */
function literals(code: string): { text: string; before: string; after: string; line: number }[] {
  const out: { text: string; before: string; after: string; line: number }[] = [];
  const re = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;
  for (const m of code.matchAll(re)) {
    const at = m.index!;
    out.push({
      text: m[2]!,
      before: code.slice(0, at),
      after: code.slice(at + m[0].length, at + m[0].length + 40),
      line: code.slice(0, at).split('\n').length,
    });
  }
  return out;
}

/**
 * Fields whose values are other vocabularies spelt like some states: record and stock kinds
 * (`'closed'`, `'assessment'`), closure stages and episodes (`'earlyHelp'`), routes. A literal
 * compared with one of these (or a `case` of a switch on one) is not a state's name.
 */
const OTHER_VOCABULARY = /\.(kind|stage|episode|route|type)\s*$/;

/** The expression a literal is compared with: the left side of `===`, the right side, or the switch a `case` belongs to. */
function comparedWith(before: string, after: string): string | null {
  if (/\bcase\s*$/.test(before)) {
    const subject = [...before.matchAll(/\bswitch\s*\(([^)]*)\)/g)].at(-1)?.[1];
    return subject?.trim() ?? '';
  }
  const left = /([\w$.()[\]]+)\s*[!=]==\s*$/.exec(before);
  if (left) return left[1]!;
  const right = /^\s*[!=]==\s*([\w$.]+)/.exec(after);
  if (right) return right[1]!;
  return null;
}

/** Problems in one file's code: literals that name a state as a key, or a nested state anywhere. */
export function stateNamesIn(code: string): string[] {
  const found: string[] = [];
  for (const { text, before, after, line } of literals(withoutComments(code))) {
    if (stagePrefixes.some((p) => text.startsWith(p))) {
      found.push(`${line}: '${text}' names a nested state`);
      continue;
    }
    if (!stateNames.has(text)) continue;
    const compared = comparedWith(before, after);
    const caseLabel = /\bcase\s*$/.test(before);
    const indexOrKey = /\[\s*$/.test(before) || (!caseLabel && /^\s*:/.test(after));
    if (indexOrKey || (compared !== null && !OTHER_VOCABULARY.test(compared))) found.push(`${line}: '${text}' used as a key`);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('the engine names no state of the machine', () => {
  it('knows the machine’s states and stages (the test reads them, it does not list them)', () => {
    expect(stateNames.has('contactCentre.screening')).toBe(true);
    expect(stateNames.has('earlyHelp')).toBe(true);
    expect(stagePrefixes).toEqual(expect.arrayContaining(['contactCentre.', 'dutyTeam.', 'assessment.', 'services.']));
  });

  it('finds state names used as keys, and not state-like words used otherwise (it can fail)', () => {
    const old = [
      "switch (key) { case 'contactCentre.screening': return; case 'earlyHelp': return; }",
      "const reclass = machine.stateKey(c.state) === 'contactCentre.awaitingReclassification';",
      "if ('earlyHelp' === key) x();",
      "const weights = { 'services.childInNeed': 2 };",
      "const byState = table['closed'];",
    ];
    expect(old.map((line) => stateNamesIn(line).length)).toEqual([2, 1, 1, 1, 1]);
    // A closure stage, a record kind or an episode spelt like a state, or a path, is not a state's name.
    const otherWords = [
      "emit({ stage: 'earlyHelp' }); const episode = 'earlyHelp'; // case 'closed':",
      "switch (r.kind) { case 'closed': return; } if (r.stage === 'assessment') x(); if (e.episode !== 'earlyHelp') y();",
      "import { teamPressure } from '../../models/assessment.rules.ts'; const help = 'seen after assessment. Then';",
    ];
    expect(otherWords.flatMap(stateNamesIn)).toEqual([]);
  });

  it('src/sim/ has no state name in its code', () => {
    const hits = sourceFiles('src/sim').flatMap((f) => stateNamesIn(readFileSync(join(root, f), 'utf8')).map((h) => `${f}:${h}`));
    expect(hits).toEqual([]);
  });
});
