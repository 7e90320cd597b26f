import { SKIP_WAITING } from './serviceWorker.ts';

/**
 * The page's side of the service worker: registers sw.js (hosted build, http(s) only), notices
 * when a new version has been installed and is waiting, and lets the user switch to it.
 * The update is never applied behind the user's back: the waiting worker takes over only when
 * the user accepts, and then the page reloads (the scenario is in the link and this browser).
 */

/** What the page should tell the user about versions. */
export type OfflineStatus =
  | { kind: 'none' }
  /** This version has just been stored for use without a network. */
  | { kind: 'offline-ready' }
  /** A newer version is installed and waiting; `apply` switches to it and reloads. */
  | { kind: 'update-ready'; apply: () => void };

type Listener = () => void;
let status: OfflineStatus = { kind: 'none' };
const listeners = new Set<Listener>();
const set = (next: OfflineStatus) => {
  status = next;
  for (const l of listeners) l();
};

/** The current status (for useSyncExternalStore). */
export const offlineStatus = (): OfflineStatus => status;

/** Subscribes to status changes; returns the unsubscribe function (for useSyncExternalStore). */
export function subscribeOfflineStatus(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Clears an `offline-ready` notice the user has dismissed. */
export function dismissOfflineReady(): void {
  if (status.kind === 'offline-ready') set({ kind: 'none' });
}

function offerUpdate(waiting: ServiceWorker): void {
  set({
    kind: 'update-ready',
    apply: () => {
      // Another tab may have switched already: then this page's worker is the new one, and a
      // reload is all it takes.
      if (waiting.state === 'activated' || waiting.state === 'redundant') return location.reload();
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      });
      waiting.postMessage({ type: SKIP_WAITING });
    },
  });
}

/** Watches a registration for a worker that finishes installing. */
function watch(registration: ServiceWorkerRegistration): void {
  const track = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      // With a controller this is an update (it waits); without one, the first install.
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
      else if (worker.state === 'activated' && !navigator.serviceWorker.controller && status.kind === 'none') set({ kind: 'offline-ready' });
    });
  };
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  track(registration.installing);
  registration.addEventListener('updatefound', () => track(registration.installing));
}

/**
 * Registers the service worker when the page is served over http(s) by a production build;
 * does nothing in the single file, from file:// or in the dev server. Checks for a new version
 * when the page comes back into view and every hour.
 */
export async function registerServiceWorker(opts: { enabled: boolean; url?: string }): Promise<ServiceWorkerRegistration | null> {
  if (!opts.enabled || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return null;
  try {
    const registration = await navigator.serviceWorker.register(opts.url ?? './sw.js', { scope: './' });
    watch(registration);
    const check = () => void registration.update().catch(() => undefined);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    setInterval(check, 60 * 60 * 1000);
    return registration;
  } catch {
    // No service worker (private window, blocked by policy): the app still works online.
    return null;
  }
}
