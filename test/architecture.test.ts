import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the house (ARCHITECTURE.md): data flows one way, scenario → engine → records →
 * metrics → charts. This test reads the import statements of every source file in models/,
 * src/sim/ and src/scenario/ and checks the dependency direction, and that the core has no
 * ambient chance, wall clock or timers (lesson 2) and never touches the DOM.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/**
 * Source text with comments removed; with `blankStrings`, string and template contents are
 * blanked too (so a message that mentions `Date.now` is not a use of it). Regular-expression
 * literals are left alone, which is good enough for this codebase's sources.
 */
function stripped(text: string, blankStrings: boolean): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const d = text[i + 1];
    if (c === '/' && d === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && d === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      const body = text.slice(i + 1, j);
      out += c + (blankStrings ? body.replace(/[^\n]/g, ' ') : body) + c;
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

interface Import {
  specifier: string;
  typeOnly: boolean;
  statement: string;
}

/** Every static import/export-from, side-effect import, dynamic import() and require() in a file. */
function importsOf(file: string): Import[] {
  const code = stripped(readFileSync(join(root, file), 'utf8'), false);
  const found: Import[] = [];
  for (const m of code.matchAll(/(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s+from\s*['"]([^'"]+)['"]/g)) {
    const bindings = m[3]!;
    const named = /\{([^}]*)\}/.exec(bindings)?.[1];
    const allNamedAreTypes = named !== undefined && !/^\s*[\w$]+\s*,/.test(bindings) && named.split(',').filter((b) => b.trim()).every((b) => /^\s*type\s/.test(b));
    found.push({ specifier: m[4]!, typeOnly: Boolean(m[2]) || allNamedAreTypes, statement: m[0].replace(/^[;\s]+/, '') });
  }
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1]!, typeOnly: false, statement: m[0].replace(/^[;\s]+/, '') });
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ specifier: m[1]!, typeOnly: false, statement: m[0].trim() });
  return found;
}

/** Where an import points: a top-level folder area of the repo (`models`, `src/sim`, …) or a package name. */
function target(file: string, specifier: string): { kind: 'local'; area: string } | { kind: 'package'; name: string } {
  if (specifier.startsWith('.')) {
    const path = relative(root, resolve(root, dirname(file), specifier)).split('\\').join('/');
    const parts = path.split('/');
    return { kind: 'local', area: parts[0] === 'src' ? `src/${parts[1]}` : parts[0]! };
  }
  if (specifier.startsWith('node:')) return { kind: 'package', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

interface Rule {
  /** Repo areas this folder may import from (its own included). */
  areas: string[];
  /** Packages it may import (bare specifiers, package name only). */
  packages: string[];
  /** Areas it may import from only with `import type`. */
  typeOnlyAreas?: string[];
}

const RULES: Record<string, Rule> = {
  // models → xstate, and the scenario's types (thresholds arrive through the rules' parameters).
  models: { areas: ['models'], packages: ['xstate'], typeOnlyAreas: ['src/scenario'] },
  // src/sim → models, src/scenario; zod only for the results contract (src/sim/results.ts).
  'src/sim': { areas: ['src/sim', 'models', 'src/scenario'], packages: ['xstate', 'zod'] },
  // src/scenario → zod; presets read the seed JSON files (seeds/ is data); fflate compresses
  // scenarios for the URL codec (ARCHITECTURE.md: "zod schema, parse, presets, URL codec").
  'src/scenario': { areas: ['src/scenario', 'seeds'], packages: ['zod', 'fflate'] },
};

describe('dependency direction', () => {
  for (const [area, rule] of Object.entries(RULES)) {
    it(`${area} imports only ${[...rule.areas, ...(rule.typeOnlyAreas ?? []).map((a) => `types from ${a}`), ...rule.packages].join(', ')}`, () => {
      const files = sourceFiles(area);
      expect(files.length).toBeGreaterThan(0);
      const breaches: string[] = [];
      for (const f of files) {
        for (const imp of importsOf(f)) {
          const t = target(f, imp.specifier);
          if (t.kind === 'package') {
            if (!rule.packages.includes(t.name)) breaches.push(`${f}: ${imp.statement}`);
          } else if (rule.typeOnlyAreas?.includes(t.area)) {
            if (!imp.typeOnly) breaches.push(`${f}: ${imp.statement} (only types may come from ${t.area})`);
          } else if (!rule.areas.includes(t.area)) {
            breaches.push(`${f}: ${imp.statement}`);
          } else if (t.area === 'seeds' && !imp.specifier.endsWith('.json')) {
            breaches.push(`${f}: ${imp.statement} (seeds/ holds JSON data only)`);
          }
        }
      }
      expect(breaches).toEqual([]);
    });
  }

  it('the import reader finds what is there (engine.ts imports the machine, the rules, the scenario and its own kernel)', () => {
    const specs = importsOf('src/sim/engine.ts').map((i) => i.specifier);
    expect(specs).toContain('../../models/caseJourney.machine.ts');
    expect(specs).toContain('../../models/assessment.rules.ts');
    expect(specs).toContain('./eventQueue.ts');
    expect(specs.length).toBeGreaterThanOrEqual(10);
    const rules = importsOf('models/contactCentre.rules.ts');
    expect(rules.find((i) => i.specifier.includes('src/scenario'))?.typeOnly).toBe(true);
  });
});

describe('no ambient chance, wall clock, timers or DOM in the core', () => {
  const banned: [RegExp, string][] = [
    [/\bMath\s*\.\s*random\b/, 'Math.random (use a named stream from src/sim/rng.ts)'],
    [/\bDate\s*\.\s*now\b/, 'Date.now (simulated time only)'],
    [/\bnew\s+Date\s*\(/, 'new Date (simulated time only)'],
    [/\bperformance\s*\.\s*now\b/, 'performance.now (no wall clock)'],
    [/\bsetTimeout\b/, 'setTimeout (the caller steps the engine)'],
    [/\bsetInterval\b/, 'setInterval (the caller steps the engine)'],
    [/\brequestAnimationFrame\b/, 'requestAnimationFrame (the UI owns the clock)'],
    [/\b(?:window|document|navigator|localStorage|sessionStorage)\s*\./, 'the DOM (the core runs in Node and a Worker)'],
    [/\bMath\s*\.\s*(?:log|exp|pow|cos|sin)\b/, 'engine-dependent Math (use src/sim/detMath.ts; DESIGN.md §10)'],
  ];
  for (const area of ['models', 'src/sim']) {
    it(`${area} uses none of Math.random, Date.now, performance.now, setTimeout, setInterval, the DOM or engine-dependent Math`, () => {
      const hits: string[] = [];
      for (const f of sourceFiles(area)) {
        const lines = stripped(readFileSync(join(root, f), 'utf8'), true).split('\n');
        lines.forEach((line, n) => {
          for (const [re, what] of banned) if (re.test(line)) hits.push(`${f}:${n + 1}: ${what}`);
        });
      }
      expect(hits).toEqual([]);
    });
  }

  it('the scanner sees code but not comments or strings', () => {
    const probe = stripped("const a = 1; // Math.random()\n/* Date.now() */ const b = 'setTimeout'; Math.random();", true);
    expect(/\bMath\s*\.\s*random\b/.test(probe)).toBe(true);
    expect(/Date\.now|setTimeout/.test(probe)).toBe(false);
  });
});
