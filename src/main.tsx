import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { openInitialScenario } from './ui/initialScenario.ts';
import { openLibrary } from './ui/features/library/openLibrary.ts';
import { DEFAULT_PRESET_ID, PRESETS } from './scenario/presets.ts';
import './ui/styles.css';
import { createWorkerRunner, defaultPoolSize } from './worker/client.ts';
import { indexedDbResultStore, storesInOrder } from './worker/resultStore.ts';
import { shippedResultStore } from './worker/shippedRuns.ts';
import { CODE_DIGEST, EMBEDDED_RUN, IS_SINGLE_FILE, SHIPPED_RUNS } from './offline/buildInfo.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { UpdateNotice } from './ui/features/offline/UpdateNotice.tsx';

/** Starts the workspace: the opening scenario comes from the link, this browser's library, or the default preset. */
function storageOrNull(name: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[name];
  } catch {
    return null;
  }
}

const legacy = storageOrNull('localStorage');
const session = storageOrNull('sessionStorage');
const { library, notices } = await openLibrary(legacy);
const initial = await openInitialScenario({ hash: location.hash, library, legacy, session, presets: PRESETS, defaultId: DEFAULT_PRESET_ID });
initial.library.notices = [...notices, ...initial.library.notices];
// Replications are kept between visits in a build of the hosted site only: vite.config.ts leaves
// the digest empty elsewhere (the dev server's code changes under it, and the single file, opened
// from disk, has no origin of its own). Before computing, the pool also looks among the runs the
// build shipped: every preset at the default settings (src/worker/shippedRuns.ts).
const fetchShipped = (name: string) => fetch(new URL(`runs/${name}.json`, document.baseURI)).then((r) => (r.ok ? r.json() : null));
// The single file keeps nothing, but carries the default preset's run in its code (DESIGN 76).
const embedded = EMBEDDED_RUN;
const keptRuns = CODE_DIGEST
  ? storesInOrder(indexedDbResultStore(CODE_DIGEST), shippedResultStore(CODE_DIGEST, new Set(SHIPPED_RUNS), fetchShipped))
  : embedded
    ? shippedResultStore(embedded.code, new Set([embedded.name]), async () => JSON.parse(embedded.json) as unknown)
    : null;
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App presets={PRESETS} initial={initial} runner={createWorkerRunner(defaultPoolSize(), keptRuns)} session={session} local={legacy} />
    <UpdateNotice />
  </StrictMode>,
);
// Offline use and updates of the hosted build (never in the dev server or the single file).
void registerServiceWorker({ enabled: import.meta.env.PROD && !IS_SINGLE_FILE });
