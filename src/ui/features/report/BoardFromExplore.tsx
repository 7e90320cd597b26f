import type { Scenario } from '../../../scenario/schema.ts';

/**
 * On Explore: a button that runs the scenario being edited against the preset it came from (on the
 * Explore run settings, same seeds) and opens the one-page board summary of the result.
 */
export function BoardFromExplore({ scenario, preset, onRequest }: { scenario: Scenario | null; preset: Scenario | null; onRequest: () => void }) {
  if (!preset) return null;
  return (
    <div className="no-print board-from-explore">
      <button type="button" className="button button--secondary button--small" disabled={!scenario} onClick={onRequest}>
        Board summary: this scenario against {preset.name}
      </button>
      {!scenario && <p className="hint">Fix the problems with the scenario first.</p>}
    </div>
  );
}
