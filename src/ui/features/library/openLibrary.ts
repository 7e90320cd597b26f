import type { KeyValue } from './backend.ts';
import { keyValueBackend, memoryBackend } from './backend.ts';
import { openIndexedDb } from './indexedDbBackend.ts';
import { Library } from './library.ts';
import { storageKindNotice, type LibraryNotice } from './notices.ts';
import { newId } from './records.ts';

/** How long to wait for IndexedDB before falling back (ms): a blocked open never settles in some browsers. */
const OPEN_TIMEOUT_MS = 3000;

/**
 * Opens the library in the best storage the browser allows: IndexedDB, else Web Storage,
 * else memory (with a notice saying the work is not kept). Never throws.
 */
export async function openLibrary(local: KeyValue | null): Promise<{ library: Library; notices: LibraryNotice[] }> {
  const tab = newId();
  try {
    const backend = await Promise.race([
      openIndexedDb(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('IndexedDB did not open in time')), OPEN_TIMEOUT_MS)),
    ]);
    return { library: new Library(backend, tab), notices: [] };
  } catch (e) {
    const reason = (e as Error).message || String(e);
    if (local) {
      try {
        local.setItem('front-door.library.probe', '1');
        local.removeItem('front-door.library.probe');
        return { library: new Library(keyValueBackend(local), tab), notices: [storageKindNotice('localStorage', reason)] };
      } catch {
        // local storage blocked too
      }
    }
    return { library: new Library(memoryBackend(), tab), notices: [storageKindNotice('memory', reason)] };
  }
}
