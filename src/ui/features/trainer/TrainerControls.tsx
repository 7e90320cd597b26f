import type { Scenario } from '../../../scenario/schema.ts';
import type { Highlights } from './PathwayDiagram.tsx';
import { SPEEDS } from './speeds.ts';

/**
 * The trainer's toolbar: play, pause, step, speed, restart; which scenarios; presenter aids;
 * motion; presentation and full screen. Every control is a native button, select or checkbox
 * with a visible label, and shows its keyboard shortcut.
 */

export interface ControlsState {
  playing: boolean;
  speed: number;
  motion: 'smooth' | 'stepped';
  scenarioId: string;
  compare: boolean;
  compareId: string;
  highlights: Highlights;
  presenting: boolean;
  done: boolean;
}

interface Props extends ControlsState {
  scenarios: readonly Scenario[];
  onPlayPause: () => void;
  onStep: () => void;
  onRestart: () => void;
  onSpeed: (i: number) => void;
  onMotion: (m: 'smooth' | 'stepped') => void;
  onScenario: (id: string) => void;
  onCompare: (on: boolean) => void;
  onCompareId: (id: string) => void;
  onHighlights: (h: Highlights) => void;
  onPresenting: (on: boolean) => void;
  onFullScreen: () => void;
}

const Key = ({ k }: { k: string }) => (
  <kbd className="trainer-kbd" aria-hidden="true">
    {k}
  </kbd>
);

export function TrainerControls(p: Props) {
  const toggle = (k: keyof Highlights) => (e: { target: { checked: boolean } }) => p.onHighlights({ ...p.highlights, [k]: e.target.checked });
  return (
    <div className="trainer-controls">
      <fieldset className="trainer-controls__group trainer-group">
        <legend className="visually-hidden">Playback</legend>
        <button type="button" className="button trainer-play" onClick={p.onPlayPause} disabled={p.done && !p.playing} aria-keyshortcuts="K">
          {p.playing ? 'Pause' : 'Play'} <Key k="K" />
        </button>
        <button type="button" className="button button--secondary" onClick={p.onStep} disabled={p.done} aria-keyshortcuts="S">
          Step one event <Key k="S" />
        </button>
        <button type="button" className="button button--secondary" onClick={p.onRestart} aria-keyshortcuts="R">
          Restart (same seed) <Key k="R" />
        </button>
        <div className="trainer-field">
          <label htmlFor="trainer-speed">{p.motion === 'smooth' ? 'Speed' : 'Each step'}</label>
          <select id="trainer-speed" value={p.speed} onChange={(e) => p.onSpeed(Number(e.target.value))} aria-keyshortcuts="+ -">
            {SPEEDS.map((s, i) => (
              <option key={i} value={i}>
                {p.motion === 'smooth' ? s.smooth : s.stepped}
              </option>
            ))}
          </select>
        </div>
        <div className="trainer-field trainer-motion-field">
          <label htmlFor="trainer-motion">Motion</label>
          <select id="trainer-motion" value={p.motion} onChange={(e) => p.onMotion(e.target.value as 'smooth' | 'stepped')} aria-keyshortcuts="M">
            <option value="smooth">Smooth animation</option>
            <option value="stepped">Stepped, no movement</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="trainer-controls__group trainer-group trainer-scenarios">
        <legend className="visually-hidden">Scenarios</legend>
        <div className="trainer-field">
          <label htmlFor="trainer-scenario">Scenario</label>
          <select id="trainer-scenario" value={p.scenarioId} onChange={(e) => p.onScenario(e.target.value)}>
            {p.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox trainer-check">
          <input id="trainer-compare" type="checkbox" checked={p.compare} onChange={(e) => p.onCompare(e.target.checked)} />
          <label htmlFor="trainer-compare">Side by side with</label>
        </div>
        <div className="trainer-field">
          <label htmlFor="trainer-compare-id" className="visually-hidden">
            Second scenario
          </label>
          <select id="trainer-compare-id" value={p.compareId} onChange={(e) => p.onCompareId(e.target.value)} disabled={!p.compare}>
            {p.scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="trainer-controls__group trainer-aids">
        <legend>Highlight</legend>
        <div className="checkbox trainer-check">
          <input id="trainer-hl-loops" type="checkbox" checked={p.highlights.loops} onChange={toggle('loops')} aria-keyshortcuts="L" />
          <label htmlFor="trainer-hl-loops">
            Duplication loops <Key k="L" />
          </label>
        </div>
        <div className="checkbox trainer-check">
          <input id="trainer-hl-decisions" type="checkbox" checked={p.highlights.decisions} onChange={toggle('decisions')} aria-keyshortcuts="D" />
          <label htmlFor="trainer-hl-decisions">
            Threshold decisions <Key k="D" />
          </label>
        </div>
        <div className="checkbox trainer-check">
          <input id="trainer-hl-cameback" type="checkbox" checked={p.highlights.cameBack} onChange={toggle('cameBack')} aria-keyshortcuts="C" />
          <label htmlFor="trainer-hl-cameback">
            Children who came back <Key k="C" />
          </label>
        </div>
      </fieldset>
      <fieldset className="trainer-controls__group trainer-group">
        <legend className="visually-hidden">Display</legend>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={p.presenting}
          onClick={() => p.onPresenting(!p.presenting)}
          aria-keyshortcuts="P"
        >
          Presentation mode <Key k="P" />
        </button>
        <button type="button" className="button button--secondary" onClick={p.onFullScreen} aria-keyshortcuts="F">
          Full screen <Key k="F" />
        </button>
      </fieldset>
    </div>
  );
}
