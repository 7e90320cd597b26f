import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../build/serviceWorker.ts';

/**
 * The generated sw.js, run in a Node context with a stand-in for the service worker's global
 * scope (event listeners, Cache Storage, fetch): what it stores, what it answers from where, and
 * what it deletes. test/e2e/offline.e2e.ts runs the real thing in Chromium.
 */
const SCOPE = 'https://council.example/front-door/';
type Handler = (event: Record<string, unknown>) => void;

/** Cache Storage with caches kept in creation order, as the spec says `keys()` lists them. */
function fakeCaches() {
  const store = new Map<string, Map<string, Response>>();
  const urlOf = (r: Request | string) => (typeof r === 'string' ? r : r.url);
  const open = async (name: string) => {
    if (!store.has(name)) store.set(name, new Map());
    const entries = store.get(name)!;
    return {
      addAll: async (requests: Request[]) => {
        for (const r of requests) entries.set(r.url, await network(r));
      },
      match: async (r: Request | string) => entries.get(urlOf(r))?.clone(),
    };
  };
  let network: (r: Request) => Promise<Response> = async () => new Response('');
  return {
    store,
    setNetwork: (f: typeof network) => (network = f),
    api: {
      open,
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
      match: async (r: Request | string) => {
        for (const entries of store.values()) if (entries.has(urlOf(r))) return entries.get(urlOf(r))!.clone();
        return undefined;
      },
    },
  };
}

function start(version: string, files: string[], pages: Record<string, string>, caches = fakeCaches()) {
  const handlers = new Map<string, Handler>();
  const fetched: string[] = [];
  let skipped = 0;
  const network = async (r: Request) => {
    fetched.push(r.url);
    const path = r.url.slice(SCOPE.length);
    return new Response(pages[path] ?? `file ${path} of ${version}`);
  };
  caches.setNetwork(network);
  const self = {
    registration: { scope: SCOPE },
    caches: caches.api,
    addEventListener: (type: string, h: Handler) => handlers.set(type, h),
    skipWaiting: async () => void skipped++,
  };
  runInNewContext(serviceWorkerSource({ version, files }), { self, URL, Request, Response, fetch: network });
  const dispatch = async (type: string, fields: Record<string, unknown> = {}) => {
    let pending: Promise<unknown> = Promise.resolve(undefined);
    let responded = false;
    handlers.get(type)!({
      ...fields,
      waitUntil: (p: Promise<unknown>) => (pending = p),
      respondWith: (p: Promise<unknown>) => ((pending = p), (responded = true)),
    });
    return { result: await pending, responded };
  };
  const get = async (path: string, mode = 'cors', method = 'GET') => dispatch('fetch', { request: { url: new URL(path, SCOPE).href, method, mode } });
  return { caches, dispatch, get, fetched, skipped: () => skipped };
}

const page = (...assets: string[]) => `<html><head>${assets.map((a) => `<script type="module" src="./${a}"></script>`).join('')}</head></html>`;

describe('the service worker', () => {
  it('stores every file of its version, then answers the page and its files from that cache, not the network', async () => {
    const sw = start('v1', ['index.html', 'assets/app-1.js'], { 'index.html': page('assets/app-1.js') });
    await sw.dispatch('install');
    expect([...sw.caches.store.keys()]).toEqual(['front-door-v1']);
    sw.fetched.length = 0;
    const home = await sw.get(SCOPE, 'navigate');
    expect(await (home.result as Response).text()).toBe(page('assets/app-1.js'));
    expect(await ((await sw.get('assets/app-1.js')).result as Response).text()).toBe('file assets/app-1.js of v1');
    expect(sw.fetched).toEqual([]);
  });

  it('refuses to install when the page names a file that is not in its version (a deploy half done)', async () => {
    const sw = start('v2', ['index.html', 'assets/app-2.js'], { 'index.html': page('assets/app-3.js') });
    await expect(sw.dispatch('install')).rejects.toThrow(/another version: .*app-3\.js/);
    expect(sw.caches.store.size).toBe(0);
  });

  it('leaves other origins, other pages, and anything but GET to the network', async () => {
    const sw = start('v1', ['index.html'], { 'index.html': page() });
    await sw.dispatch('install');
    expect((await sw.get('https://elsewhere.example/x.js')).responded).toBe(false);
    expect((await sw.get('https://council.example/other-app/')).responded).toBe(false);
    expect((await sw.get('front-door.html', 'navigate')).responded).toBe(false);
    expect((await sw.get('index.html', 'cors', 'POST')).responded).toBe(false);
  });

  it('waits for the page’s word before taking over, and keeps the previous version’s files for pages still open on it', async () => {
    const caches = fakeCaches();
    const v1 = start('v1', ['index.html', 'assets/old-1.js'], { 'index.html': page('assets/old-1.js') }, caches);
    await v1.dispatch('install');
    const v2 = start('v2', ['index.html', 'assets/new-2.js'], { 'index.html': page('assets/new-2.js') }, caches);
    await v2.dispatch('install');
    expect(v2.skipped()).toBe(0);
    await v2.dispatch('message', { data: { type: 'something else' } });
    expect(v2.skipped()).toBe(0);
    await v2.dispatch('message', { data: { type: 'skip-waiting' } });
    expect(v2.skipped()).toBe(1);
    await v2.dispatch('activate');
    expect([...caches.store.keys()]).toEqual(['front-door-v1', 'front-door-v2']);
    // A page still on v1 asks for its lazily loaded file: it comes from v1's cache.
    v2.fetched.length = 0;
    expect(await ((await v2.get('assets/old-1.js')).result as Response).text()).toBe('file assets/old-1.js of v1');
    expect(v2.fetched).toEqual([]);
    // The page itself is always this version's.
    expect(await ((await v2.get('index.html', 'navigate')).result as Response).text()).toBe(page('assets/new-2.js'));
    // A third version keeps v2 and deletes v1.
    const v3 = start('v3', ['index.html'], { 'index.html': page() }, caches);
    await v3.dispatch('install');
    await v3.dispatch('activate');
    expect([...caches.store.keys()]).toEqual(['front-door-v2', 'front-door-v3']);
  });
});
