import type { DutyTeam, FrontDoor, Scenario } from '../src/scenario/schema.ts';

/**
 * Staff who take one piece of work at a time (screeners, managers), declared as data: where a
 * pool's people come from in the scenario, whether the county has one pool or each duty team its
 * own, and whose work it is. The engine builds every pool from this list (src/sim/engine/pools.ts)
 * and the capacity check gives each its own stage, so a new pool is a line here and its fields in
 * the schema. Caseload places (social workers and long-term teams) are not here: they are held
 * across several states, and the engine keeps them as places (`PlacePoolId`).
 */

/** People in a pool: unqualified staff are given work first (src/sim/staff.ts ServerPool). */
export interface PoolStaff {
  unqualified: number;
  qualified: number;
}

/** One pool of staff who each do one piece of work at a time. */
export interface ServerPoolSpec {
  /** 'county': one pool for the county; 'team': one per duty team, serving that team's children. */
  scope: 'county' | 'team';
  /**
   * Whose work it is, as records and measures count it: 'frontDoor' (screener utilisation, the
   * front door's available hours) or 'manager' (duty managers' utilisation, per team).
   */
  role: 'frontDoor' | 'manager';
  /** Staff on duty, from the scenario (a team pool is given its team). */
  staff: (scenario: Scenario, team: DutyTeam) => PoolStaff;
  /** The capacity check's stage for this pool: its id (a team pool's is prefixed `team:<name>:`) and words. */
  capacity: { id: string; label: string };
}

/** Whether the front door screens contacts centrally (a contact centre or a single front door). */
export function screensCentrally(fd: FrontDoor): boolean {
  return fd.structure === 'contactCentre' || fd.structure === 'singleQualified' || fd.structure === 'mash';
}

const nobody: PoolStaff = { unqualified: 0, qualified: 0 };

const pools = {
  frontDoorScreeners: {
    scope: 'county',
    role: 'frontDoor',
    staff: (s) => (screensCentrally(s.frontDoor) ? { unqualified: s.frontDoor.unqualifiedScreeners, qualified: s.frontDoor.qualifiedScreeners } : nobody),
    capacity: { id: 'screening', label: 'Front door: screening contacts' },
  },
  dutyManagers: {
    scope: 'team',
    role: 'manager',
    staff: (_, team) => ({ unqualified: 0, qualified: team.managers }),
    capacity: { id: 'managers', label: 'duty managers screening and deciding' },
  },
  mashManagers: {
    scope: 'county',
    role: 'frontDoor',
    staff: (s) => (s.frontDoor.structure === 'mash' ? { unqualified: 0, qualified: s.frontDoor.mashManagers } : nobody),
    capacity: { id: 'mashDecisions', label: 'MASH: managers deciding with partners’ information' },
  },
} as const satisfies Record<string, ServerPoolSpec>;

export type ServerPoolId = keyof typeof pools;
/** Every server pool by id. */
export const SERVER_POOLS: Record<ServerPoolId, ServerPoolSpec> = pools;
/** Every server pool's id, in declaration order (the engine builds them in this order). */
export const SERVER_POOL_IDS = Object.keys(SERVER_POOLS) as ServerPoolId[];
