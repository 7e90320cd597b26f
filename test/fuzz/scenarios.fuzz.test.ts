import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from '../../src/scenario/parse.ts';
import { decodeScenario, encodeScenario } from '../../src/scenario/urlCodec.ts';
import { loadAutosave, AUTOSAVE_KEY } from '../../src/scenario/storage.ts';
import { EngineLimitError } from '../../src/sim/engine.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { small } from '../fixtures/small.ts';

/**
 * Fuzzing (issue 7): random and mutated scenarios through parse and a short run; random bytes
 * through the JSON, URL and autosave decoders. Nothing may throw except a guard's
 * EngineLimitError; every metric must be a finite, non-negative number; cases are conserved.
 * Counts are printed so the issue note can report them.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a leaf of `v`. */
function leaves(v: Json, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [path];
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(root);
  let node: any = copy;
  for (const p of path.slice(0, -1)) node = node[p];
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

const base = small as unknown as Json;
const paths = leaves(base);

/** A mutation: a leaf replaced by a scaled number, an odd value, or deleted; or an extra key. */
const mutation = fc.oneof(
  // Mostly plausible changes (a number scaled), so that many scenarios reach the engine.
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('scale' as const), at: fc.nat(paths.length - 1), factor: fc.double({ min: 0, max: 20, noNaN: true }) }),
  },
  fc.record({
    kind: fc.constant('odd' as const),
    at: fc.nat(paths.length - 1),
    value: fc.oneof(
      fc.constant<Json>(null),
      fc.constant<Json>(-1),
      fc.constant<Json>(1e12),
      fc.constant<Json>('13%'),
      fc.constant<Json>(true),
      fc.constant<Json>([]),
      fc.constant<Json>({}),
      fc.double({ noNaN: false }).map((d) => d as Json),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(paths.length - 1) }),
  fc.record({ kind: fc.constant('extra' as const), key: fc.string({ maxLength: 8 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(ms: Mutation[]): Json {
  let s = base;
  for (const m of ms) {
    const ps = leaves(s);
    if (!ps.length) break;
    if (m.kind === 'extra') s = { ...(s as object), [`x${m.key}`]: 1 } as Json;
    else {
      const at = ps[m.at % ps.length]!;
      if (m.kind === 'delete') s = setAt(s, at, undefined);
      else if (m.kind === 'odd') s = setAt(s, at, m.value);
      else {
        let node: any = s;
        for (const p of at) node = node?.[p];
        if (typeof node === 'number') s = setAt(s, at, Number.isInteger(node) ? Math.round(node * m.factor) : node * m.factor);
      }
    }
  }
  return s;
}

const counts = { parsed: 0, rejected: 0, ran: 0, stoppedByGuard: 0, bytes: 0, urls: 0 };

describe('fuzzing scenarios through parse and a short run', () => {
  it('mutated scenarios are parsed or rejected with named problems; those parsed run cleanly', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (ms, seed) => {
        const parsed = parseScenario(mutate(ms));
        if (!parsed.ok) {
          counts.rejected++;
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const p of parsed.problems) {
            expect(typeof p.path).toBe('string');
            expect(p.message.length).toBeGreaterThan(3);
          }
          return;
        }
        counts.parsed++;
        const opened = new Set<number>();
        let closed = 0;
        try {
          const r = runReplication(parsed.value, {
            days: 14,
            warmupDays: 0,
            seed,
            rep: 0,
            start: 'empty', // the warm start is fuzzed below, on fewer scenarios (each builds a template)
            maxEvents: 150_000,
            onRecord: (rec: SimRecord) => {
              if (rec.kind === 'contact') opened.add(rec.caseId);
              if (rec.kind === 'closed') {
                expect(opened.has(rec.caseId)).toBe(true);
                closed++;
              }
            },
          });
          counts.ran++;
          for (const n of METRIC_NAMES) {
            expect(Number.isFinite(r.metrics[n]), n).toBe(true);
            expect(r.metrics[n], n).toBeGreaterThanOrEqual(0);
          }
          expect(closed).toBeLessThanOrEqual(opened.size);
        } catch (e) {
          if (!(e instanceof EngineLimitError)) throw e;
          counts.stoppedByGuard++;
        }
      }),
      { numRuns: 1500, seed: 20261126 },
    );
    expect(counts.parsed + counts.rejected).toBe(1500);
    expect(counts.parsed).toBeGreaterThan(100); // the fuzzer must reach the engine, not only the parser
  }, 240_000);

  it('mutated scenarios also run cleanly from a warm start, or stop at a guard with a reason', () => {
    let ran = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 2 }), fc.integer({ min: 0, max: 1000 }), (ms, seed) => {
        // A tenth of the demand, so each scenario's years-long warm-start template stays cheap.
        const raw = mutate(ms) as { demand?: { sources?: { contactsPerMonth?: unknown }[] } };
        for (const src of Array.isArray(raw?.demand?.sources) ? raw.demand.sources : []) {
          if (typeof src?.contactsPerMonth === 'number') src.contactsPerMonth /= 10;
        }
        const parsed = parseScenario(raw);
        if (!parsed.ok) return;
        try {
          const r = runReplication(parsed.value, { days: 14, warmupDays: 7, seed, rep: 0, maxEvents: 400_000 });
          ran++;
          for (const n of METRIC_NAMES) expect(Number.isFinite(r.metrics[n]) && r.metrics[n] >= 0, n).toBe(true);
        } catch (e) {
          if (!(e instanceof EngineLimitError)) throw e;
          expect(e.message).toMatch(/stopped/);
        }
      }),
      { numRuns: 10, seed: 20261202 },
    );
    expect(ran).toBeGreaterThan(0);
  }, 240_000);

  it('random text as a scenario file is rejected with a message, never an exception', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.uint8Array({ maxLength: 400 }).map((b) => new TextDecoder().decode(b)),
        ),
        (text) => {
          counts.bytes++;
          const r = parseScenarioJson(text);
          expect(r.ok).toBe(false);
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('random URL fragments and autosaves decode to a scenario or to problems, never an exception', () => {
    const valid = parseScenario(small);
    if (!valid.ok) throw new Error('fixture');
    const good = encodeScenario(valid.value);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `v1.${s}`),
          fc.nat(good.length - 1).map((i) => good.slice(0, i)), // truncated links
          fc.tuple(fc.nat(good.length - 1), fc.string({ minLength: 1, maxLength: 1 })).map(([i, c]) => good.slice(0, i) + c + good.slice(i + 1)), // one character changed
        ),
        (fragment) => {
          counts.urls++;
          const r = decodeScenario(fragment);
          expect(typeof r.ok).toBe('boolean');
          const store = new Map<string, string>([[AUTOSAVE_KEY, fragment]]);
          loadAutosave({ getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v), removeItem: (k) => void store.delete(k) });
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
    expect(decodeScenario(good).ok).toBe(true);
  });

  it('reports how many cases ran', () => {
    console.log(
      `fuzz: ${counts.parsed + counts.rejected} mutated scenarios (${counts.parsed} parsed, ${counts.rejected} rejected with problems), ${counts.ran} short runs, ${counts.stoppedByGuard} stopped by a guard; ${counts.bytes} random texts; ${counts.urls} URL fragments and autosaves`,
    );
    expect(counts.ran + counts.stoppedByGuard).toBe(counts.parsed);
  });
});
