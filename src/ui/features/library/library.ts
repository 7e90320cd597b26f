import { jsonDepth, stripBom } from '../../../scenario/inputBounds.ts';
import type { LibraryBackend } from './backend.ts';
import { Entry, entryName, newEntry, newId, readEntry, withVersion, type Quarantined, type ReadEntry } from './records.ts';

/**
 * The scenario library: every scenario the user makes or opens, each with its history. Saves
 * are optimistic: a tab saves over the revision it last saw, and when another tab has saved
 * since, nothing is overwritten (the caller keeps this tab's draft as a copy). A record that
 * cannot be read is moved aside to the quarantine, never rewritten. Storage failures come back
 * as values with what to do, never as exceptions.
 */

/** Deleted entries are kept (undo, and recovery) this long before they are removed (ms). */
export const DELETED_KEEP_MS = 30 * 24 * 3600_000;

/** A failed storage operation in words the user can act on. */
export interface StorageFailure {
  kind: 'quota' | 'other';
  message: string;
}

/** Turns a browser storage error into a failure with what to do. */
export function describeStorageError(e: unknown): StorageFailure {
  const name = (e as { name?: string } | null)?.name ?? '';
  const detail = (e as Error | null)?.message ?? String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return { kind: 'quota', message: 'this browser’s storage for Front Door is full' };
  }
  return { kind: 'other', message: `this browser refused to save (${name ? `${name}: ` : ''}${detail})` };
}

/** How a save ended. */
export type SaveOutcome =
  | { kind: 'saved'; entry: Entry }
  /** Another tab saved (or deleted) the entry since this tab last saw it; nothing was written. */
  | { kind: 'conflict'; current: Entry | null }
  | { kind: 'failed'; failure: StorageFailure };

/** What loading found: readable entries (newest first) and the quarantine, with what was moved there now. */
export interface Loaded {
  entries: ReadEntry[];
  quarantined: Quarantined[];
  newlyQuarantined: Quarantined[];
  /** Entries deleted more than `DELETED_KEEP_MS` ago, removed by this load. */
  purged: number;
}

export class Library {
  /**
   * @param backend where records live
   * @param tab this tab's random id, written into each version
   * @param now the clock (ms), injectable for tests
   */
  constructor(
    readonly backend: LibraryBackend,
    readonly tab: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Reads every record; an unreadable one is moved to the quarantine as found; old deletions are removed. */
  async load(): Promise<Loaded> {
    const raws = await this.backend.getAll('entries');
    const entries: ReadEntry[] = [];
    const newlyQuarantined: Quarantined[] = [];
    let purged = 0;
    for (const { key, value } of raws) {
      let read: ReturnType<typeof readEntry>;
      try {
        read = readEntry(value);
      } catch (e) {
        read = { ok: false, reason: `could not be checked (${(e as Error).message})` };
      }
      if (read.ok && read.value.entry.id === key) {
        const d = read.value.entry.deletedAt;
        if (d !== null && this.now() - d > DELETED_KEEP_MS) {
          await this.backend.delete('entries', key).catch(() => undefined);
          purged++;
        } else entries.push(read.value);
        continue;
      }
      const q: Quarantined = {
        id: newId(),
        foundAt: this.now(),
        source: `library entry ${key}`,
        reason: read.ok ? 'its id does not match where it is stored' : read.reason,
        raw: value,
      };
      // If the move fails (storage full), the record stays where it is, untouched.
      try {
        await this.backend.quarantine(key, q.id, q);
        newlyQuarantined.push(q);
      } catch {
        newlyQuarantined.push(q);
      }
    }
    entries.sort((a, b) => b.entry.updatedAt - a.entry.updatedAt);
    const quarantined = (await this.backend.getAll('quarantine')).map(({ key, value }) => asQuarantined(key, value));
    return { entries, quarantined, newlyQuarantined, purged };
  }

  /** Adds a new entry holding `scenario` (a valid scenario or an editable draft). */
  async create(
    scenario: unknown,
    valid: boolean,
    origin: string,
    label: string | null = null,
  ): Promise<{ ok: true; entry: Entry } | { ok: false; failure: StorageFailure }> {
    const entry = newEntry(scenario, valid, origin, this.tab, this.now(), label);
    try {
      await this.backend.put('entries', entry.id, entry);
      return { ok: true, entry };
    } catch (e) {
      return { ok: false, failure: describeStorageError(e) };
    }
  }

  /** Saves a draft as the entry's newest version, only over `baseRevision` (see `SaveOutcome`). */
  async save(id: string, scenario: unknown, valid: boolean, baseRevision: number): Promise<SaveOutcome> {
    try {
      return await this.backend.update<SaveOutcome>('entries', id, (current) => {
        const parsed = Entry.safeParse(current);
        if (!parsed.success) return { result: { kind: 'conflict', current: null } };
        const entry = parsed.data;
        if (entry.revision !== baseRevision || entry.deletedAt !== null) return { result: { kind: 'conflict', current: entry } };
        const next = withVersion(entry, scenario, valid, this.tab, this.now());
        return { write: next, result: { kind: 'saved', entry: next } };
      });
    } catch (e) {
      return { kind: 'failed', failure: describeStorageError(e) };
    }
  }

  /** Applies a change to one readable entry (rename, delete, restore); null when it is gone or unreadable. */
  private async change(id: string, f: (e: Entry) => Entry): Promise<Entry | null> {
    return this.backend.update<Entry | null>('entries', id, (current) => {
      const parsed = Entry.safeParse(current);
      if (!parsed.success) return { result: null };
      const next = { ...f(parsed.data), revision: parsed.data.revision + 1 };
      return { write: next, result: next };
    });
  }

  /** Gives an entry a name of the user's choosing (blank: back to the scenario's own name). */
  rename(id: string, label: string): Promise<Entry | null> {
    const clean = label.trim().slice(0, 200);
    return this.change(id, (e) => ({ ...e, label: clean || null }));
  }

  /** Marks an entry deleted (kept for `DELETED_KEEP_MS`, so it can be undone). */
  delete(id: string): Promise<Entry | null> {
    const at = this.now();
    return this.change(id, (e) => ({ ...e, deletedAt: at }));
  }

  /** Undoes a delete. */
  restore(id: string): Promise<Entry | null> {
    return this.change(id, (e) => ({ ...e, deletedAt: null }));
  }

  /** Copies an entry (its newest version, history left behind) as a new entry named “… (copy)”. */
  async duplicate(source: ReadEntry): Promise<{ ok: true; entry: Entry } | { ok: false; failure: StorageFailure }> {
    return this.create(
      source.draft,
      source.entry.versions[source.entry.versions.length - 1]!.valid,
      `a copy of “${entryName(source)}”`,
      `${entryName(source)} (copy)`,
    );
  }

  /** Removes a quarantined record for good (the caller keeps it for undo). */
  forgetQuarantined(id: string): Promise<void> {
    return this.backend.delete('quarantine', id);
  }

  /** Puts a quarantined record back (undo of `forgetQuarantined`). */
  keepQuarantined(q: Quarantined): Promise<void> {
    return this.backend.put('quarantine', q.id, q);
  }

  /** Adds a record to the quarantine directly (an unreadable autosave from an earlier version). */
  async quarantineRaw(source: string, reason: string, raw: unknown): Promise<Quarantined> {
    const q: Quarantined = { id: newId(), foundAt: this.now(), source, reason, raw };
    await this.backend.put('quarantine', q.id, q);
    return q;
  }

  /** Everything in the library as one JSON document (entries with their history, deleted ones and the quarantine too). */
  async exportAll(): Promise<string> {
    const entries = (await this.backend.getAll('entries')).map((r) => r.value);
    const quarantine = (await this.backend.getAll('quarantine')).map((r) => r.value);
    return (
      JSON.stringify({ format: 'front-door-library-export', version: 1, exportedAt: new Date(this.now()).toISOString(), entries, quarantine }, null, 2) + '\n'
    );
  }
}

/** Largest export file read back (characters): an export holds every entry with its history. */
export const MAX_EXPORT_CHARS = 200 * 1024 * 1024;

/** What an import did, for the message to the user. */
export interface ImportSummary {
  added: number;
  alreadyHere: number;
  quarantined: number;
}

/**
 * Reads an export (`exportAll`) back into this library: entries keep their ids, so importing
 * the same file twice adds nothing; an entry that cannot be read goes to the quarantine as
 * found. Refuses, with the reason, text that is not an export or is too large or too deep.
 */
export async function importExport(library: Library, text: string): Promise<{ ok: true; summary: ImportSummary } | { ok: false; message: string }> {
  const body = stripBom(text);
  if (body.length > MAX_EXPORT_CHARS)
    return { ok: false, message: `the file is ${body.length.toLocaleString('en-GB')} characters, more than an export of this size could hold` };
  if (jsonDepth(body, 64) > 64) return { ok: false, message: 'the file nests more than 64 levels deep, so it is not an export of Front Door scenarios' };
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, message: `the file is not valid JSON (${(e as Error).message})` };
  }
  const doc = data as { format?: unknown; entries?: unknown; quarantine?: unknown } | null;
  if (!doc || doc.format !== 'front-door-library-export' || !Array.isArray(doc.entries)) {
    return { ok: false, message: 'the file is not an export of My scenarios (to open a single scenario file, use “Open a file” in Explore)' };
  }
  const existing = new Set((await library.backend.getAll('entries')).map((r) => r.key));
  const summary: ImportSummary = { added: 0, alreadyHere: 0, quarantined: 0 };
  try {
    for (const raw of doc.entries) {
      const read = readEntry(raw);
      if (!read.ok) {
        await library.quarantineRaw('an imported export', read.reason, raw);
        summary.quarantined++;
      } else if (existing.has(read.value.entry.id)) summary.alreadyHere++;
      else {
        await library.backend.put('entries', read.value.entry.id, read.value.entry);
        existing.add(read.value.entry.id);
        summary.added++;
      }
    }
    for (const raw of Array.isArray(doc.quarantine) ? doc.quarantine : []) {
      await library.quarantineRaw('a record kept aside in an imported export', 'it could not be read where it was exported from', raw);
      summary.quarantined++;
    }
  } catch (e) {
    const f = describeStorageError(e);
    return { ok: false, message: `${f.message}; ${summary.added} scenarios were imported before it stopped` };
  }
  return { ok: true, summary };
}

/** A quarantine record as stored; one not in the expected shape is still shown (and downloadable). */
function asQuarantined(key: string, value: unknown): Quarantined {
  const v = value as Partial<Quarantined> | null;
  if (v && typeof v === 'object' && typeof v.source === 'string' && typeof v.reason === 'string' && typeof v.foundAt === 'number') {
    return { id: key, foundAt: v.foundAt, source: v.source, reason: v.reason, raw: v.raw };
  }
  return { id: key, foundAt: 0, source: 'unknown', reason: 'kept aside as found', raw: value };
}

/** The text of a quarantined record for download: JSON where it can be, else the text itself. */
export function quarantinedText(q: Quarantined): string {
  if (typeof q.raw === 'string') return q.raw;
  try {
    return JSON.stringify(q.raw, null, 2) ?? String(q.raw);
  } catch {
    return String(q.raw);
  }
}
