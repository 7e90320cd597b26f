import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { pathwayGraph } from '../../models/graph.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { createRun } from '../../src/sim/engine.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { replicationSeed } from '../../src/sim/rng.ts';
import { warmStateFor } from '../../src/sim/warmStart.ts';
import { createTrainerHandler } from '../../src/worker/trainer.worker.ts';
import { TrainerMessage, type FrameMessage, type JourneyMessage, type ReadyMessage } from '../../src/worker/trainerProtocol.ts';
import { small, smallScenario } from '../fixtures/small.ts';

/**
 * The trainer worker's session, run in-process: every message it sends passes the protocol, and
 * what it reports (open cases, counters, a followed child's records, the final metrics) agrees
 * with an independent run of the engine on the same replication seed.
 */
const DAYS = 60;
const WARMUP = 10;
const SEED = 7;
const REP = 2;

function session() {
  const out: TrainerMessage[] = [];
  const handle = createTrainerHandler((m) => out.push(TrainerMessage.parse(m)));
  return {
    out,
    handle,
    last: <T extends TrainerMessage['type']>(type: T) => out.filter((m) => m.type === type).at(-1) as Extract<TrainerMessage, { type: T }>,
  };
}

function reference(untilHours: number) {
  const records: SimRecord[] = [];
  // As the trainer runs it: the warm-up, then DAYS measured, from the batch's warm state.
  const run = createRun(smallScenario, {
    days: WARMUP + DAYS,
    warmupDays: WARMUP,
    seed: replicationSeed(SEED, REP),
    warmStart: warmStateFor(smallScenario, SEED),
    onRecord: (r) => records.push(r),
  });
  run.runUntil(untilHours);
  return { run, records };
}

const start = { type: 'start', runId: 1, scenario: small, days: DAYS, warmupDays: WARMUP, seed: SEED, rep: REP } as const;

describe('trainer worker session', () => {
  it('starts with the machine’s states, in the pathway graph’s order, and a first frame holding the warm start’s cases', () => {
    const s = session();
    s.handle(start);
    const ready = s.last('ready') as ReadyMessage;
    expect(ready.nodes).toEqual(pathwayGraph(caseJourneyMachine).nodes.map((n) => n.key));
    expect(ready.seed).toBe(replicationSeed(SEED, REP));
    expect(ready.endHours).toBe((WARMUP + DAYS) * 24);
    const frame = s.last('frame') as FrameMessage;
    expect(frame.now).toBe(0);
    const { run } = reference(0);
    expect(frame.cases.id.length).toBe(run.openCases().length);
    expect(frame.cases.id.length).toBeGreaterThan(0);
  });

  it('after advancing, reports exactly the open cases and states of an independent run to the same hour', () => {
    const s = session();
    s.handle(start);
    s.handle({ type: 'advance', runId: 1, toHours: 10 * 24 });
    s.handle({ type: 'advance', runId: 1, toHours: 20.5 * 24 });
    const ready = s.last('ready');
    const frame = s.last('frame');
    const { run, records } = reference(20.5 * 24);
    const expected = run
      .openCases()
      .map((c) => `${c.id}:${c.state}:${c.child}:${Math.round(c.trueNeed)}:${c.agency}`)
      .sort();
    const got = Array.from(
      frame.cases.id,
      (id, i) => `${id}:${ready.nodes[frame.cases.node[i]!]}:${frame.cases.child[i]}:${frame.cases.need[i]}:${frame.cases.agency[i]}`,
    ).sort();
    expect(got).toEqual(expected);
    expect(frame.now).toBe(run.now);
    // Counters: cases in each node now, and every contact entered "contact received".
    const now = new Map<string, number>();
    for (const c of run.openCases()) now.set(c.state, (now.get(c.state) ?? 0) + 1);
    ready.nodes.forEach((k, i) => expect(frame.nodeNow[i]).toBe(now.get(k) ?? 0));
    expect(frame.nodeEntered[ready.nodes.indexOf('contactReceived')]).toBe(records.filter((r) => r.kind === 'contact').length);
    const closedTotal = records.filter((r) => r.kind === 'closed').length;
    expect(frame.nodeEntered[ready.nodes.indexOf('closed')]).toBe(closedTotal);
    const closedEdges = ready.moves.map(([, b], i) => (ready.nodes[b] === 'closed' ? frame.edgeCounts[i]! : 0)).reduce((a, b) => a + b, 0);
    expect(closedEdges).toBe(closedTotal);
  });

  it('reports closures since the previous frame, with the state each case closed from', () => {
    const s = session();
    s.handle(start);
    s.handle({ type: 'advance', runId: 1, toHours: 5 * 24 });
    s.handle({ type: 'advance', runId: 1, toHours: 6 * 24 });
    const frame = s.last('frame');
    const { records } = reference(6 * 24);
    const closedInSlice = records.filter((r) => r.kind === 'closed' && r.t > 5 * 24).map((r) => (r as { caseId: number }).caseId);
    expect([...frame.closed.id].sort((a, b) => a - b)).toEqual(closedInSlice.sort((a, b) => a - b));
    expect(frame.news.closed).toBe(closedInSlice.length);
    const ready = s.last('ready');
    for (const n of frame.closed.node) expect(ready.nodes[n]).not.toBe('closed');
  });

  it('a step runs events until a case moves, and lists the moves it made', () => {
    const s = session();
    s.handle(start);
    s.handle({ type: 'advance', runId: 1, toHours: 3 * 24 });
    const before = s.last('frame');
    s.handle({ type: 'step', runId: 1 });
    const after = s.last('frame');
    const ready = s.last('ready');
    expect(after.moves.length).toBeGreaterThan(0);
    expect(after.events).toBeGreaterThan(before.events);
    for (const m of after.moves) expect(ready.moves).toContainEqual([m.from, m.to]);
    const total = (f: FrameMessage) => f.edgeCounts.reduce((a, b) => a + b, 0);
    expect(total(after) - total(before)).toBe(after.moves.length);
  });

  it('a followed child’s journey is exactly that child’s records so far, and grows as the run goes on', () => {
    const s = session();
    s.handle(start);
    s.handle({ type: 'advance', runId: 1, toHours: 15 * 24 });
    const frame = s.last('frame');
    const child = frame.cases.child[0]!;
    s.handle({ type: 'follow', runId: 1, child });
    const first = s.last('journey') as JourneyMessage;
    const { records } = reference(15 * 24);
    const caseIds = new Set(
      records.filter((r) => (r.kind === 'contact' || r.kind === 'carriedOver') && r.child === child).map((r) => (r as { caseId: number }).caseId),
    );
    const mine = records.filter((r) => 'caseId' in r && caseIds.has(r.caseId));
    expect(first.child).toBe(child);
    expect(first.records).toEqual(mine);
    s.handle({ type: 'advance', runId: 1, toHours: (WARMUP + DAYS) * 24 });
    const later = s.last('journey');
    expect(later.records.length).toBeGreaterThanOrEqual(first.records.length);
    expect(later.records.slice(0, first.records.length)).toEqual(first.records);
  });

  it('at the end, sends the run’s metrics once, equal to runReplication on the same replication', () => {
    const s = session();
    s.handle(start);
    for (let d = 7; d <= WARMUP + DAYS + 7; d += 7) s.handle({ type: 'advance', runId: 1, toHours: d * 24 });
    const frames = s.out.filter((m): m is FrameMessage => m.type === 'frame');
    const withMetrics = frames.filter((f) => f.metrics);
    expect(withMetrics).toHaveLength(1);
    expect(frames.at(-1)!.done).toBe(true);
    const expected = runReplication(smallScenario, { days: DAYS, warmupDays: WARMUP, seed: SEED, rep: REP });
    expect(withMetrics[0]!.metrics).toEqual(expected.metrics);
  });

  it('offers stories: children who came back after closure with unmet need, bounced back, or were screened twice', () => {
    const s = session();
    s.handle(start);
    s.handle({ type: 'advance', runId: 1, toHours: DAYS * 24 });
    const stories = s.out.filter((m): m is FrameMessage => m.type === 'frame' && !!m.stories).at(-1)!.stories!;
    const kinds = new Set(stories.map((x) => x.kind));
    expect(kinds.has('screenedAgain')).toBe(true);
    expect(kinds.has('returnedForReclassification')).toBe(true);
    for (const k of kinds) expect(stories.filter((x) => x.kind === k).length).toBeLessThanOrEqual(3);
  });

  it('restarting on the same seed gives the same frames', () => {
    const a = session();
    const b = session();
    for (const s of [a, b]) {
      s.handle(start);
      s.handle({ type: 'advance', runId: 1, toHours: 12 * 24 });
    }
    a.handle({ ...start, runId: 2 });
    a.handle({ type: 'advance', runId: 2, toHours: 12 * 24 });
    expect([...a.last('frame').cases.id]).toEqual([...b.last('frame').cases.id]);
    expect([...a.last('frame').nodeEntered]).toEqual([...b.last('frame').nodeEntered]);
  });

  it('answers bad messages, bad scenarios and stale runs with a failure instead of throwing', () => {
    const s = session();
    s.handle({ type: 'launch' });
    expect(s.last('failed').message).toMatch(/does not understand/);
    s.handle({ ...start, scenario: { ...small, dutyTeams: [] } });
    expect(s.last('failed').message).toMatch(/dutyTeams/);
    s.handle(start);
    s.handle({ type: 'advance', runId: 9, toHours: 24 });
    expect(s.last('failed')).toMatchObject({ runId: 9, message: expect.stringMatching(/not the current run/) });
  });
});
