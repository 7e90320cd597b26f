import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the house (ARCHITECTURE.md): data flows one way, scenario → engine → records →
 * metrics → charts. This test reads the import statements of every source file in models/ and
 * src/* and checks the dependency direction (DESIGN.md §45 says who may import what), that no UI
 * feature imports another feature's components, and that the core has no ambient chance, wall
 * clock or timers (lesson 2) and never touches the DOM. Each rule is also applied to a made-up
 * import list that breaks it, so a rule that stopped reporting would fail here too.
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
    const allNamedAreTypes =
      named !== undefined &&
      !/^\s*[\w$]+\s*,/.test(bindings) &&
      named
        .split(',')
        .filter((b) => b.trim())
        .every((b) => /^\s*type\s/.test(b));
    found.push({ specifier: m[4]!, typeOnly: Boolean(m[2]) || allNamedAreTypes, statement: m[0].replace(/^[;\s]+/, '') });
  }
  for (const m of code.matchAll(/(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g))
    found.push({ specifier: m[1]!, typeOnly: false, statement: m[0].replace(/^[;\s]+/, '') });
  for (const m of code.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false, statement: m[0].trim() });
  return found;
}

type Target = { kind: 'local'; area: string; path: string } | { kind: 'package'; name: string };

/**
 * Where an import points: a repo path with its area (`models`, `src/sim`, …: the top-level folder,
 * or the folder under src/), or a package name. A query (`./sim.worker.ts?worker&inline`) is dropped.
 */
function target(file: string, specifier: string): Target {
  if (specifier.startsWith('.')) {
    const path = relative(root, resolve(root, dirname(file), specifier.replace(/\?.*$/, '')))
      .split('\\')
      .join('/');
    const parts = path.split('/');
    return { kind: 'local', area: parts[0] === 'src' ? `src/${parts[1]}` : parts[0]!, path };
  }
  if (specifier.startsWith('node:')) return { kind: 'package', name: specifier };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

interface Rule {
  /** Repo areas this folder may import from (its own included). */
  areas: string[];
  /** Packages it may import (bare specifiers, package name only); `node:*` allows Node's built-in modules. */
  packages: string[];
  /** Areas it may import from only with `import type`. */
  typeOnlyAreas?: string[];
  /** Single files it may import values from, in an area otherwise open to it for types only. */
  files?: string[];
}

/** What the UI may run from the worker folder: the client side of the protocol, never a worker's body. */
const UI_WORKER_FILES = ['client.ts', 'pool.ts', 'protocol.ts', 'trainerProtocol.ts', 'spawn.ts'].map((f) => `src/worker/${f}`);
/** What the UI may run from src/sim: the measures' definitions, the results contract, pure wording and statistics, the sensitivity analysis of finished batches, the timeline's reading of finished batches (markers, the backlog's peak and recovery), the calendar's constants and the closed-form capacity check; never the engine. */
const UI_SIM_FILES = [
  'metricDefinitions.ts',
  'results.ts',
  'stats.ts',
  'steadinessMessages.ts',
  'timelineSummary.ts',
  'seriesUnits.ts',
  'sensitivity.ts',
  'workingCalendar.ts',
  'flow/capacity.ts',
  // the fit's loop, optimiser and objective: pure; the candidates run in the page's Web Workers
  'fit/fit.ts',
  'fit/nelderMead.ts',
  'fit/objective.ts',
].map((f) => `src/sim/${f}`);

const RULES: Record<string, Rule> = {
  // models → xstate, and the scenario's types (thresholds arrive through the rules' parameters).
  models: { areas: ['models'], packages: ['xstate'], typeOnlyAreas: ['src/scenario'] },
  // src/sim → models, src/scenario; zod only for the results contract (src/sim/results.ts).
  'src/sim': { areas: ['src/sim', 'models', 'src/scenario'], packages: ['xstate', 'zod'] },
  // src/scenario → zod; presets read the seed JSON files (seeds/ is data); fflate compresses
  // scenarios for the URL codec (ARCHITECTURE.md: "zod schema, parse, presets, URL codec").
  'src/scenario': { areas: ['src/scenario', 'seeds'], packages: ['zod', 'fflate'] },
  // src/worker → the engine and the scenario (zod checks the protocol); never src/ui or src/cli.
  'src/worker': { areas: ['src/worker', 'src/sim', 'src/scenario', 'models'], packages: ['zod'] },
  // src/ui → React and d3 modules; the scenario; the pathway machine and its graph (the trainer
  // draws the pathway from the machine); from src/worker only the client side, and from src/sim
  // only pure modules (any src/sim or src/worker module for types); the service worker's
  // registration and build info; the CSV guard shared with the CLI; package.json for the
  // version on the board summary. Never src/cli, and never the engine on the main thread.
  'src/ui': {
    areas: ['src/ui', 'src/scenario', 'models', 'src/offline', 'src/shared', 'package.json'],
    packages: ['react', 'react-dom', '@xstate/react', 'xstate', 'zod', 'd3-array', 'd3-dsv', 'd3-format', 'd3-path', 'd3-scale', 'd3-shape'],
    typeOnlyAreas: ['src/sim', 'src/worker'],
    files: [...UI_WORKER_FILES, ...UI_SIM_FILES],
  },
  // src/cli → the engine, the scenario, the CSV guard, Node, zod; tsx only in the boot file that
  // runs the replication worker from the sources. Never src/ui.
  'src/cli': { areas: ['src/cli', 'src/sim', 'src/scenario', 'models', 'src/shared'], packages: ['node:*', 'zod', 'tsx'] },
  // Shared by the UI and the CLI, so it imports neither (nor anything else).
  'src/shared': { areas: ['src/shared'], packages: [] },
  // The service worker and its registration: no app code at all.
  'src/offline': { areas: ['src/offline'], packages: [] },
};

/** The imports of `file` that its area's rule does not allow, each as `file: statement (why)`. */
function areaBreaches(file: string, imports: readonly Import[], rule: Rule): string[] {
  const breaches: string[] = [];
  for (const imp of imports) {
    const t = target(file, imp.specifier);
    if (t.kind === 'package') {
      const allowed = rule.packages.includes(t.name) || (t.name.startsWith('node:') && rule.packages.includes('node:*'));
      if (!allowed) breaches.push(`${file}: ${imp.statement}`);
    } else if (rule.files?.includes(t.path)) {
      continue;
    } else if (rule.typeOnlyAreas?.includes(t.area)) {
      if (!imp.typeOnly)
        breaches.push(
          `${file}: ${imp.statement} (only types may come from ${t.area}${rule.files?.some((f) => f.startsWith(`${t.area}/`)) ? `, values only from ${rule.files.filter((f) => f.startsWith(`${t.area}/`)).join(', ')}` : ''})`,
        );
    } else if (!rule.areas.includes(t.area)) {
      breaches.push(`${file}: ${imp.statement}`);
    } else if (t.area === 'seeds' && !imp.specifier.endsWith('.json')) {
      breaches.push(`${file}: ${imp.statement} (seeds/ holds JSON data only)`);
    }
  }
  return breaches;
}

/** The feature folder of a path under src/ui/features/, if it is in one. */
const featureOf = (path: string): string | undefined => /^src\/ui\/features\/([^/]+)\//.exec(path)?.[1];
/** The app's shell: the files directly in src/ui/ (App.tsx, AboutView.tsx, …), which compose the features. */
const isShell = (path: string): boolean => /^src\/ui\/[^/]+$/.test(path);

/**
 * Feature imports of another feature's component still waiting to move, each with why. The test
 * below fails when one is no longer needed, so the list only shrinks.
 */
const PENDING_FEATURE_IMPORTS: Record<string, string> = {};

/**
 * Imports that break the UI's own layering: a feature (src/ui/features/X) importing a component
 * module (.tsx) of another feature or of the shell, or src/ui/lib importing a feature or the shell.
 * What more than one feature uses lives in src/ui/lib; a feature may use another's plain .ts
 * logic; only the shell composes features' components.
 */
function uiLayerBreaches(file: string, imports: readonly Import[], pending: Record<string, string> = PENDING_FEATURE_IMPORTS): string[] {
  const own = featureOf(file);
  const inLib = file.startsWith('src/ui/lib/');
  const breaches: string[] = [];
  for (const imp of imports) {
    const t = target(file, imp.specifier);
    if (t.kind !== 'local') continue;
    const other = featureOf(t.path);
    if (own !== undefined) {
      if (other !== undefined && other !== own && t.path.endsWith('.tsx') && !pending[`${file} -> ${t.path}`]) {
        breaches.push(`${file}: ${imp.statement} (a component of the ${other} feature: move what is shared to src/ui/lib)`);
      } else if (isShell(t.path) && t.path.endsWith('.tsx')) {
        breaches.push(`${file}: ${imp.statement} (a feature never imports the shell's components)`);
      }
    } else if (inLib && (other !== undefined || isShell(t.path))) {
      breaches.push(`${file}: ${imp.statement} (src/ui/lib sits below the features and the shell)`);
    }
  }
  return breaches;
}

/** A made-up import, for the rules' self-checks. */
const fake = (specifier: string, typeOnly = false): Import => ({
  specifier,
  typeOnly,
  statement: `import ${typeOnly ? 'type ' : ''}{ x } from '${specifier}'`,
});

describe('dependency direction', () => {
  for (const [area, rule] of Object.entries(RULES)) {
    it(`${area} imports only ${[...rule.areas, ...(rule.files ?? []), ...(rule.typeOnlyAreas ?? []).map((a) => `types from ${a}`), ...rule.packages].join(', ')}`, () => {
      const files = sourceFiles(area);
      expect(files.length).toBeGreaterThan(0);
      expect(files.flatMap((f) => areaBreaches(f, importsOf(f), rule))).toEqual([]);
    });
  }

  it('no UI feature imports another feature’s components or the shell’s, and src/ui/lib imports no feature and not the shell', () => {
    expect(sourceFiles('src/ui').flatMap((f) => uiLayerBreaches(f, importsOf(f)))).toEqual([]);
  });

  it('every pending exception is still needed (remove it once the shared piece has moved to src/ui/lib)', () => {
    const stale = Object.keys(PENDING_FEATURE_IMPORTS).filter((key) => {
      const [from, to] = key.split(' -> ') as [string, string];
      return !importsOf(from).some((imp) => {
        const t = target(from, imp.specifier);
        return t.kind === 'local' && t.path === to;
      });
    });
    expect(stale).toEqual([]);
  });

  it('the rules report what breaks them (made-up imports)', () => {
    expect(areaBreaches('src/cli/fake.ts', [fake('../ui/App.tsx')], RULES['src/cli']!)).toHaveLength(1);
    expect(areaBreaches('src/cli/fake.ts', [fake('node:fs'), fake('../sim/batch.ts')], RULES['src/cli']!)).toEqual([]);
    expect(areaBreaches('src/worker/fake.ts', [fake('../ui/lib/format.ts'), fake('../cli/main.ts'), fake('react')], RULES['src/worker']!)).toHaveLength(3);
    const ui = 'src/ui/features/fake/Fake.tsx';
    expect(areaBreaches(ui, [fake('../../../cli/main.ts'), fake('../../../sim/engine.ts'), fake('../../../worker/handler.ts')], RULES['src/ui']!)).toHaveLength(
      3,
    );
    expect(
      areaBreaches(ui, [fake('../../../sim/engine.ts', true), fake('../../../sim/metricDefinitions.ts'), fake('../../../worker/client.ts')], RULES['src/ui']!),
    ).toEqual([]);
    expect(uiLayerBreaches('src/ui/features/sweep/Fake.tsx', [fake('../compare/CompareView.tsx'), fake('../../App.tsx')])).toHaveLength(2);
    expect(uiLayerBreaches('src/ui/features/sweep/Fake.tsx', [fake('../run/RunPanel.tsx')], {})).toHaveLength(1);
    expect(
      uiLayerBreaches('src/ui/features/sweep/Fake.tsx', [
        fake('./SweepView.tsx'),
        fake('../controls/editedScenario.ts'),
        fake('../../lib/charts/BandChart.tsx'),
      ]),
    ).toEqual([]);
    expect(
      uiLayerBreaches('src/ui/lib/Fake.tsx', [fake('../features/compare/CompareView.tsx'), fake('../features/controls/editedScenario.ts'), fake('../App.tsx')]),
    ).toHaveLength(3);
    expect(uiLayerBreaches('src/ui/App.tsx', [fake('./features/compare/CompareView.tsx')])).toEqual([]);
  });

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
