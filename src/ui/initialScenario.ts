import type { Problem } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { AUTOSAVE_KEY, loadAutosave, type KeyValueStore } from '../scenario/storage.ts';
import { rescueUnsavedEdits } from './features/library/rescue.ts';
import { decodeScenario, isScenarioFragment } from '../scenario/urlCodec.ts';
import type { Library, Loaded } from './features/library/library.ts';
import { openedBesideNotice, quarantineNotice, storageFailureNotice, withNotice, type LibraryNotice } from './features/library/notices.ts';
import { readEntry, type ReadEntry } from './features/library/records.ts';

/** A message to show on opening, about where the scenario came from or what could not be read. */
export interface OpeningNotice {
  kind: 'error' | 'info';
  title: string;
  problems: Problem[];
}

/** Key (in sessionStorage) of the library entry this tab had open, so a reload reopens it. */
export const TAB_ENTRY_KEY = 'front-door.tab-entry';

/** How the workspace opens: the scenario, where it came from, and the library entry it is saved in. */
export interface Opening {
  scenario: Scenario;
  origin: string;
  notice: OpeningNotice | null;
  library: {
    library: Library;
    /** The entry the opening scenario is saved in (null when saving failed: the first edit tries again). */
    entryId: string | null;
    revision: number;
    loaded: Loaded;
    notices: LibraryNotice[];
  };
}

const sameDraft = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Which scenario to open with, never at the cost of saved work: a scenario in the link is
 * opened as its own library entry (or the entry already holding it), beside the others; else
 * the entry this tab had open; else the most recently saved entry; else the default preset.
 * An unreadable record, and an unreadable autosave from before the library, are quarantined
 * for download. Storage failures become notices; the opening scenario is shown regardless.
 */
export async function openInitialScenario(opts: {
  hash: string;
  library: Library;
  /** Where earlier versions autosaved (localStorage); read once, moved into the library, then cleared. */
  legacy: KeyValueStore | null;
  /** This tab's session storage (remembers its entry across reloads). */
  session: KeyValueStore | null;
  presets: readonly Scenario[];
  defaultId: string;
}): Promise<Opening> {
  const { library } = opts;
  const fallback = opts.presets.find((p) => p.id === opts.defaultId) ?? opts.presets[0];
  if (!fallback) throw new Error('no preset scenarios to start from');
  let notices: LibraryNotice[] = [];
  let loaded: Loaded;
  try {
    loaded = await library.load();
  } catch (e) {
    loaded = { entries: [], quarantined: [], newlyQuarantined: [], purged: 0 };
    notices = withNotice(notices, storageFailureNotice({ kind: 'other', message: `the saved scenarios could not be listed: ${(e as Error).message}` }, null));
  }
  await migrateLegacyAutosave(opts.legacy, library, loaded);
  // An edit whose page closed before the library had it is put there first (library/rescue.ts).
  const rescued = await rescueUnsavedEdits(opts.legacy, library, loaded, Date.now());
  if (loaded.newlyQuarantined.length) notices = withNotice(notices, quarantineNotice(loaded.newlyQuarantined));

  const live = loaded.entries.filter((e) => e.entry.deletedAt === null);
  const opened = (e: ReadEntry, origin: string, notice: OpeningNotice | null): Opening => {
    remember(opts.session, e.entry.id);
    return { scenario: e.draft, origin, notice, library: { library, entryId: e.entry.id, revision: e.entry.revision, loaded, notices } };
  };
  const added = async (scenario: Scenario, origin: string, notice: OpeningNotice | null): Promise<Opening> => {
    const made = await library.create(scenario, true, origin);
    if (!made.ok) {
      notices = withNotice(notices, storageFailureNotice(made.failure, null));
      return { scenario, origin, notice, library: { library, entryId: null, revision: 0, loaded, notices } };
    }
    const read = readEntry(made.entry);
    if (read.ok) loaded.entries.unshift(read.value);
    return opened(read.ok ? read.value : ({ entry: made.entry, draft: scenario, valid: true } as ReadEntry), origin, notice);
  };

  let notice: OpeningNotice | null = null;
  if (isScenarioFragment(opts.hash)) {
    const fromLink = decodeScenario(opts.hash);
    if (fromLink.ok) {
      const title = `Opened “${fromLink.value.name}” from the link.`;
      const same = live.find((e) => sameDraft(e.draft, fromLink.value));
      if (same) return opened(same, 'link', { kind: 'info', title, problems: [] });
      const previous = live.find((e) => e.entry.id === recall(opts.session)) ?? live[0] ?? null;
      if (live.length) notices = withNotice(notices, openedBesideNotice(fromLink.value.name, previous));
      return added(fromLink.value, 'link', { kind: 'info', title, problems: [] });
    }
    notice = {
      kind: 'error',
      title: 'The scenario in this link could not be used, so your last saved scenario is shown instead.',
      problems: fromLink.problems,
    };
  }
  const mine = live.find((e) => e.entry.id === (rescued[0] ?? recall(opts.session))) ?? live.find((e) => e.entry.id === recall(opts.session)) ?? live[0];
  if (mine) return opened(mine, 'autosave', notice);
  return added(fallback, `preset ${fallback.id}`, notice);
}

/** Moves the single autosave of earlier versions into the library (quarantined if unreadable); clears it only once kept. */
async function migrateLegacyAutosave(legacy: KeyValueStore | null, library: Library, loaded: Loaded): Promise<void> {
  let text: string | null = null;
  try {
    text = legacy?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return;
  }
  if (text === null || !legacy) return;
  const parsed = loadAutosave({ getItem: () => text, setItem: () => undefined, removeItem: () => undefined });
  try {
    if (parsed?.ok) {
      const made = await library.create(parsed.value, true, 'saved in this browser by an earlier version');
      if (!made.ok) return;
      const read = readEntry(made.entry);
      if (read.ok) loaded.entries.unshift(read.value);
    } else {
      const reason = parsed && !parsed.ok ? parsed.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`).join('; ') : 'unreadable';
      const q = await library.quarantineRaw('autosave of an earlier version of Front Door', reason, text);
      loaded.quarantined.push(q);
      loaded.newlyQuarantined.push(q);
    }
    legacy.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage refused: the old autosave stays where it is, untouched, for the next visit.
  }
}

/** Remembers which entry this tab has open (sessionStorage survives a reload, not a new tab). */
export function remember(session: KeyValueStore | null, id: string): void {
  try {
    session?.setItem(TAB_ENTRY_KEY, id);
  } catch {
    // no session storage: a reload opens the most recent entry instead
  }
}

function recall(session: KeyValueStore | null): string | null {
  try {
    return session?.getItem(TAB_ENTRY_KEY) ?? null;
  } catch {
    return null;
  }
}
