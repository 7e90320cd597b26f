import { formatProblems, parseScenario } from './parse.ts';
import type { Scenario } from './schema.ts';
// Static JSON imports work the same under Vite (browser) and tsx/vitest (Node).
import kent2010 from '../../seeds/kent-2010.json';
import kent2008 from '../../seeds/kent-2008.json';
import medway2006 from '../../seeds/medway-2006.json';
import kent2010SingleFrontDoor from '../../seeds/kent-2010-single-front-door.json';
import kent2010OneThreshold from '../../seeds/kent-2010-one-threshold.json';
import kent2010VacanciesFilled from '../../seeds/kent-2010-vacancies-filled.json';
import kent2010CafRelaunched from '../../seeds/kent-2010-caf-relaunched.json';
import kent2010TwelveDistricts from '../../seeds/kent-2010-twelve-districts.json';
import kent2010Mash from '../../seeds/kent-2010-mash.json';
import england202324 from '../../seeds/england-2023-24.json';
import england200910 from '../../seeds/england-2009-10.json';

/**
 * The seed scenarios: the front doors the source documents describe (Kent 2010, Kent 2008,
 * Medway 2006), an average English authority of 100,000 children in 2023-24 and in 2009-10
 * (calibrated to the national figures), and six restructures of Kent 2010, each a small diff of it. Their stories,
 * sources and assumptions are in seeds/README.md and models/ASSUMPTIONS.md.
 */

/** The preset users start from. */
export const DEFAULT_PRESET_ID = 'kent-2010';

/** Each preset file beside the raw JSON it holds, in display order (the default first). */
const RAW: ReadonlyArray<readonly [file: string, data: unknown]> = [
  ['kent-2010.json', kent2010],
  ['kent-2008.json', kent2008],
  ['medway-2006.json', medway2006],
  ['england-2023-24.json', england202324],
  ['england-2009-10.json', england200910],
  ['kent-2010-single-front-door.json', kent2010SingleFrontDoor],
  ['kent-2010-one-threshold.json', kent2010OneThreshold],
  ['kent-2010-vacancies-filled.json', kent2010VacanciesFilled],
  ['kent-2010-caf-relaunched.json', kent2010CafRelaunched],
  ['kent-2010-twelve-districts.json', kent2010TwelveDistricts],
  ['kent-2010-mash.json', kent2010Mash],
];

/** Freezes an object and everything in it, so a shared preset cannot be changed by accident. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Parses one preset file; throws with every problem listed, so a bad seed can never ship. */
function parsePreset(file: string, data: unknown): Scenario {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`seeds/${file} is not a valid scenario:\n${formatProblems(parsed.problems)}`);
  const expectedId = file.replace(/\.json$/, '');
  if (parsed.value.id !== expectedId) {
    throw new Error(`seeds/${file} has id "${parsed.value.id}"; a preset's id must match its file name ("${expectedId}")`);
  }
  return deepFreeze(parsed.value);
}

/** Every preset, parsed and frozen, the default (kent-2010) first. */
export const PRESETS: readonly Scenario[] = Object.freeze(RAW.map(([file, data]) => parsePreset(file, data)));

if (PRESETS[0]?.id !== DEFAULT_PRESET_ID) throw new Error(`the first preset must be ${DEFAULT_PRESET_ID}`);

/** The preset with this id, or undefined. The result is frozen: copy it (structuredClone) to edit. */
export function getPreset(id: string): Scenario | undefined {
  return PRESETS.find((p) => p.id === id);
}
