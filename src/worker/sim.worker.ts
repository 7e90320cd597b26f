/// <reference lib="webworker" />
import { runReplication } from '../sim/batch.ts';
import { handleWorkerMessage } from './handler.ts';
import { workerTemplates } from './templateStore.ts';

/**
 * The simulation worker: one replication or one warm-start template per message, answered with
 * the protocol's reply. The worker lives as long as the page's pool, so its templates (and its
 * compiled code) serve later runs.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<unknown>) => {
  const reply = handleWorkerMessage(event.data, runReplication, () => performance.now(), workerTemplates);
  // A template's numbers move to the page as a block, not copied.
  scope.postMessage(reply, reply.type === 'template' ? [reply.warmState.values.buffer] : []);
};
