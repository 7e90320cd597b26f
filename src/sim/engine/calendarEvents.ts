/**
 * What the engine's calendar holds (src/sim/eventQueue.ts keys them by time, priority and
 * sequence). The id each carries is said beside it. The engine's `step` switches on these with a
 * `never` check, so a kind nobody handles fails to compile.
 */
export const CalendarEvent = {
  /** id: the agency's index; a new concern may arrive (thinned, Lewis and Shedler 1979). */
  arrival: 0,
  /** id: the case's slot; the activity of the state it is in is complete. */
  completion: 1,
  /** id: the child's slot; the child comes back as a new contact. */
  childReturns: 2,
  /** id: the child's slot; a second agency reports the same incident. */
  duplicateReport: 3,
  /** id: the week's index; weekly levels are recorded. */
  weekMark: 4,
  /** id: the change's index in the scenario's timeline; a dated change takes effect (engine/timeline.ts). */
  timelineChange: 5,
  /** id: the index of a pending workforce step (a leaver, a post filled, a worker maturing; engine/workforce.ts). */
  workforce: 6,
  /** id: the desk's index in run.desks; a social worker's next assessment completion or change of deadline focus (engine/casework.ts). */
  desk: 7,
} as const;
export type CalendarEventKind = (typeof CalendarEvent)[keyof typeof CalendarEvent];

/** Thrown when a guard stops a runaway run; the message says what blew up. */
export class EngineLimitError extends Error {
  override name = 'EngineLimitError';
}

/** For `never`-checked switches: fails to compile when a case is missing, and throws if one arrives anyway. */
export function unhandled(value: never, what: string): never {
  throw new Error(`${what}: ${JSON.stringify(value)} is not handled`);
}
