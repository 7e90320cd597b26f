import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

/**
 * Builds for the offline and single-file tests, each in its own folder under test-artifacts/ so
 * they never race `vite build` into dist/ or the other e2e files' build.
 */

/** Runs a build as `npm run build` does, with NODE_ENV=production (vitest sets it to 'test', which gives React's development build). */
async function production<T>(run: () => Promise<T>): Promise<T> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    process.env.NODE_ENV = saved;
  }
}

/** Builds the single file (`vite build --mode single`) and returns its path. */
export async function buildSingleFile(): Promise<string> {
  const outDir = join(process.cwd(), 'test-artifacts', 'e2e-single');
  await production(() => build({ mode: 'single', logLevel: 'error', build: { outDir } }));
  return join(outDir, 'front-door.html');
}

/** Builds the hosted site into a folder; `date` stands for the day of the build (a different date is a different build). */
export async function buildHosted(name: string, date?: string): Promise<string> {
  const outDir = join(process.cwd(), 'test-artifacts', name);
  const saved = process.env.SOURCE_DATE_EPOCH;
  if (date) process.env.SOURCE_DATE_EPOCH = String(Date.parse(`${date}T12:00:00Z`) / 1000);
  try {
    await production(() => build({ logLevel: 'error', build: { outDir, emptyOutDir: true } }));
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  return outDir;
}

/** Serves a build with `vite preview` (and the config's security headers) on a given or free port. */
export async function serve(outDir: string, port = 0): Promise<{ server: PreviewServer; url: string; port: number }> {
  const server = await preview({ logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/`, port: address.port };
}

/** Stops a preview server and waits until its port is free. */
export function stop(server: PreviewServer | undefined): Promise<void> {
  return new Promise<void>((r) => {
    if (!server) return r();
    (server.httpServer as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.httpServer.close(() => r());
  });
}
