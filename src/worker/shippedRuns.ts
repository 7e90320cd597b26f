import { z } from 'zod';
import { ReplicationResult } from '../sim/results.ts';
import type { ResultStore } from './resultStore.ts';
import { splitReplicationKey } from './runKeys.ts';

/**
 * Runs a build ships: every preset's run at the app's default settings, computed when the site is
 * built (build/shippedRuns.ts) by the same code the workers run, so a first visit's default run,
 * or a comparison of presets, shows without a worker computing anything. A replication is a pure
 * function of (scenario, days, warm-up, seed, replication number) and of the code, and Node and
 * Chromium give the same bits (test/e2e/determinism), so these are the numbers the page would
 * compute; test/e2e/shippedRuns.e2e.ts checks it for the default run.
 *
 * One file per (scenario, seed, days, warm-up), named by a digest of the code and that identity
 * (`shippedRunName`), so a build only ever finds its own files; each file says again what it
 * holds and is checked, with the results schema, before anything in it is used. A file that is
 * missing, unreadable or not what its name says finds nothing: the run is computed.
 */

/** What one shipped file holds: the replications, in order, of one run. */
export const ShippedRunFile = z.strictObject({
  format: z.literal('front-door-shipped-run'),
  version: z.literal(1),
  /** The source digest of the build that computed it (build/buildInfo.ts). */
  code: z.string().min(1),
  /** The template key of the run's scenario and seed (runKeys.ts). */
  templateKey: z.string().min(1),
  days: z.number().int(),
  warmupDays: z.number().int(),
  /** Replication i is element i. */
  results: z.array(ReplicationResult),
});
export type ShippedRunFile = z.infer<typeof ShippedRunFile>;

/** The text a shipped file's name is a digest of. */
export function shippedRunIdentity(code: string, templateKey: string, days: number, warmupDays: number): string {
  return `${code}|${days}/${warmupDays}|${templateKey}`;
}

/** Hex digits of the SHA-256 of the identity that name a shipped file (`runs/<name>.json`). */
export const SHIPPED_NAME_LENGTH = 24;

/** The name of the shipped file that would hold a run (SHA-256 through Web Crypto). */
export async function shippedRunName(code: string, templateKey: string, days: number, warmupDays: number): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(shippedRunIdentity(code, templateKey, days, warmupDays)));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, SHIPPED_NAME_LENGTH);
}

/** Replications a lookup wants from one run: their keys and numbers. */
interface WantedRun {
  templateKey: string;
  days: number;
  warmupDays: number;
  wanted: [key: string, rep: number][];
}

/**
 * The runs this build ships, as a read-only store. `names` are the files it has (vite.config.ts
 * puts them in the code, so a scenario nobody shipped costs no request); `load` fetches one file's
 * JSON by name (null or a rejection when it cannot). Each file is fetched at most once.
 */
export function shippedResultStore(code: string, names: ReadonlySet<string>, load: (name: string) => Promise<unknown>): ResultStore | null {
  if (!code || names.size === 0 || typeof crypto === 'undefined' || !crypto.subtle) return null;
  const files = new Map<string, Promise<ShippedRunFile | null>>();
  const file = (name: string): Promise<ShippedRunFile | null> => {
    let f = files.get(name);
    if (!f) {
      f = load(name).then(
        (json) => {
          const parsed = ShippedRunFile.safeParse(json);
          return parsed.success ? parsed.data : null;
        },
        () => null,
      );
      // A file that could not be fetched (offline, say) may be tried again by a later run.
      void f.then((got) => {
        if (!got) files.delete(name);
      });
      files.set(name, f);
    }
    return f;
  };

  return {
    async find(keys) {
      const found = new Map<string, ReplicationResult>();
      try {
        // The keys of one run share a file: group them by the run, then name each run's file once.
        const runs = new Map<string, WantedRun>();
        for (const key of keys) {
          const parts = splitReplicationKey(key);
          if (!parts) continue;
          const identity = shippedRunIdentity(code, parts.templateKey, parts.days, parts.warmupDays);
          const run = runs.get(identity) ?? { templateKey: parts.templateKey, days: parts.days, warmupDays: parts.warmupDays, wanted: [] };
          run.wanted.push([key, parts.rep]);
          runs.set(identity, run);
        }
        const byName = new Map<string, WantedRun>();
        for (const run of runs.values()) {
          const name = await shippedRunName(code, run.templateKey, run.days, run.warmupDays);
          if (names.has(name)) byName.set(name, run);
        }
        await Promise.all(
          [...byName].map(async ([name, group]) => {
            const f = await file(name);
            // The file must be what its name says: this build's, this scenario's, this length.
            if (!f || f.code !== code || f.templateKey !== group.templateKey || f.days !== group.days || f.warmupDays !== group.warmupDays) return;
            for (const [key, rep] of group.wanted) {
              const result = f.results[rep];
              if (result && result.rep === rep) found.set(key, result);
            }
          }),
        );
      } catch {
        // Shipped runs are only a head start: anything that fails is computed instead.
      }
      return found;
    },
    keep() {
      // Read-only: what the page computes is kept by the browser's own store.
    },
  };
}
