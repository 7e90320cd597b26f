/// <reference lib="webworker" />
import { runReplication } from '../sim/batch.ts';
import { handleWorkerMessage } from './handler.ts';

/** The simulation worker: one replication per message, answered with the protocol's reply. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<unknown>) => {
  scope.postMessage(handleWorkerMessage(event.data, runReplication, () => performance.now()));
};
