import { entryName, type ReadEntry } from './records.ts';
import type { Quarantined } from './records.ts';
import type { StorageFailure } from './library.ts';

/** A message about the user's saved work, with the actions that resolve it. */
export interface LibraryNotice {
  /** Stable per kind of message, so a newer one replaces an older one of the same kind. */
  key: string;
  kind: 'error' | 'warning' | 'info';
  title: string;
  body: string;
  actions?: NoticeAction[];
}

/** What a notice's buttons do (carried out by the library session). */
export type NoticeAction = { label: string; act: 'saveFile' | 'showLibrary' | 'downloadQuarantined' | 'undoDelete'; id?: string };

/** Adds or replaces a notice by key. */
export function withNotice(list: readonly LibraryNotice[], n: LibraryNotice): LibraryNotice[] {
  return [...list.filter((x) => x.key !== n.key), n];
}

/** The notice for records moved to the quarantine on opening. */
export function quarantineNotice(found: readonly Quarantined[]): LibraryNotice {
  const one = found.length === 1;
  return {
    key: 'quarantine',
    kind: 'error',
    title: one ? 'A scenario saved in this browser could not be read.' : `${found.length} scenarios saved in this browser could not be read.`,
    body: `${one ? 'It is' : 'They are'} kept exactly as found, never overwritten, under “Could not be read” in My scenarios: download ${one ? 'it' : 'them'} to recover the work by hand or to report the problem. ${found
      .slice(0, 3)
      .map((q) => `Reason: ${q.reason}.`)
      .join(' ')}`,
    actions: [
      ...(one ? [{ label: 'Download it', act: 'downloadQuarantined' as const, id: found[0]!.id }] : []),
      { label: 'Open My scenarios', act: 'showLibrary' },
    ],
  };
}

/** The notice for a save that failed, with what to do; `usage` is the browser's estimate, if any. */
export function storageFailureNotice(failure: StorageFailure, usage: { usage?: number; quota?: number } | null): LibraryNotice {
  const mb = (n: number) => `${(n / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
  const figures = usage?.usage !== undefined && usage.quota !== undefined ? ` (using ${mb(usage.usage)} of the ${mb(usage.quota)} this browser allows)` : '';
  const what =
    failure.kind === 'quota'
      ? `This browser’s storage for Front Door is full${figures}. Save the scenario as a file now; then make room by deleting scenarios you no longer need in My scenarios (export them first if you like).`
      : `The browser said: ${failure.message}. Save the scenario as a file now. If this keeps happening, check that this site may store data (private windows and some settings block it).`;
  return {
    key: 'storage',
    kind: 'error',
    title: 'Your latest changes are not saved in this browser.',
    body: `${what} Your edits are still on screen, and Front Door tries to save again at your next change.`,
    actions: [
      { label: 'Save as a file', act: 'saveFile' },
      { label: 'Open My scenarios', act: 'showLibrary' },
    ],
  };
}

/** The notice when another tab saved the scenario this tab was editing. */
export function conflictNotice(theirs: string, copy: string): LibraryNotice {
  return {
    key: 'conflict',
    kind: 'warning',
    title: `“${theirs}” was also changed in another tab.`,
    body: `So that neither tab’s work is lost, the edits in this tab are now saved as “${copy}”. Both are in My scenarios.`,
    actions: [{ label: 'Open My scenarios', act: 'showLibrary' }],
  };
}

/** The notice when another tab has just saved the scenario open here. */
export function otherTabNotice(name: string): LibraryNotice {
  return {
    key: 'other-tab',
    kind: 'warning',
    title: `“${name}” was just changed in another tab.`,
    body: 'Your next edit here is kept as a separate copy, so neither tab’s work is overwritten. To continue from the other tab’s version, open it from My scenarios.',
    actions: [{ label: 'Open My scenarios', act: 'showLibrary' }],
  };
}

/** The notice when a link or file was opened as a new entry beside the previous work. */
export function openedBesideNotice(opened: string, previous: ReadEntry | null): LibraryNotice {
  return {
    key: 'opened',
    kind: 'info',
    title: `“${opened}” is saved as a new scenario in My scenarios.`,
    body: previous ? `What you had open, “${entryName(previous)}”, is unchanged there.` : 'Your other scenarios are unchanged.',
    actions: [{ label: 'Open My scenarios', act: 'showLibrary' }],
  };
}

/** The notice when the scenario is too large to live in the address. */
export function linkTooLongNotice(length: number, limit: number): LibraryNotice {
  return {
    key: 'link-too-long',
    kind: 'info',
    title: 'This scenario is too large to carry in a link.',
    body: `Its link would be ${length.toLocaleString('en-GB')} characters; browsers keep at most ${limit.toLocaleString('en-GB')}. It is saved in this browser (My scenarios); to share it, save it as a file and send that.`,
    actions: [{ label: 'Save as a file', act: 'saveFile' }],
  };
}

/** The notice when the browser keeps no storage at all, or only the smaller fallback. */
export function storageKindNotice(kind: 'localStorage' | 'memory', reason: string): LibraryNotice {
  return kind === 'memory'
    ? {
        key: 'storage-kind',
        kind: 'error',
        title: 'This browser is not keeping your work.',
        body: `Front Door could not use the browser’s storage (${reason}). Your scenarios last only while this tab is open: save them as files before you close it.`,
        actions: [{ label: 'Save as a file', act: 'saveFile' }],
      }
    : {
        key: 'storage-kind',
        kind: 'warning',
        title: 'Your scenarios are kept in this browser’s smaller store.',
        body: `IndexedDB could not be used (${reason}), so scenarios are kept in local storage, which holds about 5 MB. Save large scenarios as files.`,
      };
}
