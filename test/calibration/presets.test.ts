import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, PRESETS, getPreset } from '../../src/scenario/presets.ts';

/**
 * The seed presets: every file in seeds/ is a preset that parses (presets.ts throws at import
 * otherwise), every number in it is cited or listed as an assumption, and every quote in its
 * sources is really in the document it names.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = join(root, 'seeds');
const sourcesDir = resolve(root, '../shared/sources');
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const raw = (file: string) => JSON.parse(readFileSync(join(seedsDir, file), 'utf8')) as Record<string, unknown>;
const assumptions = readFileSync(join(root, 'models/ASSUMPTIONS.md'), 'utf8');

const DOCUMENTS = [
  'kent-safeguarding-inspection-2010.txt',
  'kent-joint-area-review-2008.txt',
  'medway-joint-area-review-2006.txt',
  'kent-cypp-review-2009-10.txt',
  'kent-annual-assessment-letter-2010.txt',
];

/** Paths of numeric and true/false leaves, with array indices written `[]` (e.g. `dutyTeams[].threshold`). */
function leafPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'number' || typeof value === 'boolean') return [path];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return value.length ? [path] : [];
    return [...new Set(value.flatMap((v) => leafPaths(v, `${path}[]`)))];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, path ? `${path}.${k}` : k));
  }
  return [];
}

/** Whitespace and typographic quotes normalised, for comparing quotes with the documents. */
const norm = (s: string) => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

describe('the seed presets', () => {
  it('every seed file is a preset, and presets.ts offers each once, kent-2010 first', () => {
    expect(PRESETS.map((p) => `${p.id}.json`).sort()).toEqual([...seedFiles].sort());
    expect(PRESETS[0]!.id).toBe(DEFAULT_PRESET_ID);
    expect(getPreset('kent-2010')).toBe(PRESETS[0]);
    expect(getPreset('no-such-preset')).toBeUndefined();
  });

  it('presets are frozen, so a shared preset cannot be edited by accident', () => {
    const p = getPreset('kent-2010')!;
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.dutyTeams[0])).toBe(true);
  });

  it('every preset has a name, a description and sources', () => {
    for (const p of PRESETS) {
      expect(p.name.length, p.id).toBeGreaterThan(0);
      expect(p.description.length, p.id).toBeGreaterThan(100);
      expect(p.sources.length, p.id).toBeGreaterThan(3);
    }
  });

  for (const file of seedFiles) {
    it(`every number in ${file} is cited in its sources or listed in models/ASSUMPTIONS.md`, () => {
      const data = raw(file);
      const supports = ((data.sources as { supports?: string }[]) ?? []).map((s) => s.supports ?? '').join('\n');
      const paths = leafPaths({ ...data, version: undefined, sources: undefined });
      const missing = paths.filter((p) => !assumptions.includes(p) && !supports.includes(p));
      expect(missing).toEqual([]);
    });
  }

  it('every source names one of the five documents (with a paragraph) or a published national reference', () => {
    for (const p of PRESETS) {
      for (const s of p.sources) {
        if (DOCUMENTS.includes(s.document)) expect(s.paragraph.length, `${p.id}: ${s.quote}`).toBeGreaterThan(0);
        else expect(s.document, p.id).toMatch(/\((.*\b(19|20)\d\d\b.*)\)/);
        expect(s.supports.length, `${p.id}: ${s.document} ${s.paragraph}`).toBeGreaterThan(0);
      }
    }
  });

  it.skipIf(!existsSync(sourcesDir))('every quote in the presets is word for word in the document it cites', () => {
    const texts = new Map(DOCUMENTS.map((d) => [d, norm(readFileSync(join(sourcesDir, d), 'utf8'))]));
    const notFound: string[] = [];
    for (const p of PRESETS) {
      for (const s of p.sources) {
        const text = texts.get(s.document);
        if (!text || !s.quote) continue;
        if (!text.includes(norm(s.quote))) notFound.push(`${p.id}: ${s.document} ${s.paragraph}: "${s.quote}"`);
      }
    }
    expect(notFound).toEqual([]);
  });
});
