/**
 * Where the library keeps its records: IndexedDB in the browser (`indexedDbBackend.ts`), a
 * Web Storage fallback when IndexedDB is blocked, and memory in tests or when the browser
 * keeps nothing. Each backend stores opaque values under string keys in two stores; reading
 * them back is checked by `records.ts`, never trusted.
 */

/** The two stores: scenarios, and records that could not be read (kept for download). */
export type StoreName = 'entries' | 'quarantine';

/** What an atomic update decided: the value to write (if any) and what to return. */
export interface UpdateStep<T> {
  write?: unknown;
  result: T;
}

/** The storage the library needs; every method rejects with the browser's error (e.g. `QuotaExceededError`). */
export interface LibraryBackend {
  /** Which storage this is, for messages. */
  readonly kind: 'IndexedDB' | 'localStorage' | 'memory';
  getAll(store: StoreName): Promise<{ key: string; value: unknown }[]>;
  put(store: StoreName, key: string, value: unknown): Promise<void>;
  delete(store: StoreName, key: string): Promise<void>;
  /** Reads one record and writes what `step` returns, with no other write in between (a transaction). */
  update<T>(store: StoreName, key: string, step: (current: unknown) => UpdateStep<T>): Promise<T>;
  /** Moves a record aside in one transaction: adds `record` to quarantine and removes `key` from entries. */
  quarantine(key: string, quarantineKey: string, record: unknown): Promise<void>;
}

/** Backend in memory (tests, or a browser that keeps nothing); values are cloned in and out like IndexedDB does. */
export function memoryBackend(): LibraryBackend & { stores: Record<StoreName, Map<string, unknown>>; failWith: Error | null } {
  const stores: Record<StoreName, Map<string, unknown>> = { entries: new Map(), quarantine: new Map() };
  const self = {
    kind: 'memory' as const,
    stores,
    failWith: null as Error | null,
    check() {
      if (self.failWith) throw self.failWith;
    },
    async getAll(store: StoreName) {
      return [...stores[store]].map(([key, value]) => ({ key, value: structuredClone(value) }));
    },
    async put(store: StoreName, key: string, value: unknown) {
      self.check();
      stores[store].set(key, structuredClone(value));
    },
    async delete(store: StoreName, key: string) {
      stores[store].delete(key);
    },
    async update<T>(store: StoreName, key: string, step: (current: unknown) => UpdateStep<T>) {
      const s = step(structuredClone(stores[store].get(key)));
      if ('write' in s) {
        self.check();
        stores[store].set(key, structuredClone(s.write));
      }
      return s.result;
    },
    async quarantine(key: string, quarantineKey: string, record: unknown) {
      self.check();
      stores.quarantine.set(quarantineKey, structuredClone(record));
      stores.entries.delete(key);
    },
  };
  return self;
}

/** The part of Web Storage the fallback uses. */
export interface KeyValue {
  readonly length: number;
  key(i: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'front-door.library.';

/**
 * Backend over Web Storage (used when IndexedDB cannot be opened). Values are JSON; text that
 * is not JSON comes back as the text, so it is quarantined rather than lost. Synchronous
 * underneath, so an update is atomic within this tab.
 */
export function keyValueBackend(kv: KeyValue): LibraryBackend {
  const k = (store: StoreName, key: string) => `${PREFIX}${store}.${key}`;
  const read = (full: string): unknown => {
    const text = kv.getItem(full);
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  return {
    kind: 'localStorage',
    async getAll(store) {
      const prefix = `${PREFIX}${store}.`;
      const out: { key: string; value: unknown }[] = [];
      for (let i = 0; i < kv.length; i++) {
        const full = kv.key(i);
        if (full?.startsWith(prefix)) out.push({ key: full.slice(prefix.length), value: read(full) });
      }
      return out;
    },
    async put(store, key, value) {
      kv.setItem(k(store, key), JSON.stringify(value));
    },
    async delete(store, key) {
      kv.removeItem(k(store, key));
    },
    async update(store, key, step) {
      const s = step(read(k(store, key)));
      if ('write' in s) kv.setItem(k(store, key), JSON.stringify(s.write));
      return s.result;
    },
    async quarantine(key, quarantineKey, record) {
      kv.setItem(k('quarantine', quarantineKey), JSON.stringify(record));
      kv.removeItem(k('entries', key));
    },
  };
}
