import type { CaseFacts, DecisionContext, Reading, StaffFacts } from '../../../models/activity.ts';
import type { DutyTeam, Scenario } from '../../scenario/schema.ts';
import { above, normalCdf } from '../../scenario/normal.ts';

/**
 * A decision rule's outcomes and their chances, without simulating: the rule (an activity's
 * `decide`, models/*.states.ts) is run against a context that answers every yes/no question both
 * ways and every reading of perceived need at a point of each interval between the scenario's
 * own numbers (thresholds and levels are where a rule's outcome can change). The result is a
 * table that gives, for a child of true need x referred by an agency, the chance of each route:
 * normal probabilities of the intervals, times the chances of the answers. So the capacity check
 * takes its flow from the same rules the engine runs, not from a restatement of them.
 *
 * What a rule may ask (models/activity.ts DecisionContext): one perceived need or any number of
 * threshold comparisons (each its own reading), chances, early help, the team's pressure. The
 * questions it asks must not depend on the perceived need (the engine draws all it asks).
 */

/** What a decision depends on besides the child's true need and the referring agency. */
export interface DecisionSetting {
  scenario: Scenario;
  team: DutyTeam;
  facts: CaseFacts;
  staff: StaffFacts;
  pressure: number;
}

/** A yes/no question whose chance depends on the child (it is worked out for each need and agency). */
type Factor = { kind: 'reaches'; reading: Reading; threshold: number; sd: number; yes: boolean } | { kind: 'earlyHelp'; yes: boolean };

/** One way the rule's yes/no questions can be answered: its weight, and the route on each interval of perceived need. */
interface Leaf {
  /** Chance of the answers that do not depend on the child. */
  weight: number;
  factors: Factor[];
  /** Interval ends (sorted); `routes` has one more entry than `cuts`. */
  cuts: number[];
  routes: number[];
  /** For evaluation: each factor's question (its index in `questions`, -1 for early help) and answer; each cut's index in `cutValues`. */
  questionOf: Int32Array;
  answer: Uint8Array;
  cutOf: Int32Array;
}

/** A threshold comparison a rule asks, as a question whose chance depends on the child. */
interface Question {
  reading: Reading;
  threshold: number;
  sd: number;
}

/** A decision as a table over true need and agency. */
export interface DecisionTable {
  routes: string[];
  /** The perceived-need reading its intervals are of (null: the rule reads none). */
  reading: Reading | null;
  leaves: Leaf[];
  /** The facts about the case the rule read (on any branch). */
  readFacts: Set<keyof CaseFacts>;
  /** The distinct threshold questions and interval ends of all leaves (each worked out once per need and agency). */
  questions: Question[];
  cutValues: number[];
  /** Scratch for evaluation. */
  questionChance: Float64Array;
  below: Float64Array;
}

/** The referring agency, as a reader sees its information. */
export interface Referrer {
  bias: number;
  infoSd: number;
}

type Answer = boolean;

/** A context that answers from a script and records what was asked. */
class Scripted implements DecisionContext {
  readonly scenario: Scenario;
  readonly team: DutyTeam;
  readonly facts: CaseFacts;
  readonly staff: StaffFacts;
  asked: ('reaches' | 'chance' | 'earlyHelp')[] = [];
  factors: Factor[] = [];
  weight = 1;
  reading: Reading | null = null;
  private answers: Answer[] = [];
  private probe = 0;

  /** The facts the rule read. */
  readonly read = new Set<keyof CaseFacts>();

  constructor(private readonly setting: DecisionSetting) {
    this.scenario = setting.scenario;
    this.team = setting.team;
    this.staff = setting.staff;
    // The facts as the rule sees them, noting which it reads (only while the table is built).
    const watched = {} as CaseFacts;
    for (const key of Object.keys(setting.facts) as (keyof CaseFacts)[]) {
      Object.defineProperty(watched, key, { enumerable: true, get: () => (this.read.add(key), setting.facts[key]) });
    }
    this.facts = watched;
  }

  reset(answers: Answer[], probe: number): this {
    this.answers = answers;
    this.probe = probe;
    this.asked = [];
    this.factors = [];
    this.weight = 1;
    this.reading = null;
    return this;
  }

  private next(kind: 'reaches' | 'chance' | 'earlyHelp'): boolean {
    const answer = this.answers[this.asked.length] ?? false;
    this.asked.push(kind);
    return answer;
  }

  pressure(): number {
    return this.setting.pressure;
  }

  perceivedNeed(reading: Reading): number {
    if (this.reading) throw new Error('a decision read perceived need twice: the capacity check cannot enumerate it');
    this.reading = reading;
    return this.probe;
  }

  reachesThreshold(reading: Reading, threshold: number, inconsistencySd: number): boolean {
    const yes = this.next('reaches');
    this.factors.push({ kind: 'reaches', reading, threshold, sd: inconsistencySd, yes });
    return yes;
  }

  chance(p: number): boolean {
    const yes = this.next('chance');
    this.weight *= yes ? Math.min(1, Math.max(0, p)) : 1 - Math.min(1, Math.max(0, p));
    return yes;
  }

  earlyHelpTakenUp(): boolean {
    const yes = this.next('earlyHelp');
    this.factors.push({ kind: 'earlyHelp', yes });
    return yes;
  }
}

/** Every finite number of the scenario's need levels, front door, assessment and the team: where a rule's outcome can change. */
function cutsOf(s: Scenario, team: DutyTeam): number[] {
  const out = new Set<number>();
  const walk = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) out.add(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  [s.need, s.frontDoor, s.assessment, team].forEach(walk);
  return [...out].sort((a, b) => a - b);
}

/** The rule `decide` as a table, for the setting given. */
export function decisionTable(decide: (d: DecisionContext) => string, setting: DecisionSetting): DecisionTable {
  const ctx = new Scripted(setting);
  const cuts = cutsOf(setting.scenario, setting.team);
  const probes = [cuts[0]! - 1, ...cuts.slice(1).map((c, i) => (cuts[i]! + c) / 2), cuts.at(-1)! + 1];
  const routes: string[] = [];
  const routeIndex = (r: string) => {
    let i = routes.indexOf(r);
    if (i < 0) i = routes.push(r) - 1;
    return i;
  };
  const leaves: Leaf[] = [];
  let reading: Reading | null = null;
  // Depth-first over the yes/no answers: each run answers `no` past its prefix and opens a branch at every such question.
  const stack: Answer[][] = [[]];
  while (stack.length) {
    const prefix = stack.pop()!;
    const route0 = decide(ctx.reset(prefix, probes[0]!));
    const asked = [...ctx.asked];
    const answers = asked.map((_, i) => prefix[i] ?? false);
    for (let j = prefix.length; j < asked.length; j++) stack.push([...answers.slice(0, j), true]);
    const leaf: Leaf = {
      weight: ctx.weight,
      factors: ctx.factors,
      cuts: [],
      routes: [routeIndex(route0)],
      questionOf: new Int32Array(0),
      answer: new Uint8Array(0),
      cutOf: new Int32Array(0),
    };
    if (ctx.reading) {
      if (ctx.factors.some((f) => f.kind === 'reaches'))
        throw new Error('a decision both read perceived need and compared it with a threshold: the capacity check cannot enumerate it');
      reading ??= ctx.reading;
      if (ctx.reading.staffSd !== reading.staffSd || ctx.reading.agencyInformation !== reading.agencyInformation)
        throw new Error('a decision read perceived need differently on different branches');
      for (let k = 1; k < probes.length; k++) {
        const route = routeIndex(decide(ctx.reset(answers, probes[k]!)));
        if (ctx.asked.length !== asked.length || ctx.asked.some((a, i) => a !== asked[i]))
          throw new Error('a decision asked different questions at different perceived needs');
        if (route === leaf.routes.at(-1)) continue;
        leaf.cuts.push(cuts[k - 1]!);
        leaf.routes.push(route);
      }
    }
    if (leaf.weight > 0) leaves.push(leaf);
  }
  const questions: Question[] = [];
  const cutValues = [...new Set(leaves.flatMap((l) => l.cuts))].sort((a, b) => a - b);
  for (const leaf of leaves) {
    leaf.questionOf = Int32Array.from(leaf.factors, (f) => {
      if (f.kind === 'earlyHelp') return -1;
      let q = questions.findIndex(
        (o) =>
          o.reading.staffSd === f.reading.staffSd &&
          o.reading.agencyInformation === f.reading.agencyInformation &&
          o.threshold === f.threshold &&
          o.sd === f.sd,
      );
      if (q < 0) q = questions.push({ reading: f.reading, threshold: f.threshold, sd: f.sd }) - 1;
      return q;
    });
    leaf.answer = Uint8Array.from(leaf.factors, (f) => (f.yes ? 1 : 0));
    leaf.cutOf = Int32Array.from(leaf.cuts, (c) => cutValues.indexOf(c));
  }
  return {
    routes,
    reading,
    leaves,
    readFacts: ctx.read,
    questions,
    cutValues,
    questionChance: new Float64Array(questions.length),
    below: new Float64Array(cutValues.length),
  };
}

/**
 * Chances of each of `table.routes` for a child of true need `x` from `referrer`, where early help
 * would be taken up with chance `earlyHelp`; written into `into` (by route index) and returned.
 */
export function routeChances(table: DecisionTable, x: number, referrer: Referrer, earlyHelp: number, into: Float64Array): Float64Array {
  into.fill(0);
  // Each threshold question once: need as read (its own reading) at or above the threshold as applied.
  table.questions.forEach((q, i) => {
    const k = q.reading.agencyInformation;
    const info = referrer.infoSd * k;
    table.questionChance[i] = above(q.threshold, x + referrer.bias * k, Math.sqrt(q.reading.staffSd * q.reading.staffSd + info * info + q.sd * q.sd));
  });
  // Each interval end once: the chance that need as read falls below it.
  if (table.reading) {
    const k = table.reading.agencyInformation;
    const info = referrer.infoSd * k;
    const mean = x + referrer.bias * k;
    const sd = Math.sqrt(table.reading.staffSd * table.reading.staffSd + info * info);
    for (let c = 0; c < table.cutValues.length; c++) {
      const cut = table.cutValues[c]!;
      table.below[c] = sd > 0 ? normalCdf((cut - mean) / sd) : mean < cut ? 1 : 0;
    }
  }
  for (const leaf of table.leaves) {
    let w = leaf.weight;
    for (let f = 0; f < leaf.questionOf.length; f++) {
      const q = leaf.questionOf[f]!;
      const p = q < 0 ? earlyHelp : table.questionChance[q]!;
      w *= leaf.answer[f] ? p : 1 - p;
    }
    if (!(w > 0)) continue;
    let below = 0;
    for (let i = 0; i < leaf.cutOf.length; i++) {
      const cdf = table.below[leaf.cutOf[i]!]!;
      into[leaf.routes[i]!]! += w * (cdf - below);
      below = cdf;
    }
    into[leaf.routes[leaf.cutOf.length]!]! += w * (1 - below);
  }
  return into;
}
