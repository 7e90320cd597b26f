import { z } from 'zod';
import { parseScenario, type Parsed } from './parse.ts';
import type { Scenario } from './schema.ts';

/**
 * The single autosave slot of earlier versions (one key in localStorage), parsed with zod when
 * read back so a stale or edited entry is reported, never trusted. The app now keeps scenarios
 * in the library (`src/ui/features/library/`) and only reads this slot once, to move it there
 * (`src/ui/initialScenario.ts`); writing is kept for tests and tools. Nothing leaves the machine.
 */

/** The part of the Web Storage API this module uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Key of the autosaved scenario. */
export const AUTOSAVE_KEY = 'front-door.autosave.v1';

const Envelope = z.strictObject({
  format: z.literal('front-door-autosave'),
  version: z.literal(1),
  scenario: z.unknown(),
});

/** Saves a scenario; returns a message instead of throwing when storage is full or blocked. */
export function autosaveScenario(store: KeyValueStore, scenario: Scenario): { ok: true } | { ok: false; message: string } {
  try {
    store.setItem(AUTOSAVE_KEY, JSON.stringify({ format: 'front-door-autosave', version: 1, scenario }));
    return { ok: true };
  } catch (e) {
    return { ok: false, message: `could not save in this browser: ${(e as Error).message}` };
  }
}

/** Reads the autosaved scenario: `null` when there is none, else the parsed scenario or its problems. */
export function loadAutosave(store: KeyValueStore): Parsed<Scenario> | null {
  let text: string | null;
  try {
    text = store.getItem(AUTOSAVE_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '', message: 'the saved scenario in this browser is not valid JSON' }] };
  }
  const envelope = Envelope.safeParse(data);
  if (!envelope.success) {
    return { ok: false, problems: [{ path: '', message: 'the saved scenario in this browser is in an unknown format' }] };
  }
  return parseScenario(envelope.data.scenario);
}

/** Forgets the autosaved scenario. */
export function clearAutosave(store: KeyValueStore): void {
  try {
    store.removeItem(AUTOSAVE_KEY);
  } catch {
    // storage blocked: nothing to clear
  }
}
