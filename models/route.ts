import type { ClosureStage, EngineActionObject, EngineAction, NotedFacts } from './caseJourney.events.ts';

/**
 * Helpers that write transitions in the machine's own vocabulary: `routeTo` a target when the
 * completion event carries `route`, with the actions the move takes: `decision` (the route is the
 * decision on the contact), `referral` (the case becomes a referral), `closeAs(stage)`,
 * `note({...})` and `sentBack`.
 */

/** Marks a move as the decision on the contact: `routeTo` records it with its own route. */
export const decision = { decision: true } as const;
/** The case becomes a referral on this move. */
export const referral = 'recordReferral' satisfies EngineAction;
/** A duty manager sends the contact back to the front door to be reclassified. */
export const sentBack = 'recordSentBack' satisfies EngineAction;

/** The case closes on this move, at `stage` (its `closed` record's stage). */
export function closeAs(stage: ClosureStage) {
  return { type: 'closeCase', params: { stage } } as const satisfies EngineActionObject;
}

/** Notes facts on the case for later decisions and queues (models/activity.ts CaseFacts). */
export function note(facts: Partial<NotedFacts>) {
  return { type: 'note', params: facts } as const satisfies EngineActionObject;
}

type MoveAction = typeof decision | EngineAction | EngineActionObject;
type Resolved<A, R extends string> = A extends typeof decision ? { readonly type: 'recordDecision'; readonly params: { readonly route: R } } : A;

/** The actions of a move, with `decision` made into a `recordDecision` of `route`. */
export function moveActions<R extends string, const A extends readonly MoveAction[]>(route: R, actions: A) {
  return actions.map((a) => (a === decision ? { type: 'recordDecision', params: { route } } : a)) as { -readonly [K in keyof A]: Resolved<A[K], R> };
}

/** A guarded transition taken when the completion event carries `route` (see caseJourney.machine.ts). */
export function routeTo<R extends string, const A extends readonly MoveAction[]>(route: R, target: string, ...actions: A) {
  return {
    guard: { type: 'routeIs', params: { route } },
    target,
    ...(actions.length ? { actions: moveActions(route, actions) } : {}),
  } as const;
}
