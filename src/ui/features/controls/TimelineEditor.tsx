import { useState } from 'react';
import { longDate } from '../../../scenario/calendarDates.ts';
import type { Scenario, TimelineChange } from '../../../scenario/schema.ts';
import { changeSentence } from '../../../scenario/timelineText.ts';
import {
  CHANGE_KINDS,
  CHANGE_VERBS,
  changeFromDraft,
  draftOf,
  hasAmount,
  hasCount,
  hasTeam,
  newDraft,
  type ChangeDraft,
  type DraftField,
} from './timelineDraft.ts';
import type { ScenarioAction } from './useScenarioStore.ts';
import './timeline.css';

/**
 * The timeline's changes, added as a sentence ("[3] [duty social workers leave] [Duty access point 1]
 * on [1 March 2011]"), listed in date order, each editable and removable: nobody edits JSON. The
 * sentence is checked against the schema (timelineDraft.ts) and refused with a message naming
 * the part to fix.
 */
export function TimelineEditor({ draft, dispatch }: { draft: Scenario; dispatch: (action: ScenarioAction) => void }) {
  const [sentence, setSentence] = useState<ChangeDraft>(() => newDraft(draft));
  const [editing, setEditing] = useState<number | null>(null);
  const [problems, setProblems] = useState<{ field: DraftField; message: string }[]>([]);
  const [status, setStatus] = useState('');
  const changes = draft.timeline.changes;
  const set = (patch: Partial<ChangeDraft>) => setSentence((s) => ({ ...s, ...patch }));
  const commit = (next: TimelineChange[]) => dispatch({ type: 'set', path: ['timeline', 'changes'], value: next });
  const submit = () => {
    const r = changeFromDraft(sentence, draft);
    if (!r.ok) {
      setProblems(r.problems);
      setStatus('');
      return;
    }
    setProblems([]);
    if (editing !== null) {
      commit(changes.map((c, i) => (i === editing ? r.value : c)));
      setStatus(`Changed: ${changeSentence(r.value)}.`);
    } else {
      commit([...changes, r.value]);
      setStatus(`Added: ${changeSentence(r.value)}.`);
    }
    setEditing(null);
  };
  const startEdit = (i: number) => {
    setSentence(draftOf(changes[i]!));
    setEditing(i);
    setProblems([]);
    setStatus(`Editing: ${changeSentence(changes[i]!)}. Change the sentence below, then save it.`);
    document.getElementById('timeline-kind')?.focus();
  };
  const remove = (i: number) => {
    const gone = changes[i]!;
    commit(changes.filter((_, j) => j !== i));
    if (editing === i) setEditing(null);
    setStatus(`Removed: ${changeSentence(gone)}.`);
  };
  const problemAt = (f: DraftField) => problems.filter((p) => p.field === f);
  const invalid = (f: DraftField) => (problemAt(f).length ? { 'aria-invalid': true as const, 'aria-describedby': 'timeline-problems' } : {});
  const order = changes.map((c, i) => [c, i] as const).sort((a, b) => a[0].date.localeCompare(b[0].date) || a[1] - b[1]);
  const k = sentence.change;
  return (
    <div className="timeline-editor">
      <h3>Changes during the run</h3>
      {order.length === 0 ? (
        <p className="hint">No changes yet: staffing, thresholds, early help and demand stay as set above for the whole run.</p>
      ) : (
        <ol className="timeline-list" aria-label="Changes in date order">
          {order.map(([c, i]) => (
            <li key={i} data-change={i}>
              <span>{changeSentence(c)}</span>{' '}
              <span className="timeline-list__actions">
                <button type="button" className="button button--secondary button--small" aria-label={`Edit: ${changeSentence(c)}`} onClick={() => startEdit(i)}>
                  Edit
                </button>{' '}
                <button type="button" className="button button--warning button--small" aria-label={`Remove: ${changeSentence(c)}`} onClick={() => remove(i)}>
                  Remove
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <fieldset className="timeline-sentence">
        <legend>{editing !== null ? 'Edit the change' : 'Add a change'}</legend>
        {problems.length > 0 && (
          <div className="error-message" id="timeline-problems" role="alert">
            <span className="visually-hidden">Error:</span>
            <ul>
              {problems.map((p) => (
                <li key={p.field + p.message}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="timeline-sentence__row">
          {hasCount(k) && (
            <span className="timeline-sentence__part">
              <label className="visually-hidden" htmlFor="timeline-count">
                How many
              </label>
              <input
                id="timeline-count"
                className="input input--number timeline-sentence__count"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={sentence.count}
                onChange={(e) => set({ count: e.target.value })}
                {...invalid('count')}
              />
            </span>
          )}
          <span className="timeline-sentence__part">
            <label className="visually-hidden" htmlFor="timeline-kind">
              What happens
            </label>
            <select id="timeline-kind" className="select" value={k} onChange={(e) => set({ change: e.target.value as ChangeDraft['change'] })}>
              {CHANGE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {CHANGE_VERBS[kind]}
                </option>
              ))}
            </select>
          </span>
          {hasTeam(k) && (
            <span className="timeline-sentence__part">
              <label className="visually-hidden" htmlFor="timeline-team">
                Duty team
              </label>
              <select id="timeline-team" className="select" value={sentence.team} onChange={(e) => set({ team: e.target.value })} {...invalid('team')}>
                {draft.dutyTeams.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
                <option value="all">every duty team</option>
              </select>
            </span>
          )}
          {hasAmount(k) && (
            <span className="timeline-sentence__part">
              <label htmlFor="timeline-amount">
                {k === 'demand' ? 'by' : 'to'}
                <span className="visually-hidden">
                  {k === 'threshold' ? ' the new threshold' : k === 'demand' ? ' a percentage' : ' a percentage of the district'}
                </span>
              </label>{' '}
              <input
                id="timeline-amount"
                className="input input--number timeline-sentence__count"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={sentence.amount}
                placeholder={k === 'threshold' ? '0-100' : k === 'demand' ? '+10' : '0-100'}
                onChange={(e) => set({ amount: e.target.value })}
                {...invalid('amount')}
              />
              {k === 'threshold' ? <span> (need score)</span> : <span> %</span>}
            </span>
          )}
          {k === 'agencyWorkersStart' && (
            <span className="timeline-sentence__part">
              <label htmlFor="timeline-weeks">
                for<span className="visually-hidden"> how many weeks</span>
              </label>{' '}
              <input
                id="timeline-weeks"
                className="input input--number timeline-sentence__count"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={sentence.weeks}
                aria-describedby="timeline-weeks-hint"
                onChange={(e) => set({ weeks: e.target.value })}
                {...invalid('weeks')}
              />{' '}
              <span id="timeline-weeks-hint">weeks (0: to the end of the run)</span>
            </span>
          )}
          <span className="timeline-sentence__part">
            <label htmlFor="timeline-date">
              on<span className="visually-hidden"> the date</span>
            </label>{' '}
            <input
              id="timeline-date"
              className="input"
              type="date"
              min={draft.timeline.startDate}
              value={sentence.date}
              aria-describedby="timeline-date-hint"
              onChange={(e) => set({ date: e.target.value })}
              {...invalid('date')}
            />
          </span>
        </div>
        <p className="hint" id="timeline-date-hint">
          The first measured day (after the warm-up) is {longDate(draft.timeline.startDate)}; set it under “Timeline start date” below.
        </p>
        {k === 'socialWorkersLeave' && (
          <div className="checkbox">
            <input id="timeline-refilled" type="checkbox" checked={sentence.refilled} onChange={(e) => set({ refilled: e.target.checked })} />
            <label htmlFor="timeline-refilled">
              Each post is filled again after the recruitment lag ({draft.workforce.recruitmentLagDays} days, under Workforce)
            </label>
          </div>
        )}
        {k === 'socialWorkersJoin' && (
          <div className="checkbox">
            <input id="timeline-nq" type="checkbox" checked={sentence.newlyQualified} onChange={(e) => set({ newlyQualified: e.target.checked })} />
            <label htmlFor="timeline-nq">They are newly qualified (protected caseload cap)</label>
          </div>
        )}
        <div className="button-group">
          <button type="button" className="button button--small" onClick={submit}>
            {editing !== null ? 'Save the change' : 'Add the change'}
          </button>
          {editing !== null && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setEditing(null);
                setProblems([]);
                setSentence(newDraft(draft));
                setStatus('Edit cancelled.');
              }}
            >
              Cancel
            </button>
          )}
        </div>
      </fieldset>
      <output className="small status-line" data-testid="timeline-status">
        {status}
      </output>
    </div>
  );
}
