/**
 * The service worker of the hosted app, as one self-contained function: build/serviceWorker.ts
 * writes `sw.js` as this function's source called with the build's file list, so the function
 * must not refer to anything outside itself.
 *
 * - install: caches every file of this build in a cache named after its version (a hash of the
 *   files' contents), bypassing the HTTP cache, and refuses a page that names files not in this
 *   build (a host half-way through a deploy), so one version's cache never holds another's page.
 * - It then waits: the page offers the update and sends `skip-waiting` when the user accepts, so
 *   an open page never starts receiving a newer version's files under it.
 * - activate: keeps this version and the one before (a page still open on the older version can
 *   load its lazily loaded files, whose names carry their content hash), deletes the rest.
 * - fetch: the page itself from this version's cache; other files from this version's cache, then
 *   (content-hashed assets only) an older cache, then the network.
 */

/** What a build precaches: its version and its files, relative to the service worker's scope. */
export interface Precache {
  version: string;
  files: readonly string[];
}

/** Message a page sends to a waiting service worker when the user accepts the update. */
export const SKIP_WAITING = 'skip-waiting';

/** Installs the service worker's event handlers on its global scope. */
export function serviceWorkerMain(sw: ServiceWorkerGlobalScope, precache: Precache): void {
  const prefix = 'front-door-';
  const cacheName = `${prefix}${precache.version}`;
  const scope = new URL(sw.registration.scope);
  const urls = precache.files.map((f) => new URL(f, scope).href);
  const pageUrl = new URL('index.html', scope).href;
  const pagePaths = new Set([scope.pathname, new URL(pageUrl).pathname]);

  sw.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        const cache = await sw.caches.open(cacheName);
        await cache.addAll(urls.map((u) => new Request(u, { cache: 'reload' })));
        const page = await (await cache.match(pageUrl))?.text();
        if (page === undefined) throw new Error('front door: index.html was not cached');
        const named = [...page.matchAll(/(?:src|href)="(\.\/[^"]+)"/g)].map((m) => new URL(m[1]!, scope).href);
        const foreign = named.filter((u) => !urls.includes(u));
        if (foreign.length > 0) {
          await sw.caches.delete(cacheName);
          throw new Error(`front door: the page names files of another version: ${foreign.join(', ')}`);
        }
      })(),
    );
  });

  sw.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        const older = (await sw.caches.keys()).filter((k) => k.startsWith(prefix) && k !== cacheName);
        // caches.keys() lists caches in the order they were made: keep the newest older one.
        await Promise.all(older.slice(0, -1).map((k) => sw.caches.delete(k)));
      })(),
    );
  });

  sw.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void sw.skipWaiting();
  });

  sw.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') return;
    const url = new URL(request.url);
    if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
    const isPage = request.mode === 'navigate' && pagePaths.has(url.pathname);
    const hashed = url.pathname.startsWith(`${scope.pathname}assets/`);
    if (request.mode === 'navigate' && !isPage) return;
    event.respondWith(
      (async () => {
        const cache = await sw.caches.open(cacheName);
        // ignoreVary: a module script's request carries an Origin header that the precaching
        // request did not, and a server that answers `Vary: Origin` would make it miss.
        const own = await cache.match(isPage ? pageUrl : request, { ignoreVary: true });
        if (own) return own;
        if (hashed) {
          const older = await sw.caches.match(request, { ignoreVary: true });
          if (older) return older;
        }
        return fetch(request);
      })(),
    );
  });
}
