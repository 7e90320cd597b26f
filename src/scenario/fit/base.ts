import type { Scenario } from '../schema.ts';
import type { FitTargets } from './targets.ts';

/**
 * The base scenario of a fit: a preset scaled to the council's children, with what the
 * published figures fix directly set (contacts, social worker posts, vacancy). Pure arithmetic.
 */

/**
 * Children aged 0-17 in each preset's area. The sources give 0-19 only (K10 ¶6: 348,200 in 2009;
 * K08 ¶5: 344,900 in 2006; Medway M06 ¶8: 27.4% of 250,000), so 0-17 is taken as 18/20 of 0-19
 * (assumption: an even spread by age). One line a preset; England presets add theirs here.
 */
export const PRESET_CHILD_POPULATION: Readonly<Record<string, number>> = {
  'kent-2010': 313_380,
  'kent-2008': 310_410,
  'medway-2006': 61_650,
  // The England presets are per 100,000 children by construction (seeds/README.md).
  'england-2023-24': 100_000,
  'england-2009-10': 100_000,
};

/** The child population of a preset (kent-2010's restructures share kent-2010's); undefined if unknown. */
export function presetChildPopulation(id: string): number | undefined {
  if (PRESET_CHILD_POPULATION[id] !== undefined) return PRESET_CHILD_POPULATION[id];
  const family = Object.keys(PRESET_CHILD_POPULATION).find((k) => id.startsWith(`${k}-`));
  return family === undefined ? undefined : PRESET_CHILD_POPULATION[family];
}

/**
 * England's children's social workers per child: 33,119 FTE in September 2023 (DfE workforce
 * census, national-figures.md) over about 12.0 million children aged 0-17 (assumption: ONS
 * mid-2023 estimate, not in shared/sources; 621,880 referrals at about 520 per 10,000 agree).
 */
export const ENGLAND_SOCIAL_WORKERS_PER_CHILD = 33_119 / 12_000_000;

const scaleInt = (n: number, f: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * f)));

/** A scenario id from a council's name (lower case, dashes), within the schema's 80 characters. */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70);
  return `${s || 'my-authority'}-fitted`;
}

/** How the base was made from the preset, for the report. */
export interface BaseScaling {
  presetPopulation: number;
  demandFactor: number;
  staffFactor: number;
}

/**
 * The preset scaled to `targets.childPopulation`: contacts (to `contactsPerMonth` when given,
 * else in proportion to children), front-door and manager staff in proportion to children,
 * social worker posts in proportion to `socialWorkersFte` against England's workforce per child
 * (the preset taken as staffed at England's rate) or else to children, and the vacancy rate set.
 * Throws when the preset's population is not known.
 */
export function baseScenario(preset: Scenario, targets: FitTargets): { scenario: Scenario; scaling: BaseScaling } {
  const presetPopulation = presetChildPopulation(preset.id);
  if (presetPopulation === undefined) {
    throw new Error(
      `the child population of preset "${preset.id}" is not known: choose one of ${Object.keys(PRESET_CHILD_POPULATION).join(', ')} (or a restructure of one)`,
    );
  }
  const popFactor = targets.childPopulation / presetPopulation;
  const sourceTotal = preset.demand.sources.reduce((a, s) => a + s.contactsPerMonth, 0);
  const demandFactor = targets.contactsPerMonth !== undefined && sourceTotal > 0 ? targets.contactsPerMonth / sourceTotal : popFactor;
  const staffFactor = targets.socialWorkersFte !== undefined ? targets.socialWorkersFte / (presetPopulation * ENGLAND_SOCIAL_WORKERS_PER_CHILD) : popFactor;
  const vacancy = targets.vacancyPct !== undefined ? Math.min(0.95, targets.vacancyPct / 100) : undefined;
  const fd = preset.frontDoor;
  const scenario: Scenario = {
    ...preset,
    id: slug(targets.name),
    name: `${targets.name} (fitted from ${preset.name})`.slice(0, 120),
    description:
      `Fitted to ${targets.name}’s published figures (${targets.childPopulation.toLocaleString('en-GB')} children aged 0-17), starting from the preset “${preset.name}”. ${preset.description}`.slice(
        0,
        4000,
      ),
    demand: { ...preset.demand, sources: preset.demand.sources.map((s) => ({ ...s, contactsPerMonth: s.contactsPerMonth * demandFactor })) },
    frontDoor: {
      ...fd,
      unqualifiedScreeners: scaleInt(fd.unqualifiedScreeners, popFactor),
      qualifiedScreeners: scaleInt(fd.qualifiedScreeners, popFactor),
      mashManagers: scaleInt(fd.mashManagers, popFactor),
    },
    dutyTeams: preset.dutyTeams.map((t) => ({
      ...t,
      managers: scaleInt(t.managers, popFactor),
      socialWorkerPosts: scaleInt(t.socialWorkerPosts, staffFactor),
      longTermSocialWorkers: scaleInt(t.longTermSocialWorkers, staffFactor),
      ...(vacancy !== undefined ? { vacancyRate: vacancy } : {}),
    })),
  };
  return { scenario, scaling: { presetPopulation, demandFactor, staffFactor } };
}
