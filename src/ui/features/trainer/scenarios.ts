import { parseScenario } from '../../../scenario/parse.ts';
import type { Scenario } from '../../../scenario/schema.ts';

/**
 * The scenarios a trainer can animate: the presets, plus (while no preset has one) a single
 * qualified front door derived from the first contact-centre preset, so the side-by-side view
 * can always show the restructure on the same seed.
 */

/**
 * A contact-centre scenario restructured as a single qualified front door: the same demand,
 * duty teams and screening headcount, every screener qualified, decided once (no second
 * screening by duty managers, no reclassification loop).
 */
export function singleFrontDoorOf(s: Scenario): Scenario {
  const fd = s.frontDoor;
  const derived = {
    ...s,
    id: `${s.id}-single-front-door`,
    name: `${s.name.split(':')[0]}: single qualified front door (derived)`,
    description: `Derived from ${s.id} for the trainer's side-by-side view: the same demand, teams and screening headcount, with every screener qualified and one decision at the front door.`,
    frontDoor: {
      ...fd,
      structure: 'singleQualified' as const,
      qualifiedScreeners: fd.qualifiedScreeners + fd.unqualifiedScreeners,
      unqualifiedScreeners: 0,
      knownChildrenRescreened: false,
      reclassificationRequired: false,
    },
  };
  const parsed = parseScenario(derived);
  if (!parsed.ok) throw new Error(`the derived single front door of ${s.id} does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.value;
}

/** Presets, with a derived single front door appended when none of them has one. */
export function trainerScenarios(presets: readonly Scenario[]): Scenario[] {
  const list = [...presets];
  const hasSingle = list.some((s) => s.frontDoor.structure === 'singleQualified');
  const centre = list.find((s) => s.frontDoor.structure === 'contactCentre');
  if (!hasSingle && centre) list.push(singleFrontDoorOf(centre));
  return list;
}

/**
 * The scenario to put beside `s` by default: its own single-front-door restructure if there is
 * one, else any single qualified front door, else the first with a different front door.
 */
export function defaultComparison(s: Scenario, list: readonly Scenario[]): Scenario {
  const others = list.filter((x) => x.id !== s.id);
  return (
    others.find((x) => x.id === `${s.id}-single-front-door`) ??
    (s.frontDoor.structure !== 'singleQualified' ? others.find((x) => x.frontDoor.structure === 'singleQualified') : undefined) ??
    others.find((x) => x.frontDoor.structure !== s.frontDoor.structure) ??
    others[0] ??
    s
  );
}
