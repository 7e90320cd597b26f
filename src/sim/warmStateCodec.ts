import { PLAN_ROUTES } from '../../models/caseJourney.events.ts';
import { assessmentStock, inProgressAssessment, returningStock, serviceStock, stockChild, transferStock } from './stockEntities.ts';
import type { StockEntity, WarmState } from './warmState.ts';

/**
 * A warm-start template packed into one Float64Array and a table of state keys, so the page can
 * pass a template built in one worker to the others: a typed array moves between threads as a
 * block (no per-object structured clone, which took ~60 ms for kent-2010's 28,000 entities on the
 * page's thread, nor a per-object schema check, ~100 ms), and checking it is checking its length.
 * Decoding checks every code and index and throws on anything out of range.
 */

/** A packed template: `values` holds STRIDE numbers per entity; `states` the machine's state keys. */
export interface EncodedWarmState {
  snapshots: number;
  months: number;
  states: string[];
  values: Float64Array<ArrayBuffer>;
}

/** Numbers per entity. */
export const STRIDE = 20;

const KIND = ['returning', 'service', 'assessment', 'transfer'] as const;
const EPISODE = ['plan', 'earlyHelp'] as const;
const ACTIVITY = ['initial', 'core'] as const;

// Field offsets within an entity's block.
const F = {
  kind: 0,
  team: 1,
  need: 2,
  flags: 3, // bit 0 needMet, 1 known, 2 closureUnmet, 3 fastTrack, 4 allocated, 5 in progress
  childReferralAge: 4,
  contactAge: 5,
  closureAge: 6,
  state: 7,
  agency: 8,
  episode: 9,
  plan: 10,
  meanMonths: 11,
  referralAge: 12,
  acceptedAge: 13,
  initialDeadlineIn: 14,
  progressState: 15,
  activity: 16,
  remainingWorkingHours: 17,
  coreDeadlineIn: 18,
  readyAge: 19, // a case waiting for transfer: hours since it asked
} as const;

/** Packs `warm` (lossless: every number is kept as the float64 it was). */
export function encodeWarmState(warm: WarmState): EncodedWarmState {
  const states: string[] = [];
  const stateIndex = new Map<string, number>();
  const intern = (key: string) => {
    let i = stateIndex.get(key);
    if (i === undefined) {
      i = states.length;
      states.push(key);
      stateIndex.set(key, i);
    }
    return i;
  };
  const values = new Float64Array(warm.entities.length * STRIDE);
  warm.entities.forEach((e, n) => {
    const o = n * STRIDE;
    const c = e.child;
    values[o + F.kind] = KIND.indexOf(e.kind);
    values[o + F.team] = c.team;
    values[o + F.need] = c.need;
    let flags = (c.needMet ? 1 : 0) | (c.known ? 2 : 0) | (c.closureUnmet ? 4 : 0);
    values[o + F.childReferralAge] = c.referralAge;
    values[o + F.contactAge] = c.contactAge;
    values[o + F.closureAge] = c.closureAge;
    if (e.kind === 'service') {
      values[o + F.state] = intern(e.state);
      values[o + F.agency] = e.agency;
      values[o + F.episode] = EPISODE.indexOf(e.episode);
      values[o + F.plan] = PLAN_ROUTES.indexOf(e.plan);
      values[o + F.meanMonths] = e.meanMonths;
    } else if (e.kind === 'transfer') {
      values[o + F.state] = intern(e.state);
      values[o + F.agency] = e.agency;
      values[o + F.plan] = PLAN_ROUTES.indexOf(e.plan);
      values[o + F.referralAge] = e.referralAge;
      values[o + F.acceptedAge] = e.acceptedAge;
      values[o + F.readyAge] = e.readyAge;
    } else if (e.kind === 'assessment') {
      values[o + F.state] = intern(e.state);
      values[o + F.agency] = e.agency;
      flags |= (e.fastTrack ? 8 : 0) | (e.allocated ? 16 : 0);
      values[o + F.referralAge] = e.referralAge;
      values[o + F.acceptedAge] = e.acceptedAge;
      values[o + F.initialDeadlineIn] = e.initialDeadlineIn;
      if (e.inProgress) {
        flags |= 32;
        values[o + F.progressState] = intern(e.inProgress.state);
        values[o + F.activity] = ACTIVITY.indexOf(e.inProgress.activity);
        values[o + F.remainingWorkingHours] = e.inProgress.remainingWorkingHours;
        values[o + F.coreDeadlineIn] = e.inProgress.coreDeadlineIn;
      }
    }
    values[o + F.flags] = flags;
  });
  return { snapshots: warm.snapshots, months: warm.months, states, values };
}

/** Unpacks a template; throws, naming the entity, if any code or index is out of range. */
export function decodeWarmState(encoded: EncodedWarmState): WarmState {
  const { values, states } = encoded;
  if (values.length % STRIDE !== 0) throw new Error(`a packed warm state holds ${values.length} numbers, not a multiple of ${STRIDE}`);
  const entities: StockEntity[] = [];
  for (let o = 0, n = 0; o < values.length; o += STRIDE, n++) {
    const code = (field: number, names: readonly string[], what: string) => {
      const v = values[o + field]!;
      if (!(Number.isInteger(v) && v >= 0 && v < names.length)) throw new Error(`warm state entity ${n}: ${what} code ${v} is not one of ${names.length}`);
      return v;
    };
    const kind = KIND[code(F.kind, KIND, 'kind')]!;
    const team = values[o + F.team]!;
    if (!(Number.isInteger(team) && team >= 0)) throw new Error(`warm state entity ${n}: team ${team} is not a team index`);
    const flags = values[o + F.flags]!;
    const child = stockChild(
      team,
      values[o + F.need]!,
      (flags & 1) !== 0,
      (flags & 2) !== 0,
      values[o + F.childReferralAge]!,
      values[o + F.contactAge]!,
      values[o + F.closureAge]!,
      (flags & 4) !== 0,
    );
    if (kind === 'returning') {
      entities.push(returningStock(child));
      continue;
    }
    const state = states[code(F.state, states, 'state')]!;
    const agency = values[o + F.agency]!;
    if (!(Number.isInteger(agency) && agency >= 0)) throw new Error(`warm state entity ${n}: agency ${agency} is not an agency index`);
    if (kind === 'service') {
      entities.push(
        serviceStock(
          EPISODE[code(F.episode, EPISODE, 'episode')]!,
          child,
          state,
          agency,
          PLAN_ROUTES[code(F.plan, PLAN_ROUTES, 'plan')]!,
          values[o + F.meanMonths]!,
        ),
      );
      continue;
    }
    if (kind === 'transfer') {
      const plan = PLAN_ROUTES[code(F.plan, PLAN_ROUTES, 'plan')]!;
      entities.push(transferStock(child, state, agency, plan, values[o + F.referralAge]!, values[o + F.acceptedAge]!, values[o + F.readyAge]!));
      continue;
    }
    const inProgress =
      (flags & 32) !== 0
        ? inProgressAssessment(
            states[code(F.progressState, states, 'state')]!,
            ACTIVITY[code(F.activity, ACTIVITY, 'activity')]!,
            values[o + F.remainingWorkingHours]!,
            values[o + F.coreDeadlineIn]!,
          )
        : undefined;
    entities.push(
      assessmentStock(
        child,
        state,
        agency,
        (flags & 8) !== 0,
        (flags & 16) !== 0,
        values[o + F.referralAge]!,
        values[o + F.acceptedAge]!,
        values[o + F.initialDeadlineIn]!,
        inProgress,
      ),
    );
  }
  return { snapshots: encoded.snapshots, months: encoded.months, entities };
}
