import type { FrontDoor } from '../src/scenario/schema.ts';
import type { ClosureStage, EntryRoute } from './caseJourney.events.ts';
import { screensCentrally } from './staffPools.ts';

/**
 * How a new contact enters the pathway, by the front-door structure. Where known children are
 * not screened twice, the centre's records check sends them straight to their duty manager, who
 * screens them once against the team's threshold, as they would have met it on the second
 * screening (so the lever removes the repeat, not a threshold; DESIGN.md 23).
 */
export function entryRoute(fd: FrontDoor, known: boolean): EntryRoute {
  if (fd.structure === 'contactCentre' && !fd.knownChildrenRescreened && known) return 'dutyScreen';
  if (fd.structure === 'mash') return 'mash';
  if (screensCentrally(fd)) return 'screen';
  return fd.structure === 'districtDuty' ? 'dutyScreen' : 'direct';
}

/** Every entry route a front door uses (for known children and for others). */
export function entryRoutesOf(fd: FrontDoor): EntryRoute[] {
  return [...new Set([entryRoute(fd, true), entryRoute(fd, false)])];
}

/** Whether a case closing at `stage` had services (a plan or early help): only then may its need have been met. */
export function closedWithServices(stage: ClosureStage): boolean {
  return stage === 'services' || stage === 'earlyHelp';
}
