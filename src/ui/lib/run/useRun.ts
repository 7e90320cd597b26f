import { useActorRef, useSelector } from '@xstate/react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { runMachine } from './runMachine.ts';

export type RunActor = ActorRefFrom<typeof runMachine>;
type RunSnapshot = SnapshotFrom<typeof runMachine>;

/** Two snapshots that differ at most in their progress (the page need not redraw for that). */
function sameButProgress(a: RunSnapshot, b: RunSnapshot): boolean {
  if (a === b) return true;
  if (a.value !== b.value) return false;
  const x = a.context;
  const y = b.context;
  return (
    x.job === y.job &&
    x.result === y.result &&
    x.resultJob === y.resultJob &&
    x.error === y.error &&
    x.startedAt === y.startedAt &&
    x.finishedAt === y.finishedAt
  );
}

/**
 * A run machine whose snapshot changes for the page only when something other than progress
 * changes. Progress arrives after every replication; redrawing the whole workspace (editor,
 * results, capacity) for it blocked the main thread for hundreds of milliseconds during a batch.
 * The status line subscribes to progress itself (RunStatus's `actor`).
 */
export function useRun(): [RunSnapshot, RunActor['send'], RunActor] {
  const actor = useActorRef(runMachine);
  const snapshot = useSelector(actor, (s) => s, sameButProgress);
  return [snapshot, actor.send, actor];
}

/** The live progress of a run, for the status line only. */
export function useRunProgress(actor: RunActor | undefined) {
  return useSelector(actor ?? NO_ACTOR, (s) => (s as RunSnapshot | undefined)?.context.progress ?? null);
}

// useSelector needs an actor; a run that is not passed in has no live progress.
const NO_ACTOR = { getSnapshot: () => undefined, subscribe: () => ({ unsubscribe: () => {} }) } as unknown as RunActor;
