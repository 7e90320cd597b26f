import { z } from 'zod';

/**
 * Tabs of Front Door in one browser tell each other when they save, over a BroadcastChannel,
 * so a tab can warn before its next save and refresh its list. The messages are checked with
 * zod like any input. Correctness does not depend on them: a save only lands over the revision
 * the tab last saw (see `Library.save`); the channel makes the conflict visible sooner.
 */

const CHANNEL = 'front-door.library';

const TabMessage = z.strictObject({
  type: z.enum(['saved', 'changed']),
  entryId: z.string().max(100),
  tab: z.string().max(100),
  revision: z.number().int().min(0),
});
/** A save (`saved`) or a rename, delete or restore (`changed`) in another tab. */
export type TabMessage = z.infer<typeof TabMessage>;

/** A channel to the other tabs, or null where the browser has no BroadcastChannel. */
export function openTabChannel(onMessage: (m: TabMessage) => void): { post: (m: TabMessage) => void; close: () => void } | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    const m = TabMessage.safeParse(e.data);
    if (m.success) onMessage(m.data);
  };
  return {
    post: (m) => {
      try {
        channel.postMessage(m);
      } catch {
        // a closed channel: the revision check still protects the other tab's work
      }
    },
    close: () => channel.close(),
  };
}
