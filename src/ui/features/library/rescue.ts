import { z } from 'zod';
import type { KeyValueStore } from '../../../scenario/storage.ts';
import type { Library, Loaded } from './library.ts';
import { readEntry, type Entry } from './records.ts';

/**
 * The last edit's safety copy. The library saves a draft a moment after the last change
 * (SAVE_DELAY_MS) into IndexedDB, which is asynchronous: a reload or a closed tab in that moment
 * lost the edit (a write started as the page goes away may never finish). So every draft not yet
 * saved is also written at once, synchronously, to localStorage under this tab's id, and cleared
 * when the library has it. When the page goes away with a copy still there, the copy is marked
 * `closing`; the next page to open puts it into the library before choosing what to show
 * (`rescueUnsavedEdits`, from initialScenario.ts), so the edit is there after the reload.
 *
 * Only copies marked `closing` (their page went away) or older than STALE_MS (their page died
 * without a word) are taken: a copy of another tab still open and mid-edit is left to that tab.
 * Read back through zod: the slot is shared with other tabs and may hold anything.
 */

export const RESCUE_KEY = 'front-door.unsaved-edits.v1';
/** A copy this old is taken even unmarked: its tab would have saved it long since. */
export const STALE_MS = 60_000;

const Rescue = z.object({
  /** The library entry the draft belongs to (null: none yet). */
  entryId: z.string().nullable(),
  /** The entry's revision the draft was edited from. */
  revision: z.number(),
  draft: z.unknown(),
  valid: z.boolean(),
  at: z.number(),
  closing: z.boolean(),
});
export type Rescue = z.infer<typeof Rescue>;
const Slot = z.record(z.string(), Rescue);

function readSlot(store: KeyValueStore): Record<string, Rescue> {
  try {
    const text = store.getItem(RESCUE_KEY);
    if (text === null) return {};
    const parsed = Slot.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function writeSlot(store: KeyValueStore, slot: Record<string, Rescue>): void {
  try {
    if (Object.keys(slot).length === 0) store.removeItem(RESCUE_KEY);
    else store.setItem(RESCUE_KEY, JSON.stringify(slot));
  } catch {
    // Storage full or blocked: the library's own save still runs; only the safety copy is missing.
  }
}

/** Keeps tab `tab`'s unsaved draft (replacing its earlier one). */
export function keepUnsaved(store: KeyValueStore | null, tab: string, r: Omit<Rescue, 'closing'>): void {
  if (!store) return;
  writeSlot(store, { ...readSlot(store), [tab]: { ...r, closing: false } });
}

/** The library holds tab `tab`'s draft `draft`: its copy goes (unless a newer draft replaced it). */
export function forgetUnsaved(store: KeyValueStore | null, tab: string, draft: unknown): void {
  if (!store) return;
  const slot = readSlot(store);
  const mine = slot[tab];
  if (!mine || JSON.stringify(mine.draft) !== JSON.stringify(draft)) return;
  delete slot[tab];
  writeSlot(store, slot);
}

/** Tab `tab`'s page is going away: its copy, if any, is left for the next page to take. */
export function markClosing(store: KeyValueStore | null, tab: string): void {
  if (!store) return;
  const slot = readSlot(store);
  const mine = slot[tab];
  if (!mine) return;
  slot[tab] = { ...mine, closing: true };
  writeSlot(store, slot);
}

const sameDraft = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Puts the drafts of pages that went away before their last edit was saved into the library:
 * over their entry when nobody saved it since, else as a copy beside it (never over another
 * tab's save), or as a new entry when it had none. Each copy is cleared once kept; one the
 * library refuses stays for the next visit. Returns the ids of the entries written, newest
 * edit first (so a reload shows the entry it was editing), and updates `loaded`.
 */
export async function rescueUnsavedEdits(store: KeyValueStore | null, library: Library, loaded: Loaded, now: number): Promise<string[]> {
  if (!store) return [];
  const slot = readSlot(store);
  const taken = Object.entries(slot)
    .filter(([, r]) => r.closing || now - r.at > STALE_MS)
    .sort(([, a], [, b]) => a.at - b.at);
  const written: string[] = [];
  for (const [tab, r] of taken) {
    const current = r.entryId === null ? undefined : loaded.entries.find((e) => e.entry.id === r.entryId);
    let id: string | null = null;
    if (current && sameDraft(current.draft, r.draft)) {
      id = current.entry.id; // the library's save finished after all
    } else {
      const saved =
        current && current.entry.revision === r.revision && current.entry.deletedAt === null
          ? await library.save(current.entry.id, r.draft, r.valid, r.revision)
          : null;
      if (saved?.kind === 'saved') {
        id = saved.entry.id;
        upsertLoaded(loaded, saved.entry);
      } else if (saved?.kind !== 'failed') {
        const made = await library.create(r.draft, r.valid, 'an edit kept when its page closed before it was saved');
        if (made.ok) {
          id = made.entry.id;
          upsertLoaded(loaded, made.entry);
        }
      }
    }
    if (id === null) continue; // refused: the copy stays for the next visit
    written.unshift(id);
    const left = readSlot(store);
    delete left[tab];
    writeSlot(store, left);
  }
  return written;
}

function upsertLoaded(loaded: Loaded, entry: Entry): void {
  const read = readEntry(entry);
  if (!read.ok) return;
  loaded.entries = [read.value, ...loaded.entries.filter((e) => e.entry.id !== entry.id)];
}
