import { initialTransition, transition, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { Activity, StateMeta } from '../../models/activity.ts';
import type { CaseEvent, EngineAction, EngineActionObject } from '../../models/caseJourney.events.ts';
import { ENGINE_ACTIONS } from '../../models/caseJourney.events.ts';

/**
 * The case journey machine, compiled lazily into a transition table. The machine has no
 * context and its guards read only the event's `route`, so (state, event type, route) fully
 * determines the next state and the actions: each pair is computed once with XState's pure
 * `transition` and then looked up. The machine stays the single source of truth; the table is
 * a cache of it (test/sim/compiledMachine.test.ts checks them against each other).
 */
export interface CompiledStep {
  /** Index of the next state. */
  next: number;
  /**
   * Engine actions with their params: those that record the completion itself (`runs: 'event'`
   * in ENGINE_ACTIONS, such as `recordDecision`) first, then the rest in the order XState returns
   * them (exit, transition, entry). So a decision is recorded at the moment it is made, before
   * the state's exit frees staff for the next case.
   */
  actions: readonly EngineActionObject[];
}

const isEngineAction = (t: string): t is EngineAction => Object.hasOwn(ENGINE_ACTIONS, t);

/** XState's actions as the engine takes them: engine actions only, those recording the event first. */
export function engineActionsOf(actions: readonly { type: string; params?: unknown }[]): EngineActionObject[] {
  const ours = actions.filter((a) => isEngineAction(a.type)).map((a) => ({ type: a.type, params: a.params }) as EngineActionObject);
  return [...ours.filter((a) => ENGINE_ACTIONS[a.type].runs === 'event'), ...ours.filter((a) => ENGINE_ACTIONS[a.type].runs !== 'event')];
}

export class CompiledMachine {
  private readonly snapshots: SnapshotFrom<AnyStateMachine>[] = [];
  private readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly table: (CompiledStep | undefined)[][] = [];
  private readonly eventIds = new Map<string, number>();
  private readonly events: CaseEvent[] = [];
  private readonly activities: (Activity | null | undefined)[] = [];
  /** Calls into XState (cache misses), for the benchmark. */
  misses = 0;
  /** Transitions served, for the benchmark. */
  transitions = 0;
  /** Index of the initial state. */
  readonly initial: number;

  constructor(private readonly machine: AnyStateMachine) {
    const [snap] = initialTransition(machine);
    this.initial = this.intern(snap);
  }

  /** A readable key for a state value, e.g. `assessment.initialAssessment`. */
  static keyOf(value: unknown): string {
    if (typeof value === 'string') return value;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length !== 1) throw new Error(`parallel states are not supported: ${JSON.stringify(value)}`);
    const [k, v] = entries[0]!;
    return `${k}.${CompiledMachine.keyOf(v)}`;
  }

  private intern(snap: SnapshotFrom<AnyStateMachine>): number {
    const key = CompiledMachine.keyOf(snap.value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.snapshots.length;
      this.snapshots.push(snap);
      this.keys.push(key);
      this.index.set(key, i);
      this.table.push([]);
    }
    return i;
  }

  /** The state key (dotted path) of state index `i`. */
  stateKey(i: number): string {
    return this.keys[i]!;
  }

  /** The index of a state by its key (warm states name states by key); throws if the machine has no such state. */
  stateIndex(key: string): number {
    const known = this.index.get(key);
    if (known !== undefined) return known;
    // Not visited in this process yet: resolve it from its key ('a.b' is the value { a: 'b' }).
    const parts = key.split('.');
    const value = parts.reduceRight<unknown>((inner, part) => (inner === undefined ? part : { [part]: inner }), undefined);
    const snap = this.machine.resolveState({ value: value as string, context: undefined });
    if (CompiledMachine.keyOf(snap.value) !== key) throw new Error(`case journey: there is no state ${key}`);
    return this.intern(snap);
  }

  /** The practice label of state `i` (its `meta.label`, e.g. "Awaiting allocation"), or its key. */
  stateLabel(i: number): string {
    const meta = this.snapshots[i]!.getMeta() as Record<string, { label?: string } | undefined>;
    const ownId = `caseJourney.${this.keys[i]!}`;
    return meta[ownId]?.label ?? this.keys[i]!;
  }

  /** The activity state `i` declares (`meta.activity`, models/activity.ts), if any (read once per state). */
  activity(i: number): Activity | undefined {
    let known = this.activities[i];
    if (known === undefined) {
      const meta = this.snapshots[i]!.getMeta() as Record<string, StateMeta | undefined>;
      known = meta[`caseJourney.${this.keys[i]!}`]?.activity ?? null;
      this.activities[i] = known;
    }
    return known ?? undefined;
  }

  /**
   * The keys of the atomic states whose declared activity passes `test`, from the machine's
   * definition (so states never visited count too), in definition order. For the warm start,
   * which must find where a case waits for a long-term place without naming the state.
   */
  statesWhere(test: (activity: Activity) => boolean): string[] {
    const found: string[] = [];
    const walk = (node: { path: string[]; meta?: unknown; states: Record<string, unknown> }) => {
      const children = Object.values(node.states) as (typeof node)[];
      const activity = (node.meta as StateMeta | undefined)?.activity;
      if (children.length === 0 && activity && test(activity)) found.push(node.path.join('.'));
      for (const child of children) walk(child);
    };
    walk(this.machine.root as unknown as Parameters<typeof walk>[0]);
    return found;
  }

  /** Whether state `i` is final. */
  isFinal(i: number): boolean {
    return this.snapshots[i]!.status === 'done';
  }

  /**
   * The number the table uses for `event` (one per event type and route). The engine looks its
   * events up once, so a transition in the hot loop is two array reads.
   */
  eventId(event: CaseEvent): number {
    const key = 'route' in event ? `${event.type}:${event.route}` : event.type;
    let id = this.eventIds.get(key);
    if (id === undefined) {
      id = this.events.length;
      this.events.push(event);
      this.eventIds.set(key, id);
    }
    return id;
  }

  /** Takes `event` in state `i`; throws when the machine does not accept it there. */
  step(i: number, event: CaseEvent): CompiledStep {
    return this.stepId(i, this.eventId(event));
  }

  /** Takes the event numbered `e` (from `eventId`) in state `i`. */
  stepId(i: number, e: number): CompiledStep {
    this.transitions++;
    const row = this.table[i]!;
    const hit = row[e];
    if (hit) return hit;
    this.misses++;
    const event = this.events[e]!;
    const before = this.snapshots[i]!;
    const [after, actions] = transition(this.machine, before, event);
    if (after === before || (CompiledMachine.keyOf(after.value) === this.keys[i] && actions.length === 0)) {
      const ek = 'route' in event ? `${event.type}:${event.route}` : event.type;
      throw new Error(`case journey: event ${ek} is not accepted in state ${this.keys[i]}`);
    }
    const step: CompiledStep = { next: this.intern(after), actions: engineActionsOf(actions) };
    row[e] = step;
    return step;
  }
}
