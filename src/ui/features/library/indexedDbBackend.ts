import type { LibraryBackend, StoreName, UpdateStep } from './backend.ts';

/**
 * The library in IndexedDB: database `front-door`, stores `entries` and `quarantine`, values
 * under explicit keys. Written against the plain API (a few promise helpers) rather than a
 * wrapper library: the library needs five operations, and `update` must read and write in one
 * transaction, which is clearer with the raw request callbacks.
 */

const DB_NAME = 'front-door';
const DB_VERSION = 1;

const done = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the browser refused to save'));
    tx.onabort = () => reject(tx.error ?? new Error('the save was cancelled by the browser'));
  });

/** Opens (creating on first use) the library database; rejects when the browser blocks IndexedDB. */
export function openIndexedDb(factory: IDBFactory = indexedDB): Promise<LibraryBackend> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(e as Error);
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const name of ['entries', 'quarantine']) if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB is held by an older copy of Front Door in another tab: close it and reload'));
    request.onsuccess = () => {
      const db = request.result;
      // A newer copy in another tab wants to upgrade: let it, rather than block it.
      db.onversionchange = () => db.close();
      resolve(backendFor(db));
    };
  });
}

function backendFor(db: IDBDatabase): LibraryBackend {
  const tx = (stores: StoreName[], mode: IDBTransactionMode) => db.transaction(stores, mode);
  return {
    kind: 'IndexedDB',
    getAll(store) {
      return new Promise((resolve, reject) => {
        const t = tx([store], 'readonly');
        const out: { key: string; value: unknown }[] = [];
        const cursor = t.objectStore(store).openCursor();
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          out.push({ key: String(c.key), value: c.value });
          c.continue();
        };
        done(t).then(() => resolve(out), reject);
      });
    },
    put(store, key, value) {
      const t = tx([store], 'readwrite');
      t.objectStore(store).put(value, key);
      return done(t);
    },
    delete(store, key) {
      const t = tx([store], 'readwrite');
      t.objectStore(store).delete(key);
      return done(t);
    },
    update<T>(store: StoreName, key: string, step: (current: unknown) => UpdateStep<T>) {
      const t = tx([store], 'readwrite');
      const os = t.objectStore(store);
      let result: T;
      let failure: unknown = null;
      const get = os.get(key);
      get.onsuccess = () => {
        try {
          const s = step(get.result);
          result = s.result;
          if ('write' in s) os.put(s.write, key);
        } catch (e) {
          failure = e;
          t.abort();
        }
      };
      return done(t).then(
        () => result,
        (e: unknown) => {
          throw failure ?? e;
        },
      );
    },
    quarantine(key, quarantineKey, record) {
      const t = tx(['entries', 'quarantine'], 'readwrite');
      t.objectStore('quarantine').put(record, quarantineKey);
      t.objectStore('entries').delete(key);
      return done(t);
    },
  };
}
