import type { EngineLimitError } from '../sim/engine.ts';

/**
 * A guard's message as it applies to this run. The engine's guards are per replication, and its
 * advice may end "or use fewer replications"; with one replication that cannot help, so it is
 * dropped rather than sending the user after a change that does nothing.
 */
export function guardMessage(e: EngineLimitError, reps: number): string {
  return reps === 1 ? e.message.replace(/ or use fewer replications/, '') : e.message;
}
