import { getPreset } from '../../../scenario/presets.ts';
import type { FieldPath } from '../../lib/fieldSpec.ts';

/**
 * An edited preset gets its own name and id ("Kent 2010 (edited)", `kent-2010-edited`), so a
 * saved file, a link and a CSV never pass an edited scenario off as the preset. Scenarios that are
 * not presets (the user's own) keep their names; so does any edit that sets the name or id itself,
 * and a preset the user has renamed keeps that name (only its id changes).
 */

/** Appended to an edited preset's name. */
export const EDITED_NAME_SUFFIX = ' (edited)';
/** Appended to an edited preset's id. */
export const EDITED_ID_SUFFIX = '-edited';

const NAME_MAX = 120;
const ID_MAX = 80;

/** The scenario with an edited preset's name and id when it still carries a preset's id; otherwise unchanged. */
export function markEdited<T extends { id: string; name: string }>(scenario: T, changes: readonly { path: FieldPath }[]): T {
  if (changes.some((c) => c.path[0] === 'id' || c.path[0] === 'name')) return scenario;
  const preset = getPreset(scenario.id);
  if (!preset) return scenario;
  // A name the user gave it is kept; the preset's own name is marked as edited.
  const name = scenario.name !== preset.name ? scenario.name : scenario.name.slice(0, NAME_MAX - EDITED_NAME_SUFFIX.length) + EDITED_NAME_SUFFIX;
  return { ...scenario, id: scenario.id.slice(0, ID_MAX - EDITED_ID_SUFFIX.length) + EDITED_ID_SUFFIX, name };
}

/** The preset an edited scenario came from (its id without the edited suffix), if there is one. */
export function presetIdOf(id: string): string | null {
  if (getPreset(id)) return id;
  const base = id.endsWith(EDITED_ID_SUFFIX) ? id.slice(0, -EDITED_ID_SUFFIX.length) : id;
  return getPreset(base) ? base : null;
}
