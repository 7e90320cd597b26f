import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { caseJourneyMachine } from '../../../../models/caseJourney.machine.ts';
import { entryRoutesOf } from '../../../../models/caseJourney.rules.ts';
import { inFrameworkWords, pathwayGraph, reachedBy } from '../../../../models/graph.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { createWorkerRunner, type Runner } from '../../../worker/client.ts';
import { DEFAULT_PRESET_ID, PRESETS } from '../../../scenario/presets.ts';
import { CountersTable } from './CountersTable.tsx';
import { FollowPanel } from './FollowPanel.tsx';
import { TRAINER_LAYOUT } from './diagramOptions.ts';
import { layoutPathway } from './layout.ts';
import type { DotsShow } from './draw.ts';
import { Legend } from './Legend.tsx';
import { formatCount } from './narration.ts';
import type { PaneController, WorkerPort } from './paneController.ts';
import { PathwayDiagram, type Highlights } from './PathwayDiagram.tsx';
import { ReplicationPanel } from './ReplicationPanel.tsx';
import { defaultComparison, trainerScenarios } from './scenarios.ts';
import { SHORTCUTS, useShortcuts, type ShortcutAction } from './shortcuts.ts';
import { SPEEDS } from './speeds.ts';
import { TrainerControls } from './TrainerControls.tsx';
import { useBatch, type BatchSettings } from './useBatch.ts';
import { useTrainerRuntime } from './useTrainerRuntime.ts';
import './trainer.css';

/**
 * The trainer view: the referral pathway drawn from the machines, with one replication's cases
 * moving along it, for a room of practitioners. Play, pause, step and restart on the same seed;
 * follow a child; highlight the duplication loops and threshold decisions; compare two front
 * doors side by side on the same seed; present full screen; stepped when motion is reduced.
 */

/** Relative heights of states that hold many cases at once (others are 1). */
const DAYS = 365;
const WARMUP_DAYS = 90;
const REPS = 10;

interface Props {
  /** Scenarios to offer (default: the presets). */
  presets?: readonly Scenario[];
  /** Runs the batch of replications (default: the workspace's worker pool). */
  runner?: Runner;
  /** Creates the trainer's worker (default: src/worker/trainer.worker.ts). */
  createWorker?: () => WorkerPort;
}

function useReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  return useSyncExternalStore(
    (fn) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', fn);
      return () => m.removeEventListener('change', fn);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

function usePane(p: PaneController) {
  return useSyncExternalStore(p.subscribe, p.getSnapshot, p.getSnapshot);
}

export function TrainerView({ presets = PRESETS, runner, createWorker }: Props) {
  const scenarios = useMemo(() => trainerScenarios(presets), [presets]);
  const graph = useMemo(() => pathwayGraph(caseJourneyMachine), []);
  const reduced = useReducedMotion();
  const [motionChoice, setMotion] = useState<'smooth' | 'stepped' | null>(null);
  const motion = motionChoice ?? (reduced ? 'stepped' : 'smooth');
  const [scenarioId, setScenarioId] = useState(() => (scenarios.some((s) => s.id === DEFAULT_PRESET_ID) ? DEFAULT_PRESET_ID : scenarios[0]!.id));
  const [compare, setCompare] = useState(false);
  const [compareId, setCompareId] = useState(
    () =>
      defaultComparison(
        scenarios.find((s) => s.id === scenarioId)!,
        scenarios,
      ).id,
  );
  const [seed, setSeed] = useState(2010);
  const [rep, setRep] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [playing, setPlaying] = useState(false);
  const [highlights, setHighlights] = useState<Highlights>({ loops: false, decisions: false, cameBack: false });
  const [focusAgency, setFocusAgency] = useState<number | null>(null);
  const [focusNeed, setFocusNeed] = useState<number | null>(null);
  // One dimension at a time by default (need as colour): four colours read without narration.
  const [dotsShow, setDotsShow] = useState<DotsShow>('need');
  const [presenting, setPresenting] = useState(false);
  const [shortcutsOn, setShortcutsOn] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [followed, setFollowed] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [restartToken, setRestartToken] = useState(0);

  const shown = useMemo(() => {
    const a = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0]!;
    const b = scenarios.find((s) => s.id === compareId) ?? a;
    return compare ? [a, b] : [a];
  }, [scenarios, scenarioId, compare, compareId]);
  // Each pane draws the stages its front door reaches (a MASH has no contact centre, the others no MASH).
  const graphs = useMemo(() => shown.map((s) => inFrameworkWords(reachedBy(graph, entryRoutesOf(s.frontDoor)), s.assessment.framework)), [graph, shown]);
  const layouts = useMemo(() => graphs.map((g) => layoutPathway(g, TRAINER_LAYOUT)), [graphs]);
  // The counters' labels follow the framework when every scenario shown shares it.
  const counted = useMemo(() => {
    const all = reachedBy(graph, [...new Set(shown.flatMap((s) => entryRoutesOf(s.frontDoor)))]);
    return shown.length > 0 && shown.every((s) => s.assessment.framework === 'wt2013') ? inFrameworkWords(all, 'wt2013') : all;
  }, [graph, shown]);
  const settings = useMemo(() => ({ days: DAYS, warmupDays: WARMUP_DAYS, seed, rep }), [seed, rep]);
  const batchSettings: BatchSettings = useMemo(() => ({ days: DAYS, warmupDays: WARMUP_DAYS, reps: REPS, seed }), [seed]);
  // One pool for the batch and the panes' templates (the panes' workers start from its copies).
  const pool = useMemo(() => runner ?? createWorkerRunner(), [runner]);
  const batch = useBatch(shown, batchSettings, pool);

  const follow = useCallback((child: number | null) => setFollowed(child), []);
  const { panes, setCanvas, step, activateNode, clickCanvas, rootRef } = useTrainerRuntime(
    {
      layouts,
      graph,
      scenarios: shown,
      settings,
      playing,
      motion,
      speed,
      followed,
      focusAgency,
      focusNeed,
      dotsShow,
      ringCameBack: highlights.cameBack,
      restartToken,
      setPlaying,
      announce: setAnnouncement,
      follow,
      templateFor: pool.template,
    },
    createWorker,
  );
  const snapA = usePane(panes[0]!);
  const snapB = usePane(panes[1]!);
  const snaps = compare ? [snapA, snapB] : [snapA];

  // The followed child is followed in every pane (scenarios on one seed share their children).
  useEffect(() => {
    panes.forEach((p) => p.follow(followed));
  }, [followed, panes, restartToken, shown]);

  const restart = useCallback(() => {
    setPlaying(false);
    setRestartToken((t) => t + 1);
    setAnnouncement('Restarted from day 1 on the same seed.');
  }, []);
  const playPause = () => {
    if (!playing)
      setAnnouncement(
        motion === 'smooth'
          ? `Playing at ${SPEEDS[speed]!.smooth}.`
          : `Playing in steps of ${SPEEDS[speed]!.stepped.replace(' per step', '')}, with what each step brought.`,
      );
    setPlaying(!playing);
  };
  const fullScreen = () => {
    const el = rootRef.current;
    setPresenting(true);
    if (el && !document.fullscreenElement && el.requestFullscreen)
      el.requestFullscreen().catch(() => setAnnouncement('Full screen is not available here; presentation mode is on.'));
    else if (document.fullscreenElement) void document.exitFullscreen();
  };
  useEffect(() => {
    const onChange = () => !document.fullscreenElement && setPresenting(false);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Escape leaves presentation mode wherever focus is, shortcuts on or off (after a followed
  // child: the shortcut handler stops following first). Full screen has its own Escape.
  useEffect(() => {
    if (!presenting) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || followed !== null) return;
      setPresenting(false);
      setAnnouncement('Presentation mode off.');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [presenting, followed]);

  const onAction = (a: ShortcutAction) => {
    const flip = (k: keyof Highlights) => setHighlights((h) => ({ ...h, [k]: !h[k] }));
    switch (a) {
      case 'playPause':
        return snapA.done ? undefined : playPause();
      case 'step':
        return step();
      case 'faster':
        return setSpeed((s) => Math.min(SPEEDS.length - 1, s + 1));
      case 'slower':
        return setSpeed((s) => Math.max(0, s - 1));
      case 'restart':
        return restart();
      case 'fullScreen':
        return fullScreen();
      case 'presenting':
        return setPresenting((p) => !p);
      case 'loops':
        return flip('loops');
      case 'decisions':
        return flip('decisions');
      case 'cameBack':
        return flip('cameBack');
      case 'motion':
        return setMotion(motion === 'smooth' ? 'stepped' : 'smooth');
      case 'stopFollowing':
        return followed !== null ? setFollowed(null) : setPresenting(false);
      case 'help':
        return setHelpOpen((o) => !o);
    }
  };
  useShortcuts(rootRef, shortcutsOn, onAction);

  const day = Math.min(WARMUP_DAYS + DAYS, Math.floor(snapA.now / 24) + 1);
  // What the clock is doing; while a pane builds its warm-start template it says so, not "paused".
  let clockState: string;
  if (snapA.status === 'starting') clockState = 'getting the county ready (a long run of this scenario, so it starts already working)';
  else if (playing) clockState = motion === 'smooth' ? SPEEDS[speed]!.smooth : `stepped, ${SPEEDS[speed]!.stepped}`;
  else clockState = snapA.done ? 'ended' : 'paused';
  return (
    <section
      ref={rootRef}
      className={`trainer${presenting ? ' trainer--presenting' : ''}${compare ? ' trainer--compare' : ''}`}
      aria-labelledby="trainer-heading"
      data-motion={motion}
      data-playing={playing}
      data-now={snapA.now}
      data-events={snapA.events}
      data-done={snapA.done}
    >
      <div className="trainer-screen">
        <div className="trainer-top">
          <h1 id="trainer-heading">How a referral travels</h1>
          <p className="trainer-intro">
            Each dot is one contact about a child, moving through the pathway as the model runs. The diagram is drawn from the model’s own states and moves.
            Dots show the child’s true level of need as colour; choose “Dots show” to see who made the contact as shape instead, or both.
          </p>
          <TrainerControls
            scenarios={scenarios}
            playing={playing}
            speed={speed}
            motion={motion}
            scenarioId={scenarioId}
            compare={compare}
            compareId={compareId}
            highlights={highlights}
            presenting={presenting}
            done={snapA.done}
            onPlayPause={playPause}
            onStep={step}
            onRestart={restart}
            onSpeed={setSpeed}
            onMotion={setMotion}
            onScenario={(id) => {
              setScenarioId(id);
              if (id === compareId)
                setCompareId(
                  defaultComparison(
                    scenarios.find((s) => s.id === id)!,
                    scenarios,
                  ).id,
                );
            }}
            onCompare={setCompare}
            onCompareId={setCompareId}
            onHighlights={setHighlights}
            onPresenting={setPresenting}
            onFullScreen={fullScreen}
          />
          <div className="trainer-status">
            <p className="trainer-clock" data-testid="trainer-clock">
              <strong>
                Day {day} of {WARMUP_DAYS + DAYS}
              </strong>{' '}
              · {clockState} · replication {rep + 1} of {REPS} · {formatCount(snapA.events)} events
            </p>
            <output className="trainer-announce" aria-live="polite" data-testid="trainer-announce">
              {announcement}
            </output>
          </div>
          <details className="trainer-help" open={helpOpen} onToggle={(e) => setHelpOpen(e.currentTarget.open)}>
            <summary>Keyboard shortcuts</summary>
            <div className="checkbox trainer-check">
              <input id="trainer-shortcuts-on" type="checkbox" checked={shortcutsOn} onChange={(e) => setShortcutsOn(e.target.checked)} />
              <label htmlFor="trainer-shortcuts-on">Use single-key shortcuts (they never act while you type in a field)</label>
            </div>
            <table>
              <caption className="visually-hidden">Keyboard shortcuts</caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Does</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((s) => (
                  <tr key={s.action}>
                    <td>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' or '}
                          <kbd className="trainer-kbd">{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{s.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          {snaps.map((s, i) => s.error && <p key={i} className="trainer-error" role="alert">{`${s.scenario.name}: ${s.error}`}</p>)}
        </div>
        <Legend
          scenario={shown[0]!}
          needCounts={snapA.needCounts}
          show={dotsShow}
          onShow={setDotsShow}
          focusAgency={focusAgency}
          focusNeed={focusNeed}
          onFocusAgency={setFocusAgency}
          onFocusNeed={setFocusNeed}
        />
        <div className={`trainer-body${followed !== null ? ' is-following' : ''}`}>
          <div className="trainer-panes">
            {snaps.map((s, i) => (
              <figure key={i} className="trainer-pane" data-pane={i} data-scenario={s.scenario.id}>
                {compare && <figcaption className="trainer-pane__title">{s.scenario.name}</figcaption>}
                <div className="trainer-frame" style={{ aspectRatio: `${(layouts[i] ?? layouts[0]!).width} / ${(layouts[i] ?? layouts[0]!).height}` }}>
                  <PathwayDiagram
                    layout={layouts[i] ?? layouts[0]!}
                    graph={graphs[i] ?? graphs[0]!}
                    snap={s}
                    highlights={highlights}
                    idPrefix={`trainer-${i}`}
                    onActivateNode={(k) => activateNode(i, k)}
                  />
                  <canvas ref={(el) => setCanvas(i, el)} className="trainer-dots" aria-hidden="true" onClick={(e) => clickCanvas(i, e)} />
                </div>
              </figure>
            ))}
          </div>
          <FollowPanel panes={snaps} followed={followed} onFollow={follow} />
        </div>
      </div>
      <div className="trainer-below">
        <CountersTable graph={counted} panes={snaps} />
        <ReplicationPanel panes={snaps} batch={batch} settings={batchSettings} rep={rep} onRep={setRep} onSeed={setSeed} />
      </div>
    </section>
  );
}
