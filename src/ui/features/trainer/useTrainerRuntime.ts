import { useCallback, useEffect, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import type { PathwayGraph } from '../../../../models/graph.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { EncodedWarmState } from '../../../sim/warmStateCodec.ts';
import { drawField, SpriteCache, type DotsShow } from './draw.ts';
import { needLevel } from './encoding.ts';
import type { PathwayLayout } from './layout.ts';
import { clockLabel, describeMoves, describeNews } from './narration.ts';
import { PaneController, type TrainerRunSettings, type WorkerPort } from './paneController.ts';
import { glideMs, SPEEDS, STEP_INTERVAL_MS, steppedHours } from './speeds.ts';
import { startTrainerWorker } from '../../../worker/spawn.ts';

/**
 * The trainer's runtime: one pane per scenario on screen (each with its worker), a shared
 * simulated clock, and one requestAnimationFrame loop that advances the panes, draws their dots
 * and publishes counters. The simulation runs in the workers; this loop only asks for slices and
 * interpolates. Everything the loop reads comes through a ref, so React renders stay rare.
 */

export interface RuntimeInputs {
  /** Each pane's diagram (its front door's stages); a pane without its own uses the first. */
  layouts: readonly PathwayLayout[];
  /** The whole machine's graph (labels for any state). */
  graph: PathwayGraph;
  scenarios: readonly Scenario[];
  settings: TrainerRunSettings;
  playing: boolean;
  motion: 'smooth' | 'stepped';
  speed: number;
  followed: number | null;
  focusAgency: number | null;
  focusNeed: number | null;
  /** What the dots show (default both). */
  dotsShow?: DotsShow;
  ringCameBack: boolean;
  /** Bumped to restart on the same seed. */
  restartToken: number;
  setPlaying: (p: boolean) => void;
  announce: (text: string) => void;
  follow: (child: number | null) => void;
  /**
   * The workspace pool's warm-start templates (client.ts `template`), so a pane's worker starts
   * from the pool's copy instead of building its own; absent, each worker builds it.
   */
  templateFor?: ((scenario: Scenario, seed: number) => Promise<EncodedWarmState | null>) | undefined;
}

/** Frames per second of the drawing loop, over the last whole second. */
export interface FrameStats {
  fps: number;
  dotsDrawn: number;
}

const bandOf = (need: number, s: Scenario) => needLevel(need, s.need);

/** Pane `i`'s diagram. */
const layoutOf = (inputs: RuntimeInputs, i: number): PathwayLayout => inputs.layouts[i] ?? inputs.layouts[0]!;

function defaultWorker(): WorkerPort {
  return startTrainerWorker() as unknown as WorkerPort;
}

export function useTrainerRuntime(inputs: RuntimeInputs, createWorker: () => WorkerPort = defaultWorker) {
  const ref = useRef(inputs);
  useLayoutEffect(() => {
    ref.current = inputs;
  });
  const [panes] = useState(() =>
    [0, 1].map((i) => {
      const pane = new PaneController(
        createWorker,
        layoutOf(inputs, i),
        () => performance.now(),
        bandOf,
        inputs.scenarios[i] ?? inputs.scenarios[0]!,
        inputs.settings,
      );
      pane.templateFor = (scenario, seed) => ref.current.templateFor?.(scenario, seed) ?? Promise.resolve(null);
      return pane;
    }),
  );
  const canvases = useRef<(HTMLCanvasElement | null)[]>([null, null]);
  const clock = useRef({ target: 0, lastStepAt: -Infinity, stepping: false, narrateFrom: -1, wasPlaying: false, pausing: false });
  const stats = useRef<FrameStats>({ fps: 0, dotsDrawn: 0 });
  const rootRef = useRef<HTMLElement | null>(null);

  // (Re)start a pane when what it runs changes, or on restart; turning the second pane on or off
  // leaves the first running (the second catches up with the shared clock).
  const keyA = JSON.stringify([inputs.scenarios[0]?.id, inputs.settings, inputs.restartToken]);
  const keyB = inputs.scenarios[1] ? JSON.stringify([inputs.scenarios[1].id, keyA]) : null;
  useEffect(() => {
    const { scenarios, settings } = ref.current;
    panes[0]!.drawOn(layoutOf(ref.current, 0));
    panes[0]!.start(scenarios[0]!, settings);
    clock.current = { target: 0, lastStepAt: -Infinity, stepping: false, narrateFrom: -1, wasPlaying: false, pausing: false };
  }, [keyA, panes]);
  useEffect(() => {
    const { scenarios, settings } = ref.current;
    if (keyB === null) return;
    panes[1]!.drawOn(layoutOf(ref.current, 1));
    panes[1]!.start(scenarios[1]!, settings);
  }, [keyB, panes]);

  useEffect(() => () => panes.forEach((p) => p.dispose()), [panes]);

  // The animation loop.
  useEffect(() => {
    const sprites = new SpriteCache((w, h) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      return c;
    });
    let raf = 0;
    let last = performance.now();
    let frames = 0;
    let windowStart = last;
    const tick = (t: number) => {
      const dt = Math.min(100, Math.max(0, t - last));
      last = t;
      const inp = ref.current;
      const active = panes.slice(0, inp.scenarios.length);
      const c = clock.current;
      const glide = inp.motion === 'smooth' ? glideMs(inp.speed) : 0;
      for (const p of active) p.glideMs = glide;
      const lead = active[0]!.getSnapshot();
      const end = lead.endHours;
      if (inp.playing) {
        const allIdle = active.every((p) => p.idle || p.getSnapshot().done);
        if (inp.motion === 'smooth') {
          const hours = SPEEDS[inp.speed]!.hours;
          const slowest = Math.min(...active.map((p) => p.getSnapshot().now));
          c.target = Math.max(c.target, Math.min(end, c.target + (hours * dt) / 1000, slowest + hours * 0.5));
        } else if (allIdle && t - c.lastStepAt >= STEP_INTERVAL_MS) {
          c.narrateFrom = lead.now;
          panes.forEach((p) => p.takeNews());
          c.target = Math.min(end, lead.now + steppedHours(inp.speed));
          c.lastStepAt = t;
        }
        if (active.every((p) => p.getSnapshot().done)) {
          inp.setPlaying(false);
          inp.announce(`The run has ended: day ${Math.round(end / 24)} reached.`);
        }
      }
      // Paused: stop where the picture is (the panes finish only the slice in flight), then say where.
      if (!inp.playing && c.wasPlaying && !lead.done) {
        c.target = Math.min(c.target, Math.max(...active.map((p) => p.getSnapshot().now)));
        c.pausing = true;
      }
      c.wasPlaying = inp.playing;
      if (c.pausing && active.every((p) => p.idle || p.getSnapshot().done)) {
        c.pausing = false;
        if (!inp.playing) inp.announce(`Paused at ${clockLabel(Math.max(...active.map((p) => p.getSnapshot().now)))}.`);
      }
      // A single step has landed: the other pane catches up to it, and the live region says what moved.
      if (c.stepping && (active[0]!.idle || lead.done)) {
        c.stepping = false;
        c.target = Math.max(c.target, lead.now);
        const f = active[0]!.field;
        const find = (id: number) => f?.dots.get(id) ?? f?.fading.find((d) => d.id === id);
        inp.announce(describeMoves(lead.lastMoves, lead.nodes, inp.graph, { need: (id) => find(id)?.need, agency: (id) => find(id)?.agency }, lead.scenario));
      }
      if (!c.stepping) for (const p of active) if (p.getSnapshot().now < c.target) p.advanceTo(c.target);
      // Narrate a stepped slice once every pane has landed.
      if (c.narrateFrom >= 0 && active.every((p) => p.idle || p.getSnapshot().done)) {
        const s = active[0]!.getSnapshot();
        inp.announce(describeNews(c.narrateFrom, s.now, active[0]!.takeNews()));
        c.narrateFrom = -1;
      }
      // Draw.
      let drawn = 0;
      active.forEach((p, i) => {
        const canvas = canvases.current[i];
        const field = p.field;
        if (!canvas || !field) return;
        const cssW = canvas.clientWidth;
        const cssH = canvas.clientHeight;
        const dpr = Math.min(2, window.devicePixelRatio || 1);
        const w = Math.round(cssW * dpr);
        const h = Math.round(cssH * dpr);
        if (canvas.width !== w || canvas.height !== h) {
          canvas.width = w;
          canvas.height = h;
        }
        const ctx = canvas.getContext('2d');
        if (!ctx || w === 0) return;
        const s = p.getSnapshot().scenario;
        drawn += drawField(ctx, field, sprites, {
          scale: cssW / layoutOf(inp, i).width,
          dpr,
          t,
          agencies: s.demand.sources.map((x) => x.agency),
          bandOf: (n) => bandOf(n, s),
          followed: inp.followed,
          focusAgency: inp.focusAgency,
          focusNeed: inp.focusNeed,
          show: inp.dotsShow ?? 'both',
          ringCameBack: inp.ringCameBack,
        });
      });
      for (const p of active) p.flush();
      frames++;
      if (t - windowStart >= 1000) {
        stats.current = { fps: (frames * 1000) / (t - windowStart), dotsDrawn: drawn };
        rootRef.current?.setAttribute('data-fps', stats.current.fps.toFixed(1));
        rootRef.current?.setAttribute('data-dots', String(drawn));
        frames = 0;
        windowStart = t;
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [panes]);

  /** One engine event that moves a case (pauses first). */
  const step = useCallback(() => {
    const inp = ref.current;
    inp.setPlaying(false);
    if (panes[0]!.step()) clock.current.stepping = true;
  }, [panes]);

  /** Follows the case that has been longest in state `key` of pane `i`. */
  const activateNode = useCallback(
    (i: number, key: string) => {
      const p = panes[i]!;
      const idx = p.getSnapshot().nodes.indexOf(key);
      const d = idx >= 0 ? p.field?.firstIn(idx) : null;
      const label = ref.current.graph.nodes.find((n) => n.key === key)?.label ?? key;
      if (d) ref.current.follow(d.child);
      else ref.current.announce(`No case is in ${label} now.`);
    },
    [panes],
  );

  /** A click on pane `i`'s canvas: follow the child under the pointer, else the state under it. */
  const clickCanvas = useCallback(
    (i: number, e: MouseEvent<HTMLCanvasElement>) => {
      const p = panes[i]!;
      const canvas = e.currentTarget;
      const r = canvas.getBoundingClientRect();
      const layout = layoutOf(ref.current, i);
      const k = layout.width / r.width;
      const x = (e.clientX - r.left) * k;
      const y = (e.clientY - r.top) * k;
      const hit = p.field?.hit(x, y, performance.now(), 12);
      if (hit) {
        ref.current.follow(hit.child);
        return;
      }
      const box = layout.nodes.find((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h);
      if (box) activateNode(i, box.node.key);
    },
    [panes, activateNode],
  );

  /** Registers pane `i`'s canvas (a ref callback). */
  const setCanvas = useCallback((i: number, el: HTMLCanvasElement | null) => {
    canvases.current[i] = el;
  }, []);

  return { panes, setCanvas, step, activateNode, clickCanvas, stats, rootRef };
}
