import type { z } from 'zod';
import { problemsOf } from '../../scenario/parse.ts';
import { Scenario } from '../../scenario/schema.ts';

/**
 * Reads the scenario schema to build controls: for a path such as `dutyTeams.3.threshold` it
 * finds the field's zod schema, its `.describe()` text (the label), its kind and bounds. The
 * schema stays the single source of truth; nothing here restates a limit.
 */

/** A path into a scenario: object keys and array indexes. */
export type FieldPath = readonly (string | number)[];

interface Common {
  path: FieldPath;
  /** The schema's `.describe()` text: used as the control's label. */
  description: string;
  /** The field's own schema (validates a value typed at the control). */
  schema: z.ZodType;
}
export type FieldSpec =
  | (Common & { kind: 'number'; integer: boolean; min: number; max: number })
  | (Common & { kind: 'boolean' })
  | (Common & { kind: 'enum'; options: readonly string[] })
  | (Common & { kind: 'string' })
  | (Common & { kind: 'integerList'; min: number; max: number });

type AnySchema = z.ZodType & { def: { type: string; innerType?: z.ZodType; element?: z.ZodType }; description?: string };

function unwrap(schema: AnySchema): { inner: AnySchema; description: string } {
  let s = schema;
  let description = s.description ?? '';
  while (s.def.type === 'default' || s.def.type === 'prefault' || s.def.type === 'optional' || s.def.type === 'nullable') {
    s = s.def.innerType as AnySchema;
    if (!description) description = s.description ?? '';
  }
  return { inner: s, description: description || (s.description ?? '') };
}

/** The schema at `path` inside the scenario schema; throws if the path does not exist. */
export function schemaAt(path: FieldPath): { inner: AnySchema; description: string; outer: AnySchema } {
  let outer = Scenario as unknown as AnySchema;
  let { inner, description } = unwrap(outer);
  for (const key of path) {
    if (inner.def.type === 'object' && typeof key === 'string') {
      const shape = (inner as unknown as { shape: Record<string, AnySchema> }).shape;
      const next = shape[key];
      if (!next) throw new Error(`no field "${key}" in the scenario schema at ${path.join('.')}`);
      outer = next;
    } else if (inner.def.type === 'array' && typeof key === 'number') {
      outer = inner.def.element as AnySchema;
    } else {
      throw new Error(`cannot step into "${String(key)}" at ${path.join('.')}`);
    }
    ({ inner, description } = unwrap(outer));
  }
  return { inner, description, outer };
}

/** Describes the control for the field at `path`. */
export function fieldSpec(path: FieldPath): FieldSpec {
  const { inner, description, outer } = schemaAt(path);
  const common = { path, description, schema: outer };
  switch (inner.def.type) {
    case 'number': {
      const n = inner as unknown as z.ZodNumber;
      return { ...common, kind: 'number', integer: n.isInt, min: n.minValue ?? -Infinity, max: n.maxValue ?? Infinity };
    }
    case 'boolean':
      return { ...common, kind: 'boolean' };
    case 'enum':
      return { ...common, kind: 'enum', options: (inner as unknown as z.ZodEnum).options as string[] };
    case 'string':
      return { ...common, kind: 'string' };
    case 'array': {
      const el = unwrap(inner.def.element as AnySchema).inner as unknown as z.ZodNumber;
      if (el.def.type === 'number') return { ...common, kind: 'integerList', min: el.minValue ?? 0, max: el.maxValue ?? Infinity };
      break;
    }
  }
  throw new Error(`no control for a ${inner.def.type} field at ${path.join('.')}`);
}

/** The keys of the object schema at `path`, in schema order. */
export function objectKeysAt(path: FieldPath): string[] {
  const { inner } = schemaAt(path);
  if (inner.def.type !== 'object') throw new Error(`${path.join('.')} is not an object`);
  return Object.keys((inner as unknown as { shape: Record<string, unknown> }).shape);
}

/** Checks a value typed at a control against the field's schema: the value, or the schema's message. */
export function validateField(spec: FieldSpec, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = spec.schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    message: problemsOf(result.error)
      .map((p) => p.message)
      .join('; '),
  };
}

/** Parses the text of a number box: a number, or a message for text that is not one. */
export function parseNumberText(text: string): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { ok: false, message: 'Enter a number' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” is not a number` };
  return { ok: true, value };
}

/**
 * The range a slider offers: the schema's bounds when they are practical, otherwise up to three
 * times the current value (the number box still accepts anything the schema allows).
 */
export function sliderRange(spec: Extract<FieldSpec, { kind: 'number' }>, value: number): { min: number; max: number; step: number } {
  const min = Number.isFinite(spec.min) ? spec.min : Math.min(0, value);
  let max = spec.max;
  if (!Number.isFinite(max) || max > 200) max = Math.min(Number.isFinite(spec.max) ? spec.max : Infinity, niceCeil(Math.max(10, Math.abs(value) * 3)));
  const span = max - min;
  const step = spec.integer ? 1 : span <= 1 ? 0.01 : span <= 10 ? 0.1 : span <= 200 ? 0.5 : niceCeil(span / 200);
  return { min, max, step };
}

/** The smallest 1, 2 or 5 × 10^k at or above x (x > 0). */
export function niceCeil(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** Reads the value at `path` in a plain object tree. */
export function getIn(obj: unknown, path: FieldPath): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** Returns a copy of `obj` with `value` at `path` (copies only the objects along the path). */
export function setIn<T>(obj: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const src = (obj ?? (typeof key === 'number' ? [] : {})) as Record<string | number, unknown>;
  const copy = (Array.isArray(src) ? [...src] : { ...src }) as Record<string | number, unknown>;
  copy[key] = setIn(src[key], rest, value);
  return copy as T;
}
