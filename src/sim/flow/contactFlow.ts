import type { CaseFacts, DecisionContext } from '../../../models/activity.ts';
import { durationStretch } from '../../../models/assessment.rules.ts';
import { CASE_EVENTS, nothingNoted, type CaseEventType, type NotedFacts } from '../../../models/caseJourney.events.ts';
import { closedWithServices, entryRoute } from '../../../models/caseJourney.rules.ts';
import { earlyHelpTakeUpChance } from '../../../models/services.rules.ts';
import { SERVER_POOLS, type ServerPoolId } from '../../../models/staffPools.ts';
import type { DutyTeam, Scenario } from '../../scenario/schema.ts';
import { decisionTable, routeChances, type DecisionTable, type Referrer } from './expectedDecision.ts';
import { emptyPath, eventNumber, machine, statesWithActivities, WORK, type ContactPath, type Facts, type TeamContext } from './flowModel.ts';

export { emptyPath, initialState, noWork, statesWithActivities, WORK, type ContactPath, type TeamContext, type Work } from './flowModel.ts';

/**
 * One contact's expected path through the case journey machine, by walking the machine itself:
 * from the entry the front door's rule gives (models/caseJourney.rules.ts), each state's declared
 * activity (models/activity.ts) says whose work it is and how much, its rule's outcomes and their
 * chances (expectedDecision.ts) say where the case goes, and the machine's transitions say what
 * each outcome leads to: a referral, a closure at some stage, a plan or early help. Nothing here
 * restates a rule or a route; a new stage built from the same kinds of activity is walked as is.
 *
 * The walk is split where a referral waits for a social worker: the front of the path depends on
 * the agency and whether the child is known, the assessment that follows only on true need.
 */

/** Unqualified share of a pool's staff: near capacity every member is busy, so work splits by headcount. */
function unqualifiedShare(s: Scenario, team: DutyTeam, pool: ServerPoolId): number {
  const staff = SERVER_POOLS[pool].staff(s, team);
  const all = staff.unqualified + staff.qualified;
  return all > 0 ? staff.unqualified / all : 0;
}

/** A move of the machine from a node: what it counts, how the case ends if it does, and the node it enters. */
interface Move {
  /** [index, amount] pairs added to the work vector, per unit of weight. */
  adds: number[];
  ends: 'refused' | 'linked' | null;
  next: FlowNode | null;
}

/**
 * A case entering a state with given facts, compiled once per team: what it counts, how it ends
 * there (a plan or early help, or the queue for a social worker where the front stops), and its
 * moves: one for sure, or one per route of its rule, with the rule's tables (one per kind of staff).
 */
interface FlowNode {
  adds: number[];
  ends: 'served' | 'allocated' | null;
  needMet: number;
  moves: Move[];
  decision: { tables: { share: number; table: DecisionTable; toRoutes: number[] }[]; routes: Move[]; chances: Float64Array; scratch: Float64Array } | null;
}

/** Walks contacts through the machine for one team: compiles each kind of contact's path once, then evaluates it for any need and agency. */
export class TeamFlow {
  private readonly tables = new Map<string, DecisionTable>();
  private readonly nodes = new Map<string, FlowNode>();
  /** The start of each kind of new contact, by known, about an open case and duplicate (as bits). */
  private readonly starts: (FlowNode | undefined)[] = [];

  constructor(readonly ctx: TeamContext) {}

  /** The path of a new contact about a child of true need `x` from `referrer`, as far as the queue for a social worker. */
  front(x: number, referrer: Referrer, known: boolean, hasOpenCase: boolean, duplicate: boolean): ContactPath {
    const kind = (known ? 1 : 0) + (hasOpenCase ? 2 : 0) + (duplicate ? 4 : 0);
    let start = this.starts[kind];
    if (!start) {
      const facts: Facts = { noted: nothingNoted(), known, hasOpenCase, isReferral: false, screenedAtFrontDoor: false, duplicate };
      const entry = this.move(machine.initial, facts, null, eventNumber('CONTACT_RECEIVED', entryRoute(this.ctx.scenario.frontDoor, known)), true);
      start = { adds: [WORK.visits(machine.initial), 1], ends: null, needMet: 0, moves: [entry], decision: null };
      this.starts[kind] = start;
    }
    const out = emptyPath();
    this.evaluate(start, 1, x, referrer, out, true);
    return out;
  }

  /** The path of one referral from the queue for a social worker in state `state` on (true need `x`; assessors read the child, not the referral). */
  assessment(state: number, x: number): ContactPath {
    const facts: Facts = { noted: nothingNoted(), known: true, hasOpenCase: false, isReferral: true, screenedAtFrontDoor: false, duplicate: false };
    const out = emptyPath();
    this.evaluate(this.node(state, facts, null, false), 1, x, { bias: 0, infoSd: 0 }, out, false);
    return out;
  }

  /**
   * Whether a new contact's path can depend on `fact` (known, or about an open case): the entry
   * route for known children differs, or a rule met on the way read it. Call after `front`.
   */
  depends(fact: 'known' | 'hasOpenCase'): boolean {
    const fd = this.ctx.scenario.frontDoor;
    if (fact === 'known' && entryRoute(fd, true) !== entryRoute(fd, false)) return true;
    for (const table of this.tables.values()) if (table.readFacts.has(fact)) return true;
    return false;
  }

  /** The queue states where referrals wait for a social worker (where `front` stops). */
  static allocationStates(): number[] {
    return statesWithActivities()
      .filter((s) => s.activity?.kind === 'queueForPlace' && s.activity.pool === 'socialWorkerPlaces')
      .map((s) => s.index);
  }

  private evaluate(node: FlowNode, weight: number, x: number, referrer: Referrer, out: ContactPath, front: boolean): void {
    for (let i = 0; i < node.adds.length; i += 2) out.work[node.adds[i]!]! += weight * node.adds[i + 1]!;
    if (node.ends === 'served') {
      out.served += weight;
      out.servedMet += weight * node.needMet;
    } else if (node.ends === 'allocated') {
      out.allocated += weight;
    }
    for (const m of node.moves) this.take(m, weight, x, referrer, out, front);
    const d = node.decision;
    if (!d) return;
    d.chances.fill(0);
    const earlyHelp = earlyHelpTakeUpChance(this.ctx.scenario, this.ctx.team, x);
    for (const { share, table, toRoutes } of d.tables) {
      const chances = routeChances(table, x, referrer, earlyHelp, d.scratch);
      for (let i = 0; i < toRoutes.length; i++) d.chances[toRoutes[i]!]! += share * chances[i]!;
    }
    for (let r = 0; r < d.routes.length; r++) if (d.chances[r]! > 0) this.take(d.routes[r]!, weight * d.chances[r]!, x, referrer, out, front);
  }

  private take(m: Move, weight: number, x: number, referrer: Referrer, out: ContactPath, front: boolean): void {
    for (let i = 0; i < m.adds.length; i += 2) out.work[m.adds[i]!]! += weight * m.adds[i + 1]!;
    if (m.ends === 'refused') {
      out.refused += weight;
      if (front) out.closedAtDecision += weight;
    }
    if (m.next) this.evaluate(m.next, weight, x, referrer, out, front);
  }

  /** The compiled node for a case entering `state` with `facts`, holding staff of `pool`. */
  private node(state: number, facts: Facts, pool: ServerPoolId | null, front: boolean, depth = 0): FlowNode {
    const key = `${state}|${pool}|${front}|${factsKey(facts)}`;
    const known = this.nodes.get(key);
    if (known) return known;
    if (depth > 200) throw new Error('the capacity check walked more than 200 moves for one contact: does the machine loop?');
    const s = this.ctx.scenario;
    const node: FlowNode = { adds: [WORK.visits(state), 1], ends: null, needMet: 0, moves: [], decision: null };
    this.nodes.set(key, node);
    const activity = machine.activity(state);
    const next = (event: number, f: Facts = facts, held: ServerPoolId | null = pool) => this.move(state, f, held, event, front, depth);
    if (!activity) {
      if (!machine.isFinal(state)) throw new Error(`the capacity check reached state ${machine.stateKey(state)}, which declares no activity`);
      return node;
    }
    switch (activity.kind) {
      case 'queueForStaff':
        node.moves.push(next(eventNumber(activity.started), facts, activity.pool));
        break;
      case 'queueForPlace':
        if (activity.pool === 'socialWorkerPlaces' && front) node.ends = 'allocated';
        else node.moves.push(next(eventNumber(activity.started, activity.route?.(facts))));
        break;
      case 'staffWork': {
        if (!pool) throw new Error(`state ${machine.stateKey(state)} works with staff the case never waited for`);
        node.adds.push(WORK.hours(pool), activity.meanHours(s, this.ctx.team));
        const worked = SERVER_POOLS[pool].role === 'frontDoor' ? { ...facts, screenedAtFrontDoor: true } : facts;
        const unqualified = unqualifiedShare(s, this.ctx.team, pool);
        this.decisionOf(
          node,
          state,
          activity.completes,
          activity.decide,
          worked,
          [
            [1 - unqualified, true, false],
            [unqualified, false, false],
          ],
          (event, f) => this.move(state, f, pool, event, front, depth),
        );
        break;
      }
      case 'assessmentWork': {
        // Pressure stretches the time a place is held, not the hours of work (engine/work.ts).
        node.adds.push(WORK.placeMonths, (activity.meanWorkingDays(s) * durationStretch(s.assessment, this.ctx.pressure)) / this.ctx.workingDaysPerMonth);
        node.adds.push(WORK.caseworkHours, activity.workHours(s));
        const nq = this.ctx.newlyQualifiedShare;
        this.decisionOf(
          node,
          state,
          activity.completes,
          activity.decide,
          facts,
          [
            [1 - nq, true, false],
            [nq, true, true],
          ],
          (event, f) => this.move(state, f, pool, event, front, depth),
        );
        break;
      }
      case 'episode':
        node.ends = 'served';
        node.needMet = activity.needMetShare(s);
        break;
      case 'delay':
        node.moves.push(next(eventNumber(activity.completes)));
        break;
      default:
        throw new Error(`the capacity check does not know activity ${JSON.stringify(activity)}`);
    }
    return node;
  }

  /** A completion's outcomes: its rule's routes (mixed over the staff who may do the work), or its one event. */
  private decisionOf(
    node: FlowNode,
    state: number,
    completes: CaseEventType,
    decide: ((d: DecisionContext) => string) | undefined,
    facts: Facts,
    staffMix: [share: number, qualified: boolean, newlyQualified: boolean][],
    moveTo: (event: number, facts: Facts) => Move,
  ): void {
    if (!decide) {
      node.moves.push(moveTo(eventNumber(completes), facts));
      return;
    }
    const routes: readonly string[] = CASE_EVENTS[completes] ?? [];
    const tables = staffMix
      .filter(([share]) => share > 0)
      .map(([share, qualified, newlyQualified]) => {
        const table = this.table(state, decide, facts, qualified, newlyQualified);
        return { share, table, toRoutes: table.routes.map((r) => routes.indexOf(r)) };
      });
    const largest = Math.max(1, ...tables.map((t) => t.table.routes.length));
    node.decision = {
      tables,
      routes: routes.map((route) => moveTo(eventNumber(completes, route), facts)),
      chances: new Float64Array(routes.length),
      scratch: new Float64Array(largest),
    };
  }

  private table(state: number, decide: (d: DecisionContext) => string, facts: CaseFacts, qualified: boolean, newlyQualified: boolean): DecisionTable {
    const key = `${state}|${qualified}|${newlyQualified}|${factsKey(facts)}`;
    let table = this.tables.get(key);
    if (!table) {
      table = decisionTable(decide, {
        scenario: this.ctx.scenario,
        team: this.ctx.team,
        facts,
        staff: { qualified, newlyQualified },
        pressure: this.ctx.pressure,
      });
      this.tables.set(key, table);
    }
    return table;
  }

  /** The machine's move from `state` on `event`: its actions (a referral, a note, a closure) and the node it enters. */
  private move(state: number, facts: Facts, pool: ServerPoolId | null, event: number, front: boolean, depth = 0): Move {
    const step = machine.stepId(state, event);
    const adds: number[] = [];
    let f = facts;
    for (const action of step.actions) {
      switch (action.type) {
        case 'recordReferral':
          if (!f.isReferral) {
            adds.push(WORK.referrals, 1);
            f = { ...f, isReferral: true };
          }
          break;
        case 'note':
          f = { ...f, noted: { ...f.noted, ...(action.params as Partial<NotedFacts>) } };
          break;
        case 'closeCase': {
          adds.push(WORK.visits(step.next), 1);
          const stage = action.params.stage;
          return { adds, ends: stage === 'linked' || closedWithServices(stage) ? 'linked' : 'refused', next: null };
        }
        default:
          break;
      }
    }
    return { adds, ends: null, next: this.node(step.next, f, pool, front, depth + 1) };
  }
}

/** The facts that can change a rule's outcome, as a key. */
function factsKey(f: CaseFacts): string {
  return `${+f.known}${+f.hasOpenCase}${+f.isReferral}${+f.screenedAtFrontDoor}${+f.duplicate}|${Object.values(f.noted).join(',')}`;
}
