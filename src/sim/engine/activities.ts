import type { Activity, CaseFacts } from '../../../models/activity.ts';
import { CASE_EVENTS, nothingNoted, type CaseEventType } from '../../../models/caseJourney.events.ts';
import type { ActivityEntry, Case, RunState } from './types.ts';

/**
 * Looking activities up by state: the machine's states carry their activity in
 * `meta.activity` (models/activity.ts); the engine finds it by state index, once per state, with
 * the machine's numbers for the events it sends. The engine never names a state.
 */

/** The activity declared by state `state`, or null if it declares none. */
export function activityAt(run: RunState, state: number): ActivityEntry | null {
  const known = run.activities[state];
  if (known !== undefined) return known;
  const activity = run.machine.activity(state);
  const entry = activity ? entryFor(run, activity) : null;
  run.activities[state] = entry;
  return entry;
}

/** The activity of the state case `c` is in; throws, naming the state, if it has none. */
export function activityOf(run: RunState, c: Case, why: string): ActivityEntry {
  const entry = activityAt(run, c.state);
  if (!entry) throw new Error(`case ${c.id}: ${why} in state ${run.machine.stateKey(c.state)}, which declares no activity`);
  return entry;
}

function numbers(run: RunState, type: CaseEventType): { plain: number; byRoute: Record<string, number> | null } {
  const routes: readonly string[] | null = CASE_EVENTS[type];
  if (!routes) return { plain: run.machine.eventId({ type } as never), byRoute: null };
  return { plain: -1, byRoute: Object.fromEntries(routes.map((route) => [route, run.machine.eventId({ type, route } as never)])) };
}

function entryFor(run: RunState, activity: Activity): ActivityEntry {
  const started = 'started' in activity ? numbers(run, activity.started) : { plain: -1, byRoute: null };
  const completed = 'completes' in activity ? numbers(run, activity.completes) : { plain: -1, byRoute: null };
  return { activity, started: started.plain, startedByRoute: started.byRoute, completed: completed.plain, completedByRoute: completed.byRoute };
}

/** The machine's number for `route` of a routed event (throws, naming the case, for a route the event does not carry). */
export function routed(byRoute: Record<string, number> | null, route: string, c: Case): number {
  const id = byRoute?.[route];
  if (id === undefined) throw new Error(`case ${c.id}: no event carries route "${route}"`);
  return id;
}

/** The facts a decision or a queue may read about case `c` (models/activity.ts CaseFacts), in a view reused between calls. */
export function factsOf(c: Case, into: MutableFacts): CaseFacts {
  into.noted = c.noted;
  into.known = c.child.known;
  into.hasOpenCase = c.child.openCases > 1;
  into.isReferral = c.isReferral;
  into.screenedAtFrontDoor = c.screenedByFrontDoor;
  into.duplicate = c.duplicate;
  return into;
}

/** A facts view to fill (one per caller, reused). */
export type MutableFacts = { -readonly [K in keyof CaseFacts]: CaseFacts[K] };

/** A new, empty facts view. */
export function factsView(): MutableFacts {
  return { noted: nothingNoted(), known: false, hasOpenCase: false, isReferral: false, screenedAtFrontDoor: false, duplicate: false };
}
