import { build, preview, type PreviewServer } from 'vite';

/**
 * The trainer's e2e server: the app built into its own folder (not dist/, which the workspace's
 * e2e suite rebuilds, possibly at the same time) and served with Vite's preview server.
 */
export const TRAINER_DIST = 'node_modules/.tmp/trainer-e2e-dist';

/** Builds the app into TRAINER_DIST and serves it on 127.0.0.1 at a free port. */
export async function buildAndServeTrainer(): Promise<{ server: PreviewServer; url: string }> {
  await build({ logLevel: 'error', build: { outDir: TRAINER_DIST, emptyOutDir: true } });
  const server = await preview({ logLevel: 'error', build: { outDir: TRAINER_DIST }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}
