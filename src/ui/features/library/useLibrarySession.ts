import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyValueStore } from '../../../scenario/storage.ts';
import { URL_BROWSER_MAX_LENGTH } from '../../../scenario/urlCodec.ts';
import { downloadText, safeFileName } from '../../lib/download.ts';
import { remember, type Opening } from '../../initialScenario.ts';
import type { ScenarioAction, ScenarioState } from '../controls/useScenarioStore.ts';
import { importExport, quarantinedText, type StorageFailure } from './library.ts';
import {
  conflictNotice,
  linkTooLongNotice,
  openedBesideNotice,
  otherTabNotice,
  quarantineNotice,
  storageFailureNotice,
  withNotice,
  type LibraryNotice,
  type NoticeAction,
} from './notices.ts';
import { entryName, readEntry, type Entry, type Quarantined, type ReadEntry } from './records.ts';
import { openTabChannel } from './tabs.ts';
import { forgetUnsaved, keepUnsaved, markClosing } from './rescue.ts';

/** Origin given to scenarios opened from the library (so they are not added to it again). */
export const LIBRARY_ORIGIN = 'library ';

/** How long after the last edit the draft is saved (ms). */
export const SAVE_DELAY_MS = 300;

const sameDraft = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const byNewest = (a: ReadEntry, b: ReadEntry) => b.entry.updatedAt - a.entry.updatedAt;

interface Props {
  start: Opening['library'];
  state: ScenarioState;
  /** True when the draft passed every rule. */
  valid: boolean;
  dispatch: (action: ScenarioAction) => void;
  /** Length of the scenario's link (null when it has none). */
  linkLength: number | null;
  session: KeyValueStore | null;
  /** Local storage for the safety copy of a draft not yet saved (rescue.ts). */
  local?: KeyValueStore | null;
  onShowLibrary: () => void;
}

/**
 * Keeps the scenario being edited in the library: saves every draft (valid or not) a moment
 * after the last change, adds a scenario opened from a file, preset or link as its own entry,
 * keeps this tab's edits as a copy when another tab saved the same entry, and turns storage
 * failures into notices with what to do. Returns the library's contents and its actions.
 */
export function useLibrarySession({ start, state, valid, dispatch, linkLength, session, local = null, onShowLibrary }: Props) {
  const { library } = start;
  const [entries, setEntries] = useState<ReadEntry[]>(start.loaded.entries);
  const [quarantined, setQuarantined] = useState<Quarantined[]>(start.loaded.quarantined);
  const [notices, setNotices] = useState<LibraryNotice[]>(start.notices);
  const [currentId, setCurrentId] = useState<string | null>(start.entryId);
  const cur = useRef({ id: start.entryId, revision: start.revision });
  const entriesRef = useRef(entries);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef<{ draft: unknown; valid: boolean } | null>(null);
  const lastSaved = useRef<unknown>(state.draft);
  const seenOpened = useRef(state.opened ?? 0);
  const draftRef = useRef(state.draft);
  const [linkNoticeDismissed, setLinkNoticeDismissed] = useState(false);
  // Callbacks run later (saves, messages from other tabs) read the latest list and draft.
  useLayoutEffect(() => {
    entriesRef.current = entries;
    draftRef.current = state.draft;
  });
  const removedQuarantine = useRef(new Map<string, Quarantined>());
  const channel = useRef<ReturnType<typeof openTabChannel>>(null);

  const notify = useCallback((n: LibraryNotice) => setNotices((l) => withNotice(l, n)), []);
  const drop = useCallback((key: string) => setNotices((l) => l.filter((n) => n.key !== key)), []);
  const enqueue = useCallback(
    (task: () => Promise<void>) => {
      queue.current = queue.current.then(task).catch((e: unknown) => notify(storageFailureNotice({ kind: 'other', message: (e as Error).message }, null)));
      return queue.current;
    },
    [notify],
  );
  const failed = useCallback(
    async (failure: StorageFailure) => {
      const usage = await navigator.storage?.estimate?.().catch(() => null);
      notify(storageFailureNotice(failure, usage ?? null));
    },
    [notify],
  );
  const upsert = useCallback((entry: Entry) => {
    const read = readEntry(entry);
    if (read.ok) setEntries((l) => [...l.filter((e) => e.entry.id !== entry.id), read.value].sort(byNewest));
  }, []);
  const setCurrent = useCallback(
    (id: string | null, revision: number) => {
      cur.current = { id, revision };
      setCurrentId(id);
      if (id) remember(session, id);
    },
    [session],
  );
  const refresh = useCallback(async () => {
    const l = await library.load();
    setEntries(l.entries);
    setQuarantined(l.quarantined);
    if (l.newlyQuarantined.length) notify(quarantineNotice(l.newlyQuarantined));
  }, [library, notify]);

  /** Saves one draft into the current entry (or a new one), never over another tab's save. */
  const saveNow = useCallback(
    async (snap: { draft: unknown; valid: boolean }) => {
      if (snap.draft === lastSaved.current) return;
      const c = cur.current;
      if (c.id === null) {
        const made = await library.create(snap.draft, snap.valid, 'edits');
        if (!made.ok) return failed(made.failure);
        setCurrent(made.entry.id, made.entry.revision);
        upsert(made.entry);
        lastSaved.current = snap.draft;
        forgetUnsaved(local, library.tab, snap.draft);
        drop('storage');
        return;
      }
      const out = await library.save(c.id, snap.draft, snap.valid, c.revision);
      if (out.kind === 'failed') return failed(out.failure);
      if (out.kind === 'saved') {
        cur.current = { id: c.id, revision: out.entry.revision };
        lastSaved.current = snap.draft;
        forgetUnsaved(local, library.tab, snap.draft);
        upsert(out.entry);
        drop('storage');
        channel.current?.post({ type: 'saved', entryId: c.id, tab: library.tab, revision: out.entry.revision });
        return;
      }
      // Another tab saved or deleted this entry since: keep this tab's draft as a copy beside it.
      const theirs = out.current ? readEntry(out.current) : null;
      const theirName = theirs?.ok ? entryName(theirs.value) : String((snap.draft as { name?: unknown }).name ?? 'the scenario');
      const copyName = `${theirName} (this tab’s copy)`;
      const made = await library.create(snap.draft, snap.valid, 'kept from this tab when another tab changed the same scenario', copyName);
      if (!made.ok) {
        setCurrent(null, 0);
        return failed(made.failure);
      }
      setCurrent(made.entry.id, made.entry.revision);
      lastSaved.current = snap.draft;
      forgetUnsaved(local, library.tab, snap.draft);
      drop('other-tab');
      notify(conflictNotice(theirName, copyName));
      await refresh();
      channel.current?.post({ type: 'changed', entryId: made.entry.id, tab: library.tab, revision: made.entry.revision });
    },
    [library, local, failed, setCurrent, upsert, drop, notify, refresh],
  );

  const flushPending = useCallback(() => {
    const snap = pending.current;
    pending.current = null;
    if (snap) void enqueue(() => saveNow(snap));
  }, [enqueue, saveNow]);

  /** A scenario opened from a file, preset or link: the entry already holding it, or a new one. */
  const openExternal = useCallback(
    async (snap: { draft: unknown; valid: boolean }, origin: string) => {
      const live = entriesRef.current.filter((e) => e.entry.deletedAt === null);
      const same = live.find((e) => sameDraft(e.draft, snap.draft));
      if (same) return setCurrent(same.entry.id, same.entry.revision);
      const previous = live.find((e) => e.entry.id === cur.current.id) ?? null;
      const made = await library.create(snap.draft, snap.valid, origin);
      if (!made.ok) {
        setCurrent(null, 0); // the next edit tries to create it again; the previous entry is never written
        return failed(made.failure);
      }
      setCurrent(made.entry.id, made.entry.revision);
      upsert(made.entry);
      drop('opened');
      notify(openedBesideNotice(String((snap.draft as { name?: unknown }).name ?? 'The scenario'), previous));
    },
    [library, setCurrent, failed, upsert, drop, notify],
  );

  const { draft, origin } = state;
  const opened = state.opened ?? 0;
  useEffect(() => {
    if (opened !== seenOpened.current) {
      seenOpened.current = opened;
      if (origin.startsWith(LIBRARY_ORIGIN)) {
        lastSaved.current = draft;
        pending.current = null;
        return;
      }
      flushPending();
      lastSaved.current = draft;
      const snap = { draft, valid };
      void enqueue(() => openExternal(snap, origin));
      return;
    }
    pending.current = { draft, valid };
    // The safety copy, written now (synchronously): a reload before the save below finishes keeps the edit (rescue.ts).
    if (draft !== lastSaved.current) keepUnsaved(local, library.tab, { entryId: cur.current.id, revision: cur.current.revision, draft, valid, at: Date.now() });
    const t = setTimeout(flushPending, SAVE_DELAY_MS);
    return () => clearTimeout(t);
    // A new draft or a newly opened scenario is what triggers a save.
  }, [draft, opened]); // eslint-disable-line react-hooks/exhaustive-deps

  // Save what is pending when the page is hidden or closed.
  useEffect(() => {
    const onHide = () => flushPending();
    // The page is going: a safety copy still there is for the next page to keep (rescue.ts).
    const onPageHide = () => {
      flushPending();
      markClosing(local, library.tab);
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [flushPending, local, library.tab]);

  // Other tabs: refresh the list when they save; warn when they saved the entry open here.
  useEffect(() => {
    const ch = openTabChannel((m) => {
      if (m.tab === library.tab) return;
      void refresh();
      if (m.type === 'saved' && m.entryId === cur.current.id) {
        const e = entriesRef.current.find((x) => x.entry.id === m.entryId);
        notify(otherTabNotice(e ? entryName(e) : 'This scenario'));
      }
    });
    channel.current = ch;
    return () => {
      ch?.close();
      channel.current = null;
    };
  }, [library, refresh, notify]);

  const shown =
    linkLength !== null && linkLength > URL_BROWSER_MAX_LENGTH && !linkNoticeDismissed
      ? withNotice(notices, linkTooLongNotice(linkLength, URL_BROWSER_MAX_LENGTH))
      : notices;
  const dismiss = (key: string) => (key === 'link-too-long' ? setLinkNoticeDismissed(true) : drop(key));

  const post = (entry: Entry | null) => entry && channel.current?.post({ type: 'changed', entryId: entry.id, tab: library.tab, revision: entry.revision });
  const actions = {
    open: (id: string) => {
      flushPending();
      void enqueue(async () => {
        await refresh();
        const e = entriesRef.current.find((x) => x.entry.id === id);
        if (!e) return;
        setCurrent(id, e.entry.revision);
        lastSaved.current = e.draft;
        drop('other-tab');
        dispatch({ type: 'replace', scenario: e.draft, origin: `${LIBRARY_ORIGIN}${id}` });
      });
    },
    /** Opens an earlier version as a new entry (the entry itself is left as it is). */
    openVersion: (id: string, index: number) => {
      const e = entriesRef.current.find((x) => x.entry.id === id);
      const v = e?.entry.versions[index];
      if (!e || !v) return;
      const when = new Date(v.savedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });
      flushPending();
      void enqueue(async () => {
        const made = await library.create(v.scenario, v.valid, `the version of “${entryName(e)}” saved ${when}`, `${entryName(e)} (as at ${when})`);
        if (!made.ok) return failed(made.failure);
        upsert(made.entry);
        const read = readEntry(made.entry);
        if (!read.ok) return;
        setCurrent(made.entry.id, made.entry.revision);
        lastSaved.current = read.value.draft;
        dispatch({ type: 'replace', scenario: read.value.draft, origin: `${LIBRARY_ORIGIN}${made.entry.id}` });
      });
    },
    rename: (id: string, label: string) =>
      enqueue(async () => {
        const e = await library.rename(id, label);
        if (e) upsert(e);
        if (e && id === cur.current.id) cur.current.revision = e.revision;
        post(e);
      }),
    duplicate: (id: string) =>
      enqueue(async () => {
        const src = entriesRef.current.find((x) => x.entry.id === id);
        if (!src) return;
        const made = await library.duplicate(src);
        if (!made.ok) return failed(made.failure);
        upsert(made.entry);
        post(made.entry);
      }),
    remove: (id: string) =>
      enqueue(async () => {
        const e = await library.delete(id);
        if (!e) return;
        upsert(e);
        post(e);
        const read = readEntry(e);
        notify({
          key: 'deleted',
          kind: 'info',
          title: `Deleted “${read.ok ? entryName(read.value) : 'the scenario'}”.`,
          body: 'It is kept for 30 days in case you change your mind.',
          actions: [{ label: 'Undo', act: 'undoDelete', id }],
        });
      }),
    undoDelete: (id: string) =>
      enqueue(async () => {
        drop('deleted');
        const q = removedQuarantine.current.get(id);
        if (q) {
          await library.keepQuarantined(q);
          removedQuarantine.current.delete(id);
          setQuarantined((l) => [...l, q]);
          return;
        }
        const e = await library.restore(id);
        if (e) upsert(e);
        post(e);
      }),
    forgetQuarantined: (id: string) =>
      enqueue(async () => {
        const q = quarantined.find((x) => x.id === id);
        if (!q) return;
        await library.forgetQuarantined(id);
        removedQuarantine.current.set(id, q);
        setQuarantined((l) => l.filter((x) => x.id !== id));
        notify({
          key: 'deleted',
          kind: 'info',
          title: 'Removed the unreadable record.',
          body: 'Download it first if you may need it.',
          actions: [{ label: 'Undo', act: 'undoDelete', id }],
        });
      }),
    downloadQuarantined: (id: string) => {
      const q = quarantined.find((x) => x.id === id);
      if (q) downloadText(`unreadable-scenario-${id.slice(0, 8)}.json`, quarantinedText(q), 'application/json');
    },
    importFile: (file: File) =>
      enqueue(async () => {
        let text: string;
        try {
          text = await file.text();
        } catch (e) {
          notify({ key: 'import', kind: 'error', title: `${file.name} could not be read.`, body: (e as Error).message });
          return;
        }
        const r = await importExport(library, text);
        if (!r.ok) {
          notify({ key: 'import', kind: 'error', title: `${file.name} was not imported.`, body: `Nothing in My scenarios was changed: ${r.message}.` });
          return;
        }
        await refresh();
        const { added, alreadyHere, quarantined: q } = r.summary;
        notify({
          key: 'import',
          kind: 'info',
          title: `Imported ${added} ${added === 1 ? 'scenario' : 'scenarios'} from ${file.name}.`,
          body:
            `${alreadyHere ? `${alreadyHere} already here were left as they are. ` : ''}${q ? `${q} could not be read and are kept under “Could not be read”.` : ''}`.trim() ||
            'Nothing else to report.',
        });
        channel.current?.post({ type: 'changed', entryId: '', tab: library.tab, revision: 0 });
      }),
    exportAll: () =>
      enqueue(async () => {
        const text = await library.exportAll();
        downloadText(`front-door-scenarios-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json');
      }),
    saveFile: () => {
      const d = draftRef.current as { id?: unknown; name?: unknown };
      downloadText(`${safeFileName(String(d.id || d.name || 'scenario'))}.json`, JSON.stringify(draftRef.current, null, 2) + '\n', 'application/json');
    },
  };
  const act = (a: NoticeAction) => {
    if (a.act === 'saveFile') actions.saveFile();
    else if (a.act === 'showLibrary') onShowLibrary();
    else if (a.act === 'downloadQuarantined' && a.id) actions.downloadQuarantined(a.id);
    else if (a.act === 'undoDelete' && a.id) void actions.undoDelete(a.id);
  };
  return { entries, quarantined, notices: shown, currentId, backendKind: library.backend.kind, actions, act, dismiss };
}
