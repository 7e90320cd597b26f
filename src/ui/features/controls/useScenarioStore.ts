import { useCallback, useMemo, useReducer } from 'react';
import { parseScenario, type Problem } from '../../../scenario/parse.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { markEdited } from './editedScenario.ts';
import { setIn, type FieldPath } from '../../lib/fieldSpec.ts';

/**
 * The scenario being edited. `draft` holds every value a control accepted (each passed its own
 * field schema), so it may still break a whole-scenario rule; `scenario` is the draft parsed,
 * or null with the problems. Values a control refused are listed in `fieldErrors` by path.
 */
export interface ScenarioState {
  draft: Scenario;
  /** Increases when the whole scenario is replaced (preset, file, link), so controls reset. */
  revision: number;
  /** Counts scenarios opened (replace only, not undo), so the library can add each one. */
  opened?: number;
  fieldErrors: Record<string, string>;
  /** Where the scenario came from, for messages ("preset", "file kent.json", "link"). */
  origin: string;
  /** Earlier drafts, for undo (most recent last), and undone drafts, for redo. */
  past: Scenario[];
  future: Scenario[];
}

export type ScenarioAction =
  | { type: 'set'; path: FieldPath; value: unknown }
  | { type: 'setMany'; changes: { path: FieldPath; value: unknown }[] }
  | { type: 'fieldError'; path: FieldPath; message: string | null }
  | { type: 'replace'; scenario: Scenario; origin: string }
  | { type: 'undo' }
  | { type: 'redo' };

const HISTORY = 50;
const key = (path: FieldPath) => path.join('.');

/** The pure state transition for scenario edits (tested without React). */
export function scenarioReducer(state: ScenarioState, action: ScenarioAction): ScenarioState {
  switch (action.type) {
    case 'set':
    case 'setMany': {
      const changes = action.type === 'set' ? [{ path: action.path, value: action.value }] : action.changes;
      const draft = markEdited(
        changes.reduce((d, c) => setIn(d, c.path, c.value), state.draft),
        changes,
      );
      // A value set from outside a control (e.g. for every team) replaces one it refused.
      const fieldErrors = { ...state.fieldErrors };
      for (const c of changes) delete fieldErrors[key(c.path)];
      return { ...state, draft, fieldErrors, past: [...state.past, state.draft].slice(-HISTORY), future: [] };
    }
    case 'fieldError': {
      const k = key(action.path);
      if ((state.fieldErrors[k] ?? null) === action.message) return state;
      const fieldErrors = { ...state.fieldErrors };
      if (action.message === null) delete fieldErrors[k];
      else fieldErrors[k] = action.message;
      return { ...state, fieldErrors };
    }
    case 'replace':
      return {
        draft: action.scenario,
        revision: state.revision + 1,
        opened: (state.opened ?? 0) + 1,
        fieldErrors: {},
        origin: action.origin,
        past: [...state.past, state.draft].slice(-HISTORY),
        future: [],
      };
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (!prev) return state;
      return { ...state, draft: prev, revision: state.revision + 1, fieldErrors: {}, past: state.past.slice(0, -1), future: [state.draft, ...state.future] };
    }
    case 'redo': {
      const next = state.future[0];
      if (!next) return state;
      return { ...state, draft: next, revision: state.revision + 1, fieldErrors: {}, past: [...state.past, state.draft], future: state.future.slice(1) };
    }
  }
}

/** The editing store: state, the parsed scenario (or its problems), and stable callbacks. */
export function useScenarioStore(initial: Scenario, origin: string) {
  const [state, dispatch] = useReducer(scenarioReducer, undefined, () => ({ draft: initial, revision: 0, fieldErrors: {}, origin, past: [], future: [] }));
  const parsed = useMemo(() => parseScenario(state.draft), [state.draft]);
  const commit = useCallback((path: FieldPath, value: unknown) => dispatch({ type: 'set', path, value }), []);
  const reportFieldError = useCallback((path: FieldPath, message: string | null) => dispatch({ type: 'fieldError', path, message }), []);
  // Memoised so components given them (memo'd) do not redraw when nothing about them changed.
  const problems: Problem[] = useMemo(() => (parsed.ok ? [] : parsed.problems), [parsed]);
  const fieldErrorList: Problem[] = useMemo(() => Object.entries(state.fieldErrors).map(([path, message]) => ({ path, message })), [state.fieldErrors]);
  return {
    state,
    dispatch,
    /** The scenario to run: parsed, with no refused values pending; otherwise null. */
    scenario: parsed.ok && fieldErrorList.length === 0 ? parsed.value : null,
    /** Whole-scenario problems (cross-field rules) of the draft. */
    problems,
    /** Values typed at controls and refused. */
    fieldErrorList,
    commit,
    reportFieldError,
  };
}
