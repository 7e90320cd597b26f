import type { Problem } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { loadAutosave, type KeyValueStore } from '../scenario/storage.ts';
import { decodeScenario, isScenarioFragment } from '../scenario/urlCodec.ts';

/** A message to show on opening, about where the scenario came from or what could not be read. */
export interface OpeningNotice {
  kind: 'error' | 'info';
  title: string;
  problems: Problem[];
}

/**
 * Which scenario to open with: a scenario carried in the link's #fragment, else the one autosaved
 * in this browser, else the default preset. A link or autosave that fails to parse is reported
 * and skipped, never half-used.
 */
export function chooseInitialScenario(opts: { hash: string; store: KeyValueStore | null; presets: readonly Scenario[]; defaultId: string }): { scenario: Scenario; origin: string; notice: OpeningNotice | null } {
  const fallback = opts.presets.find((p) => p.id === opts.defaultId) ?? opts.presets[0];
  if (!fallback) throw new Error('no preset scenarios to start from');
  let notice: OpeningNotice | null = null;
  if (isScenarioFragment(opts.hash)) {
    const fromLink = decodeScenario(opts.hash);
    if (fromLink.ok) return { scenario: fromLink.value, origin: 'link', notice: { kind: 'info', title: `Opened “${fromLink.value.name}” from the link.`, problems: [] } };
    notice = { kind: 'error', title: 'The scenario in this link could not be used, so the last saved scenario is shown instead.', problems: fromLink.problems };
  }
  const saved = opts.store ? loadAutosave(opts.store) : null;
  if (saved?.ok) return { scenario: saved.value, origin: 'autosave', notice };
  if (saved && !saved.ok && !notice) notice = { kind: 'error', title: 'The scenario saved in this browser could not be read, so the preset is shown instead.', problems: saved.problems };
  return { scenario: fallback, origin: `preset ${fallback.id}`, notice };
}
