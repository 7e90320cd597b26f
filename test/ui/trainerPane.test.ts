import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { entryRoutesOf } from '../../models/caseJourney.rules.ts';
import { pathwayGraph, reachedBy } from '../../models/graph.ts';
import { getPreset } from '../../src/scenario/presets.ts';
import { runBatch } from '../../src/sim/batch.ts';
import { needLevel } from '../../src/ui/features/trainer/encoding.ts';
import { layoutPathway } from '../../src/ui/features/trainer/layout.ts';
import { PaneController, type WorkerPort } from '../../src/ui/features/trainer/paneController.ts';
import { placeReplication, sameAsBatch, ordinal } from '../../src/ui/features/trainer/replication.ts';
import { defaultComparison, singleFrontDoorOf, trainerScenarios } from '../../src/ui/features/trainer/scenarios.ts';
import { shortcutFor } from '../../src/ui/features/trainer/shortcuts.ts';
import { createTrainerHandler } from '../../src/worker/trainer.worker.ts';
import type { EncodedWarmState } from '../../src/sim/warmStateCodec.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { smallScenario } from '../fixtures/small.ts';

/**
 * The page side of the trainer: a pane driven by the real worker handler (in-process, answering
 * asynchronously as a worker does), the placement of a replication in its batch, the scenarios
 * offered, and the keyboard shortcuts' manners.
 */
const graph = pathwayGraph(caseJourneyMachine);
const layout = layoutPathway(graph);
const settings = { days: 40, warmupDays: 5, seed: 3, rep: 1 };

function inProcessWorker(): WorkerPort {
  const port: WorkerPort = { onmessage: null, postMessage: (m) => setTimeout(() => handle(m), 0), terminate: () => {} };
  const handle = createTrainerHandler((message) => setTimeout(() => port.onmessage?.({ data: message }), 0));
  return port;
}

function pane() {
  let t = 0;
  return new PaneController(
    inProcessWorker,
    layout,
    () => (t += 16),
    (n, s) => needLevel(n, s.need),
    smallScenario,
    settings,
  );
}

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 2000; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('a trainer pane', () => {
  it('draws a MASH on the diagram of its own front door: every open case in a box of the stages it reaches', async () => {
    const mash = getPreset('kent-2010-mash')!;
    const own = layoutPathway(reachedBy(graph, entryRoutesOf(mash.frontDoor)));
    expect(own.nodes.some((b) => b.node.stage === 'contactCentre')).toBe(false);
    let t = 0;
    const p = new PaneController(
      inProcessWorker,
      layout,
      () => (t += 16),
      (n, s) => needLevel(n, s.need),
      mash,
      settings,
    );
    p.drawOn(own);
    p.start(mash, settings);
    await until(() => p.idle, 'ready');
    expect(p.getSnapshot().status).toBe('running');
    p.advanceTo(24 * 5);
    await until(() => p.idle, 'first slice');
    const s = p.getSnapshot();
    const drawn = new Set(own.nodes.map((b) => b.node.key));
    s.nodeNow.forEach((n, i) => {
      if (n > 0) expect(drawn.has(s.nodes[i]!), s.nodes[i]).toBe(true);
    });
    expect(p.field!.dots.size).toBe(s.nodeNow.reduce((a, b) => a + b, 0));
    p.dispose();
  });

  it('starts from the workspace pool’s template when given one; what is asked meanwhile waits behind the start', async () => {
    const own = { ...settings, seed: 9001 };
    const openAtStart = async (p: PaneController) => {
      await until(() => p.idle, 'ready');
      expect(p.getSnapshot().status).toBe('running');
      return p.getSnapshot().nodeNow.reduce((a, b) => a + b, 0);
    };
    // Building its own template, the run starts with the cases it carries over.
    const builds = pane();
    builds.start(smallScenario, own);
    expect(await openAtStart(builds)).toBeGreaterThan(0);
    builds.dispose();

    const p = pane();
    const asked: number[] = [];
    const gives: ((warm: EncodedWarmState | null) => void)[] = [];
    p.templateFor = (_scenario, seed) => (asked.push(seed), new Promise((resolve) => gives.push(resolve)));
    p.start(smallScenario, own);
    // A restart before the first template arrives replaces it; a follow asked meanwhile is not lost.
    p.start(smallScenario, own);
    p.follow(0);
    await new Promise((r) => setTimeout(r, 10));
    expect(p.getSnapshot().status).toBe('starting');
    expect(asked).toEqual([9001, 9001]);
    const empty: EncodedWarmState = { snapshots: 1, months: 12, states: [], values: new Float64Array(0) };
    gives[0]!(null); // the replaced start: ignored
    gives[1]!(empty);
    // The pool's (empty) template was used: nothing is carried over.
    expect(await openAtStart(p)).toBe(0);
    expect(p.getSnapshot().error).toBeNull();
    p.dispose();
  });

  it('starts, advances only when asked and one request at a time, and draws one dot per open case', async () => {
    const p = pane();
    let notified = 0;
    p.subscribe(() => notified++);
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready');
    expect(p.getSnapshot().nodes).toEqual(graph.nodes.map((n) => n.key));
    expect(p.advanceTo(24 * 10)).toBe(true);
    expect(p.advanceTo(24 * 11)).toBe(false);
    await until(() => p.idle, 'first slice');
    const s = p.getSnapshot();
    expect(s.now).toBe(240);
    const open = s.nodeNow.reduce((a, b) => a + b, 0);
    expect(open).toBeGreaterThan(50);
    expect(p.field!.dots.size).toBe(open);
    expect(s.needCounts.reduce((a, b) => a + b, 0)).toBe(open);
    expect(s.totals.contacts).toBe(s.nodeEntered[s.nodes.indexOf('contactReceived')]);
    p.flush(true);
    expect(notified).toBeGreaterThan(0);
    p.dispose();
  });

  it('steps one event that moves a case, follows a child, and restarts on the same seed to the same state', async () => {
    const p = pane();
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready');
    p.advanceTo(24 * 3);
    await until(() => p.idle, 'slice');
    const before = p.getSnapshot();
    expect(p.step()).toBe(true);
    await until(() => p.idle, 'step');
    const after = p.getSnapshot();
    expect(after.lastMoves.length).toBeGreaterThan(0);
    expect(after.now).toBeGreaterThanOrEqual(before.now);
    const child = after.lastMoves[0]!.child;
    p.follow(child);
    await until(() => p.getSnapshot().journey?.child === child, 'journey');
    expect(p.getSnapshot().journey!.records.some((r) => r.kind === 'contact')).toBe(true);
    const ids = [...p.field!.dots.keys()].sort();
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready again');
    p.advanceTo(24 * 3);
    await until(() => p.idle, 'slice again');
    p.step();
    await until(() => p.idle, 'step again');
    expect([...p.field!.dots.keys()].sort()).toEqual(ids);
    p.dispose();
  });

  it('runs to the end and reports the run’s metrics', async () => {
    const p = pane();
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready');
    p.advanceTo((settings.warmupDays + settings.days) * 24);
    await until(() => p.getSnapshot().done, 'end');
    expect(p.getSnapshot().metrics).not.toBeNull();
    const batch = runBatch(smallScenario, { days: settings.days, warmupDays: settings.warmupDays, reps: 3, seed: settings.seed });
    expect(sameAsBatch(p.getSnapshot().metrics!, batch, settings.rep)).toBe(true);
    expect(sameAsBatch(p.getSnapshot().metrics!, batch, 0)).toBe(false);
    p.dispose();
  });

  it('survives a worker crash: it says so, and Restart starts a fresh worker', async () => {
    const made: WorkerPort[] = [];
    const create = () => {
      const w = inProcessWorker();
      made.push(w);
      return w;
    };
    const p = new PaneController(
      create,
      layout,
      () => 0,
      (n, s) => needLevel(n, s.need),
      smallScenario,
      settings,
    );
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready');
    made[0]!.onerror?.({ message: 'out of memory' });
    expect(p.getSnapshot()).toMatchObject({ status: 'failed', error: expect.stringMatching(/worker stopped: out of memory/) });
    expect(p.advanceTo(24)).toBe(false);
    p.start(smallScenario, settings);
    await until(() => p.idle, 'ready after restart');
    expect(made).toHaveLength(2);
    expect(p.getSnapshot().status).toBe('running');
    p.dispose();
  });
});

describe('placing the animated replication in its batch', () => {
  const batch = runBatch(smallScenario, { days: 40, warmupDays: 5, reps: 5, seed: 9 });
  it('gives its value, the batch interval, range and rank, and says where it sits', () => {
    for (const r of placeReplication(batch, 2)) {
      expect(r.value).toBe(batch.replications[2]!.metrics[r.metric]);
      expect(r.ci95).toEqual(batch.metrics[r.metric].ci95);
      expect(r.min).toBeLessThanOrEqual(r.value);
      expect(r.max).toBeGreaterThanOrEqual(r.value);
      expect(r.rank).toBeGreaterThanOrEqual(1);
      expect(r.rank).toBeLessThanOrEqual(5);
      expect(r.position).toBe(r.value < r.ci95[0] ? 'below' : r.value > r.ci95[1] ? 'above' : 'inside');
    }
    expect(() => placeReplication(batch, 9)).toThrow(/not in the batch/);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']);
  });
});

describe('scenarios offered', () => {
  it('puts Kent 2010 beside its own single front door by default', () => {
    const list = trainerScenarios(PRESETS);
    expect(defaultComparison(getPreset('kent-2010')!, list).id).toBe('kent-2010-single-front-door');
  });

  it('derives a single qualified front door when no preset has one', () => {
    const list = trainerScenarios(PRESETS.filter((s) => s.frontDoor.structure !== 'singleQualified'));
    const derived = list.find((s) => s.frontDoor.structure === 'singleQualified')!;
    expect(derived).toEqual(singleFrontDoorOf(list.find((s) => s.frontDoor.structure === 'contactCentre')!));
    expect(derived.frontDoor.unqualifiedScreeners).toBe(0);
  });
});

describe('keyboard shortcuts', () => {
  const el = (tagName: string, role?: string) =>
    ({ tagName, isContentEditable: false, getAttribute: (a: string) => (a === 'role' ? (role ?? null) : null) }) as unknown as EventTarget;
  const key = (k: string, target = el('DIV'), mods = {}) => shortcutFor({ key: k, ctrlKey: false, altKey: false, metaKey: false, target, ...mods });
  it('maps single keys to actions, in either case', () => {
    expect(key('k')).toBe('playPause');
    expect(key(' ')).toBe('playPause');
    expect(key('S')).toBe('step');
    expect(key('=')).toBe('faster');
    expect(key('?')).toBe('help');
    expect(key('x')).toBeNull();
  });
  it('never acts while typing or choosing, with modifiers, or on Space/Enter over a button', () => {
    expect(key('k', el('INPUT'))).toBeNull();
    expect(key('k', el('SELECT'))).toBeNull();
    expect(key('k', el('TEXTAREA'))).toBeNull();
    expect(key('r', el('DIV'), { ctrlKey: true })).toBeNull();
    expect(key(' ', el('BUTTON'))).toBeNull();
    expect(key(' ', el('g', 'button'))).toBeNull();
    expect(key('k', el('BUTTON'))).toBe('playPause');
  });
});
