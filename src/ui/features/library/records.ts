import { z } from 'zod';
import { migrateScenario, parseScenario, problemsOf, type Problem } from '../../../scenario/parse.ts';
import { Scenario } from '../../../scenario/schema.ts';

/**
 * What the scenario library stores, checked with zod whenever it is read back (storage is
 * input like any other: another tab, an older version or a bug may have written it). Entries
 * are keyed by the library's own ids, never by scenario id, so two scenarios with one id (a
 * preset and an edit of it) are two entries.
 */

/** Versions kept per entry; older ones are dropped, oldest first. */
export const MAX_VERSIONS = 40;

/** Saves from one tab within this long of the last version replace it rather than add one (ms). */
export const VERSION_COALESCE_MS = 2 * 60_000;

/** Record format written by this version of the app. */
export const ENTRY_FORMAT = 'front-door-library-entry';

/** One saved state of a scenario: the raw draft, whether it passed every rule, and when. */
export const Version = z.strictObject({
  savedAt: z.number().finite(),
  /** The tab that wrote it (random per tab), so one tab's quick saves coalesce. */
  tab: z.string().max(100),
  /** True when the draft parsed as a scenario; false for a draft breaking a cross-field rule. */
  valid: z.boolean(),
  scenario: z.unknown(),
});
export type Version = z.infer<typeof Version>;

/** One scenario in the library, with its history (oldest first, newest last). */
export const Entry = z.strictObject({
  format: z.literal(ENTRY_FORMAT),
  id: z.string().min(1).max(100),
  /** A name the user gave the entry; null shows the scenario's own name. */
  label: z.string().max(200).nullable(),
  origin: z.string().max(500),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
  /** Increases with every save; a tab saves only over the revision it last saw. */
  revision: z.number().int().min(0),
  deletedAt: z.number().finite().nullable(),
  versions: z.array(Version).min(1).max(1000),
});
export type Entry = z.infer<typeof Entry>;

/** A record that could not be read, kept aside exactly as found, for download. */
export const Quarantined = z.strictObject({
  id: z.string().min(1),
  foundAt: z.number(),
  /** Where it came from ("library entry …", "autosave of an earlier version"). */
  source: z.string(),
  reason: z.string(),
  raw: z.unknown(),
});
export type Quarantined = z.infer<typeof Quarantined>;

/**
 * A draft the editor can open: either a valid scenario, or one whose only problems are
 * cross-field rules (every field passed its own schema, as the editor's controls ensure).
 */
export type Draft = { ok: true; draft: Scenario; valid: boolean; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Checks a stored draft: valid, an editable draft breaking only cross-field rules, or unreadable. */
export function readDraft(raw: unknown): Draft {
  let parsed: ReturnType<typeof parseScenario>;
  try {
    parsed = parseScenario(raw);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `could not be checked (${(e as Error).message})` }] };
  }
  if (parsed.ok) return { ok: true, draft: parsed.value, valid: true, problems: [] };
  const result = Scenario.safeParse(migrateScenario(raw));
  if (!result.success && result.error.issues.every((i) => i.code === 'custom')) {
    return { ok: true, draft: raw as Scenario, valid: false, problems: problemsOf(result.error) };
  }
  return { ok: false, problems: parsed.problems };
}

/** An entry read back: the newest version is an openable draft. */
export interface ReadEntry {
  entry: Entry;
  draft: Scenario;
  valid: boolean;
}

/** Reads a stored record: a usable entry, or the reason it must be quarantined. */
export function readEntry(raw: unknown): { ok: true; value: ReadEntry } | { ok: false; reason: string } {
  const env = Entry.safeParse(raw);
  if (!env.success)
    return {
      ok: false,
      reason: `not a library entry this version can read (${env.error.issues[0]?.path.join('.') || 'whole record'}: ${env.error.issues[0]?.message})`,
    };
  const head = env.data.versions[env.data.versions.length - 1]!;
  const draft = readDraft(head.scenario);
  if (!draft.ok)
    return { ok: false, reason: `its latest version is not a scenario (${draft.problems[0]?.path || 'whole scenario'}: ${draft.problems[0]?.message})` };
  return { ok: true, value: { entry: env.data, draft: draft.draft, valid: draft.valid } };
}

/** The name shown for an entry: the user's label, else the scenario's name. */
export function entryName(e: ReadEntry): string {
  const n = e.entry.label ?? (e.draft as { name?: unknown }).name;
  return typeof n === 'string' && n.trim() ? n : 'Untitled scenario';
}

/** A new random id for an entry or a tab. */
export function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A new entry holding one version. */
export function newEntry(scenario: unknown, valid: boolean, origin: string, tab: string, now: number, label: string | null = null): Entry {
  return {
    format: ENTRY_FORMAT,
    id: newId(),
    label,
    origin,
    createdAt: now,
    updatedAt: now,
    revision: 1,
    deletedAt: null,
    versions: [{ savedAt: now, tab, valid, scenario }],
  };
}

/**
 * The entry after saving a draft: replaces the newest version when this tab wrote it moments
 * ago (so typing does not flood the history), otherwise adds a version; keeps the first version
 * and the newest `MAX_VERSIONS - 1`.
 */
export function withVersion(entry: Entry, scenario: unknown, valid: boolean, tab: string, now: number): Entry {
  const head = entry.versions[entry.versions.length - 1]!;
  // The first version (the scenario as opened) is always kept, so an edit can be compared with it or undone.
  const coalesce = entry.versions.length > 1 && head.tab === tab && now - head.savedAt < VERSION_COALESCE_MS && head.valid === valid;
  const kept = coalesce ? entry.versions.slice(0, -1) : entry.versions;
  const all = [...kept, { savedAt: now, tab, valid, scenario }];
  const versions = all.length > MAX_VERSIONS ? [all[0]!, ...all.slice(-(MAX_VERSIONS - 1))] : all;
  return { ...entry, versions, updatedAt: now, revision: entry.revision + 1 };
}
