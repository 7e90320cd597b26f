import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { chooseInitialScenario } from './ui/initialScenario.ts';
import { DEFAULT_PRESET_ID, PRESETS } from './scenario/presets.ts';
import './ui/styles.css';
import { createWorkerRunner } from './worker/client.ts';
import { IS_SINGLE_FILE } from './offline/buildInfo.ts';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { UpdateNotice } from './ui/features/offline/UpdateNotice.tsx';

/** Starts the workspace: the opening scenario comes from the link, this browser, or the default preset. */
function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = storageOrNull();
const initial = chooseInitialScenario({ hash: location.hash, store: storage, presets: PRESETS, defaultId: DEFAULT_PRESET_ID });
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App presets={PRESETS} initial={initial} runner={createWorkerRunner()} storage={storage} />
    <UpdateNotice />
  </StrictMode>,
);
// Offline use and updates of the hosted build (never in the dev server or the single file).
void registerServiceWorker({ enabled: import.meta.env.PROD && !IS_SINGLE_FILE });
