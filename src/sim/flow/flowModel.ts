import type { Activity, CaseFacts } from '../../../models/activity.ts';
import type { CaseEventType } from '../../../models/caseJourney.events.ts';
import { caseJourneyMachine } from '../../../models/caseJourney.machine.ts';
import { pathwayGraph } from '../../../models/graph.ts';
import { SERVER_POOL_IDS, type ServerPoolId } from '../../../models/staffPools.ts';
import type { DutyTeam, Scenario } from '../../scenario/schema.ts';
import { CompiledMachine } from '../compiledMachine.ts';

/**
 * What the capacity check's walk counts, and in what: the machine with its leaf states numbered
 * 0..n-1, a work vector laid out by WORK (staff hours by pool, place-months, referrals, visits to
 * each state), one contact's path, and what is fixed for one team.
 */

/** The machine, its leaf states numbered 0..n-1 for the walk's counts. */
export const machine = new CompiledMachine(caseJourneyMachine);
const STATE_KEYS = pathwayGraph(caseJourneyMachine).nodes.map((n) => n.key);
for (const key of STATE_KEYS) machine.stateIndex(key);

/** The state a new contact starts in. */
export const initialState = (): number => machine.initial;

/** Where each count sits in a work vector: staff hours by pool, place-months, referrals, social workers' casework hours, then visits to each state. */
export const WORK = {
  hours: (pool: ServerPoolId) => SERVER_POOL_IDS.indexOf(pool),
  placeMonths: SERVER_POOL_IDS.length,
  referrals: SERVER_POOL_IDS.length + 1,
  caseworkHours: SERVER_POOL_IDS.length + 2,
  visits: (state: number) => SERVER_POOL_IDS.length + 3 + state,
  size: SERVER_POOL_IDS.length + 3 + STATE_KEYS.length,
} as const;

/** Expected work and counts, as a vector laid out by WORK. */
export type Work = number[];
const NO_WORK: Work = Array.from({ length: WORK.size }, () => 0);
export const noWork = (): Work => NO_WORK.slice();

/** The machine's states with their activities, for reading counts back (`visits`). */
export function statesWithActivities(): { key: string; index: number; activity: Activity | undefined }[] {
  return STATE_KEYS.map((key) => {
    const index = machine.stateIndex(key);
    return { key, index, activity: machine.activity(index) };
  });
}

/** One contact's expected work and how its case ends (the chances sum to the mass walked). */
export interface ContactPath {
  work: Work;
  /** Closed without services or early help (linked contacts excluded). */
  refused: number;
  /** Of `refused`, closed before a referral waited for a social worker: a later duplicate report is a new contact. */
  closedAtDecision: number;
  /** A plan or early help, and the part of it that met the child's need. */
  served: number;
  servedMet: number;
  /** Reached the queue for a social worker (the front of the path stops there). */
  allocated: number;
}

export const emptyPath = (): ContactPath => ({ work: noWork(), refused: 0, closedAtDecision: 0, served: 0, servedMet: 0, allocated: 0 });

/** What stays fixed for one team: the scenario, the team, the mix of staff, and the pressure the team works under. */
export interface TeamContext {
  scenario: Scenario;
  team: DutyTeam;
  /** Share of assessments done by newly qualified social workers. */
  newlyQualifiedShare: number;
  /** Working days in a month (place-months = working days held ÷ this). */
  workingDaysPerMonth: number;
  /** Team pressure (assessment.rules.ts teamPressure) assumed for premature closure and longer assessments. */
  pressure: number;
}

/** Facts about a case as the walk carries them. */
export type Facts = { -readonly [K in keyof CaseFacts]: CaseFacts[K] };

const events = new Map<string, number>();
/** The machine's number for an event (and route). */
export function eventNumber(type: CaseEventType, route?: string): number {
  const key = route === undefined ? type : `${type}:${route}`;
  let id = events.get(key);
  if (id === undefined) events.set(key, (id = machine.eventId((route === undefined ? { type } : { type, route }) as never)));
  return id;
}
