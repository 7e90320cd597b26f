import type { Story } from '../../../worker/trainerProtocol.ts';
import type { PaneSnapshot } from './paneController.ts';
import { dayLabel, journeyLines, journeySummary } from './story.ts';

/**
 * Follow a child: pick a story (or click a dot, or focus a state and press Enter) and read the
 * child's journey as a timeline in plain words. Side by side, the same child (the scenarios share
 * their children) is followed through both front doors.
 */

export const STORY_LABELS: Record<Story['kind'], string> = {
  cameBackUnmet: 'Closed with need unmet, then came back',
  returnedForReclassification: 'Sent back to be reclassified',
  screenedAgain: 'Screened twice',
  duplicate: 'Reported twice by different agencies',
  waitedForAllocation: 'Waited over 10 days for a social worker',
};

interface Props {
  panes: readonly PaneSnapshot[];
  followed: number | null;
  onFollow: (child: number | null) => void;
}

export function FollowPanel({ panes, followed, onFollow }: Props) {
  const stories = panes[0]?.stories ?? [];
  return (
    <section className="trainer-follow" aria-labelledby="trainer-follow-heading">
      <h2 id="trainer-follow-heading">Follow a child</h2>
      <p className="trainer-hint">Click a dot, press Enter on a stage of the diagram, or pick a story.</p>
      <div className="trainer-field">
        <label htmlFor="trainer-story">Pick a story</label>
        <select
          id="trainer-story"
          value={followed !== null && stories.some((s) => s.child === followed) ? String(followed) : ''}
          onChange={(e) => e.target.value !== '' && onFollow(Number(e.target.value))}
        >
          <option value="">{stories.length ? `Choose one of ${stories.length} stories so far` : 'No stories yet: press Play'}</option>
          {stories.map((s) => (
            <option key={`${s.kind}-${s.child}`} value={s.child}>
              {STORY_LABELS[s.kind]}: child {s.child}, {dayLabel(s.t).replace(/^Day/, 'day')}
            </option>
          ))}
        </select>
      </div>
      {followed !== null && (
        <>
          <div className="trainer-follow__head">
            <p className="trainer-follow__who" data-followed={followed}>
              Following child {followed}
            </p>
            <button type="button" className="button button--secondary button--small" onClick={() => onFollow(null)} aria-keyshortcuts="Escape">
              Stop following
            </button>
          </div>
          <div className={panes.length > 1 ? 'trainer-follow__columns' : undefined}>
            {panes.map((p, i) => {
              const j = p.journey && p.journey.child === followed ? p.journey : null;
              const lines = j ? journeyLines(j.records, p.scenario) : [];
              return (
                <div key={i} className="trainer-journey" data-pane={i}>
                  {panes.length > 1 && <h3>{p.scenario.name}</h3>}
                  {!j ? (
                    <p className="trainer-hint">Loading the journey…</p>
                  ) : lines.length === 0 ? (
                    <p className="trainer-hint">No contact about this child in this scenario yet.</p>
                  ) : (
                    <>
                      <p className="trainer-hint">{journeySummary(j.records)}</p>
                      {/* The list scrolls inside its box, so it takes focus: keyboard users scroll it with the arrow keys. */}
                      <section
                        className="trainer-timeline-box"
                        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
                        tabIndex={0}
                        aria-label={`Journey of child ${followed}${panes.length > 1 ? `, ${p.scenario.name}` : ''} (scrolls)`}
                      >
                        <ol
                          className="trainer-timeline"
                          aria-label={`Journey of child ${followed}${panes.length > 1 ? `, ${p.scenario.name}` : ''}`}
                          data-now={j.now}
                        >
                          {lines.map((l, k) => (
                            <li key={k} className={l.concern ? 'is-concern' : undefined} data-kind={l.kind} data-t={l.t} data-case={l.caseId}>
                              <strong>{l.when}:</strong> {l.concern && <span className="trainer-flag">Concern: </span>}
                              {l.text}
                            </li>
                          ))}
                        </ol>
                      </section>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
