import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { runMachine, type RunJob } from '../../src/ui/lib/run/runMachine.ts';
import { RunCancelled } from '../../src/worker/pool.ts';
import { reusedNote } from '../../src/ui/lib/run/RunControls.tsx';

/** A job that reports progress and finishes when told to; records whether it was aborted. */
function controllableJob(key: string) {
  const state = { aborted: false, finish: (_v: unknown) => {}, fail: (_e: Error) => {}, progress: (_d: number) => {} };
  const job: RunJob = {
    description: key,
    inputKey: key,
    start: (signal, onProgress) =>
      new Promise((resolve, reject) => {
        signal.addEventListener('abort', () => {
          state.aborted = true;
          reject(new RunCancelled());
        });
        state.finish = resolve;
        state.fail = reject;
        state.progress = (done) => onProgress({ done, total: 10, lastReplicationMs: 5 });
      }),
  };
  return { job, state };
}

describe('run machine', () => {
  it('goes running → done, keeping progress and the result with the job that made it', async () => {
    const actor = createActor(runMachine).start();
    const { job, state } = controllableJob('a');
    actor.send({ type: 'RUN', job, now: 0 });
    expect(actor.getSnapshot().value).toBe('running');
    state.progress(3);
    expect(actor.getSnapshot().context.progress?.done).toBe(3);
    state.finish({ answer: 42 });
    await waitFor(actor, (s) => s.matches('done'));
    expect(actor.getSnapshot().context).toMatchObject({ result: { answer: 42 }, resultJob: { inputKey: 'a' }, error: null });
  });

  it('cancel aborts the job and keeps the previous result', async () => {
    const actor = createActor(runMachine).start();
    const first = controllableJob('first');
    actor.send({ type: 'RUN', job: first.job, now: 0 });
    first.state.finish('old result');
    await waitFor(actor, (s) => s.matches('done'));
    const second = controllableJob('second');
    actor.send({ type: 'RUN', job: second.job, now: 1 });
    actor.send({ type: 'CANCEL' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(second.state.aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(actor.getSnapshot().context.result).toBe('old result');
    expect(actor.getSnapshot().context.error).toBeNull();
  });

  it('a new run replaces one under way: the old job is aborted and its late result ignored', async () => {
    const actor = createActor(runMachine).start();
    const a = controllableJob('a');
    const b = controllableJob('b');
    actor.send({ type: 'RUN', job: a.job, now: 0 });
    actor.send({ type: 'RUN', job: b.job, now: 1 });
    expect(a.state.aborted).toBe(true);
    a.state.finish('stale');
    b.state.finish('fresh');
    await waitFor(actor, (s) => s.matches('done'));
    expect(actor.getSnapshot().context.result).toBe('fresh');
  });

  it('a failure is reported with its message', async () => {
    const actor = createActor(runMachine).start();
    const { job, state } = controllableJob('a');
    actor.send({ type: 'RUN', job, now: 0 });
    state.fail(new Error('a simulation worker stopped unexpectedly'));
    await waitFor(actor, (s) => s.matches('failed'));
    expect(actor.getSnapshot().context.error).toBe('a simulation worker stopped unexpectedly');
  });
});

describe('the status line on replications computed before Run was pressed', () => {
  it('says nothing when the run computed them all, how many otherwise, and that the numbers are a fresh run’s when all were', () => {
    expect(reusedNote(null)).toBe('');
    expect(reusedNote({ done: 20, total: 20, lastReplicationMs: 90 })).toBe('');
    expect(reusedNote({ done: 20, total: 20, lastReplicationMs: 90, reused: 0 })).toBe('');
    expect(reusedNote({ done: 20, total: 20, lastReplicationMs: 90, reused: 12 })).toBe(' 12 of the 20 replications had been computed before you pressed Run.');
    expect(reusedNote({ done: 20, total: 20, lastReplicationMs: 0, reused: 20 })).toMatch(
      /^ All had been computed before you pressed Run .*the same numbers a fresh run gives\.$/,
    );
  });
});
