import { ReplicationResult } from '../sim/results.ts';

/**
 * Replications kept in the browser between visits. A replication is a pure function of (scenario,
 * days, warm-up, seed, replication number) and of the code (test/e2e/determinism), so one computed
 * on an earlier visit by a build of the same source is the same numbers as one computed now: the
 * pool (pool.ts) looks here before it asks a worker, and a returning user's run of anything run
 * before (the default scenario above all) shows at once, with no template to build.
 *
 * Kept under the build's source digest (build/buildInfo.ts) and the pool's replication key, which
 * holds the whole scenario; each value carries both again and is checked on the way out, with the
 * results schema, so a stale, foreign or damaged record is never shown, only computed afresh.
 * Records of other builds are deleted when the store opens; at most `MAX_KEPT` are kept, the least
 * recently written going first. Nothing here ever fails a run: a store that cannot be opened or
 * read finds nothing, and a write that fails is dropped.
 */
export interface ResultStore {
  /** The kept replications among `keys`, by key (never rejects). */
  find(keys: readonly string[]): Promise<Map<string, ReplicationResult>>;
  /** Keeps `result` under `key` (in the background; failures are dropped). */
  keep(key: string, result: ReplicationResult): void;
}

/** Replications kept (each ~15 kB for a kent-2010 year: about 7 MB in all). */
export const MAX_KEPT = 480;

const DB_NAME = 'front-door-replications';
const STORE = 'replications';

interface Kept {
  code: string;
  key: string;
  at: number;
  result: unknown;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

/** The record's own key: SHA-256 of the code digest and the replication key (the latter may be long). */
async function recordId(code: string, key: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${code}|${key}`));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function open(factory: IDBFactory, code: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE);
      store.createIndex('at', 'at');
      store.createIndex('code', 'code');
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('IndexedDB is held by another tab'));
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => db.close();
      // Records of other builds can never be used again.
      const tx = db.transaction(STORE, 'readwrite');
      const cursor = tx.objectStore(STORE).index('code').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        if (c.key !== code) c.delete();
        c.continue();
      };
      finished(tx).then(
        () => resolve(db),
        () => resolve(db),
      );
    };
  });
}

/**
 * A store in this browser's IndexedDB for the build whose source digest is `code`; null where the
 * browser has no IndexedDB or no Web Crypto (then runs simply compute everything).
 */
export function indexedDbResultStore(code: string, factory: IDBFactory | undefined = globalThis.indexedDB): ResultStore | null {
  if (!factory || typeof crypto === 'undefined' || !crypto.subtle) return null;
  let db: Promise<IDBDatabase | null> | null = null;
  const database = () => (db ??= open(factory, code).catch(() => null));

  return {
    async find(keys) {
      const found = new Map<string, ReplicationResult>();
      try {
        const d = await database();
        if (!d || keys.length === 0) return found;
        const ids = await Promise.all(keys.map((key) => recordId(code, key)));
        const store = d.transaction(STORE, 'readonly').objectStore(STORE);
        const values = await Promise.all(ids.map((id) => request(store.get(id) as IDBRequest<Kept | undefined>)));
        values.forEach((value, i) => {
          const key = keys[i]!;
          if (!value || value.code !== code || value.key !== key) return;
          const parsed = ReplicationResult.safeParse(value.result);
          if (parsed.success) found.set(key, parsed.data);
        });
      } catch {
        // A store that cannot be read finds nothing: the run computes what it needs.
      }
      return found;
    },
    keep(key, result) {
      void (async () => {
        const d = await database();
        if (!d) return;
        const id = await recordId(code, key);
        const tx = d.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        store.put({ code, key, at: Date.now(), result } satisfies Kept, id);
        const count = await request(store.count());
        if (count > MAX_KEPT) {
          let extra = count - MAX_KEPT;
          const cursor = store.index('at').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c || extra <= 0) return;
            c.delete();
            extra--;
            c.continue();
          };
        }
        await finished(tx);
      })().catch(() => {});
    },
  };
}

/**
 * Stores looked up in order, each for what the ones before it did not find (this browser's kept
 * replications first, then the runs the build shipped); what the page computes is kept by the
 * first. Null when there is no store at all.
 */
export function storesInOrder(...stores: (ResultStore | null)[]): ResultStore | null {
  const list = stores.filter((s): s is ResultStore => s !== null);
  if (list.length <= 1) return list[0] ?? null;
  return {
    async find(keys) {
      const found = new Map<string, ReplicationResult>();
      let missing = [...keys];
      for (const store of list) {
        if (missing.length === 0) break;
        const more = await store.find(missing).catch(() => new Map<string, ReplicationResult>());
        for (const [key, result] of more) found.set(key, result);
        missing = missing.filter((k) => !found.has(k));
      }
      return found;
    },
    keep: (key, result) => list[0]!.keep(key, result),
  };
}
