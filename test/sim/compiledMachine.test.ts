import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { ENGINE_ACTION_NAMES, ENGINE_ACTIONS } from '../../models/caseJourney.events.ts';
import { CompiledMachine, engineActionsOf } from '../../src/sim/compiledMachine.ts';
import { ALL_EVENTS, LEAF_STATES, eventName, keyOf, type JourneySnapshot } from '../fixtures/journey.ts';

/**
 * The compiled transition table is a cache of the machine: on every (state, event, route) pair
 * reachable from the start it must give exactly what XState's `transition` gives.
 */
describe('CompiledMachine', () => {
  it('agrees with XState’s transition on every reachable (state, event, route) pair', () => {
    const compiled = new CompiledMachine(caseJourneyMachine);
    const [s0] = initialTransition(caseJourneyMachine);
    const snapshots = new Map<number, JourneySnapshot>([[compiled.initial, s0]]);
    const todo = [compiled.initial];
    const seen = new Set(todo);
    let accepted = 0;
    let refused = 0;
    while (todo.length) {
      const i = todo.pop()!;
      const snap = snapshots.get(i)!;
      expect(compiled.stateKey(i)).toBe(keyOf(snap.value));
      expect(compiled.isFinal(i)).toBe(snap.status === 'done');
      for (const e of ALL_EVENTS) {
        const [after, actions] = transition(caseJourneyMachine, snap, e);
        if (after === snap) {
          expect(() => compiled.step(i, e), `${compiled.stateKey(i)} + ${eventName(e)}`).toThrow(/not accepted/);
          refused++;
          continue;
        }
        const got = compiled.step(i, e);
        expect(compiled.stateKey(got.next), `${compiled.stateKey(i)} + ${eventName(e)}`).toBe(keyOf(after.value));
        expect([...got.actions]).toEqual(engineActionsOf(actions));
        // Exactly XState's actions, with those that record the event itself moved to the front.
        const xstate = actions.map((a) => ({ type: a.type, params: a.params }));
        const atEvent = (a: { type: string }) => ENGINE_ACTIONS[a.type as keyof typeof ENGINE_ACTIONS].runs === 'event';
        expect([...got.actions]).toEqual([...xstate.filter(atEvent), ...xstate.filter((a) => !atEvent(a))]);
        accepted++;
        if (!seen.has(got.next)) {
          seen.add(got.next);
          snapshots.set(got.next, after);
          todo.push(got.next);
        }
      }
    }
    expect([...seen].map((i) => compiled.stateKey(i)).sort()).toEqual([...LEAF_STATES].sort());
    expect(accepted).toBe(45); // one per guarded or plain transition in the machine (4+1+7+1+1+1+5+1+4+3+2+2+1, and the MASH's 1+5+1+1+4: its decision's four routes include a referral closed before assessment)
    expect(refused).toBe(LEAF_STATES.length * ALL_EVENTS.length - accepted);
  });

  it('every engine action is produced by some transition, and no transition produces anything else', () => {
    const compiled = new CompiledMachine(caseJourneyMachine);
    const produced = new Set<string>();
    const todo = [compiled.initial];
    const seen = new Set(todo);
    while (todo.length) {
      const i = todo.pop()!;
      for (const e of ALL_EVENTS) {
        let next: number;
        try {
          const r = compiled.step(i, e);
          r.actions.forEach((a) => produced.add(a.type));
          next = r.next;
        } catch {
          continue;
        }
        if (!seen.has(next)) {
          seen.add(next);
          todo.push(next);
        }
      }
    }
    expect([...produced].sort()).toEqual([...ENGINE_ACTION_NAMES].sort());
  });

  it('serves a repeated (state, event) from its table without calling XState again', () => {
    const compiled = new CompiledMachine(caseJourneyMachine);
    const a = compiled.step(compiled.initial, { type: 'CONTACT_RECEIVED', route: 'screen' });
    const misses = compiled.misses;
    const b = compiled.step(compiled.initial, { type: 'CONTACT_RECEIVED', route: 'screen' });
    expect(b).toBe(a);
    expect(compiled.misses).toBe(misses);
    expect(compiled.transitions).toBe(2);
    // A different route is a different entry.
    compiled.step(compiled.initial, { type: 'CONTACT_RECEIVED', route: 'direct' });
    expect(compiled.misses).toBe(misses + 1);
  });

  it('throws, naming the state and event, when the machine does not accept an event', () => {
    const compiled = new CompiledMachine(caseJourneyMachine);
    expect(() => compiled.step(compiled.initial, { type: 'ALLOCATED' })).toThrow('case journey: event ALLOCATED is not accepted in state contactReceived');
    expect(() => compiled.step(compiled.initial, { type: 'SCREENED', route: 'linked' })).toThrow(/SCREENED:linked is not accepted in state contactReceived/);
  });

  it('keys nested states by their dotted path and refuses parallel states', () => {
    expect(CompiledMachine.keyOf({ assessment: 'initialAssessment' })).toBe('assessment.initialAssessment');
    expect(CompiledMachine.keyOf('closed')).toBe('closed');
    expect(() => CompiledMachine.keyOf({ a: 'x', b: 'y' })).toThrow(/parallel/);
  });
});
