import { memo, useState, type ReactNode } from 'react';
import type { Problem } from '../../../scenario/parse.ts';
import { AGENCY_LABELS, type Scenario } from '../../../scenario/schema.ts';
import { bulkEdit, bulkSummary, modeLabel, parseBulkAmount, refusalMessage, type BulkMode, type TeamChange } from './bulkEdit.ts';
import { markEdited } from './editedScenario.ts';
import './bulkEdit.css';
import { fieldSpec, getIn, objectKeysAt, type FieldPath } from '../../lib/fieldSpec.ts';
import { LABELS, pathLabel } from '../../lib/labels.ts';
import { ScenarioField, type FieldErrorReporter } from './ScenarioField.tsx';
import type { ScenarioAction } from './useScenarioStore.ts';
import { TimelineEditor } from './TimelineEditor.tsx';
import { MONTH_NAMES } from '../../../scenario/calendarDates.ts';

interface Props {
  draft: Scenario;
  problems: readonly Problem[];
  fieldErrors: readonly Problem[];
  onCommit: (path: FieldPath, value: unknown) => void;
  onFieldError: FieldErrorReporter;
  dispatch: (action: ScenarioAction) => void;
}

const Field = memo(ScenarioField, (a, b) => a.value === b.value && a.problem === b.problem && a.path.join('.') === b.path.join('.') && a.label === b.label);

/** Moves focus to a field, opening the sections it is folded inside. */
export function focusField(path: string): void {
  const candidates = [path, ...path.split('.').map((_, i, parts) => parts.slice(0, parts.length - i).join('.'))];
  for (const p of candidates) {
    const el = document.getElementById(`field-${p.replace(/\./g, '-')}`);
    if (!el) continue;
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    el.focus();
    el.scrollIntoView({ block: 'center' });
    return;
  }
}

/** The error summary for the scenario: every refused value and broken rule, each linked to its field. */
export function ScenarioErrorSummary({ problems, fieldErrors }: { problems: readonly Problem[]; fieldErrors: readonly Problem[] }) {
  const all = [...fieldErrors, ...problems.filter((p) => !fieldErrors.some((f) => f.path === p.path))];
  if (!all.length) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="scenario-errors-title" tabIndex={-1}>
      <h2 id="scenario-errors-title">There {all.length === 1 ? 'is a problem' : `are ${all.length} problems`} with the scenario</h2>
      <p className="small">The simulation will not run until {all.length === 1 ? 'it is' : 'they are'} fixed.</p>
      <ul>
        {all.map((p) => (
          <li key={`${p.path}:${p.message}`}>
            <button type="button" className="link-button" onClick={() => focusField(p.path)}>
              {pathLabel(p.path)}: {p.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Section({ title, id, open = false, children }: { title: string; id: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="section" open={open} id={`section-${id}`}>
      <summary>{title}</summary>
      <div className="section__body">{children}</div>
    </details>
  );
}

/** Timescale fields each framework does not read (src/scenario/framework.ts): hidden, and kept, under it. */
const INITIAL_AND_CORE_FIELDS = ['initialAssessmentTimescaleWorkingDays', 'coreAssessmentTimescaleWorkingDays'];
const SINGLE_ASSESSMENT_FIELDS = ['singleAssessmentTimescaleWorkingDays'];

/** Front-door fields only a MASH reads (models/mash.*.ts): hidden, and kept, under other structures. */
const MASH_ONLY_FIELDS = [
  'mashManagers',
  'meanMashDecisionHours',
  'mashThresholdInconsistencySd',
  'redResearchWindowHours',
  'amberResearchWindowHours',
  'greenResearchWindowHours',
  'mashInformationSharedShare',
  'mashClosedBeforeAssessmentShare',
];

/**
 * The scenario as controls, built from the schema: every field with its `.describe()` label,
 * grouped as practitioners think of the front door. Problems show at the field and in a summary.
 */
function ScenarioEditorView({ draft, problems, fieldErrors, onCommit, onFieldError, dispatch }: Props) {
  const problemAt = (path: FieldPath) => problems.find((p) => p.path === path.join('.'))?.message;
  const fields = (base: FieldPath, skip: string[] = []) =>
    objectKeysAt(base)
      .filter((k) => !skip.includes(k))
      .map((k) => {
        const path = [...base, k];
        const label = LABELS[path.join('.')];
        return (
          <Field
            key={k}
            path={path}
            value={getIn(draft, path)}
            onCommit={onCommit}
            onFieldError={onFieldError}
            problem={problemAt(path)}
            {...(label ? { label } : {})}
          />
        );
      });
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-labelledby="editor-heading" noValidate>
      <h2 id="editor-heading" className="visually-hidden">
        Scenario settings
      </h2>
      <ScenarioErrorSummary problems={problems} fieldErrors={fieldErrors} />
      <Section title="About this scenario" id="about">
        {fields(
          [],
          [
            'version',
            'sources',
            'calendar',
            'demand',
            'need',
            'frontDoor',
            'dutyTeams',
            'assessment',
            'services',
            'earlyHelp',
            'reReferral',
            'workforce',
            'timeline',
          ],
        )}
        {draft.sources.length > 0 && (
          <>
            <h3>Sources</h3>
            <ul className="small">
              {draft.sources.map((s, i) => (
                <li key={i}>
                  {s.document}
                  {s.paragraph ? `, ${s.paragraph}` : ''}
                  {s.supports ? ` (supports ${s.supports})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      <Section title="Front door" id="frontDoor" open>
        {fields(['frontDoor'], draft.frontDoor.structure === 'mash' ? [] : MASH_ONLY_FIELDS)}
      </Section>
      <Section title="Duty teams" id="dutyTeams" open>
        <TeamsEditor draft={draft} problems={problems} onCommit={onCommit} onFieldError={onFieldError} dispatch={dispatch} />
      </Section>
      <Section title="Demand" id="demand">
        <h3>Contacts from each agency</h3>
        {draft.demand.sources.map((src, i) => (
          <details className="subsection" key={i}>
            <summary>
              {AGENCY_LABELS[src.agency]}: {src.contactsPerMonth} a month
            </summary>
            {fields(['demand', 'sources', i], ['agency', 'monthlyFactors'])}
            <details className="subsection">
              <summary>Seasonality: contacts in each month (×)</summary>
              <p className="hint">{fieldSpec(['demand', 'sources', i, 'monthlyFactors']).description}</p>
              {MONTH_NAMES.map((month, m) => {
                const path = ['demand', 'sources', i, 'monthlyFactors', m];
                return (
                  <Field
                    key={month}
                    path={path}
                    value={getIn(draft, path)}
                    onCommit={onCommit}
                    onFieldError={onFieldError}
                    problem={problemAt(path)}
                    label={`${month} (× ${AGENCY_LABELS[src.agency]} rate)`}
                  />
                );
              })}
            </details>
          </details>
        ))}
        <h3>All agencies</h3>
        {fields(['demand'], ['sources'])}
      </Section>
      <Section title="Timeline: changes on given dates" id="timeline">
        <p className="hint">
          Changes take effect on their dates during the measured days; the warm-up and the county the run starts from never see them. Results mark each change
          on the weekly charts.
        </p>
        <TimelineEditor draft={draft} dispatch={dispatch} />
        {fields(['timeline'], ['changes'])}
      </Section>
      <Section title="Workforce over time" id="workforce">
        <p className="hint">
          Leavers, recruitment, newly qualified workers maturing and agency workers. At the defaults nothing changes during a run (national turnover is about
          16% a year).
        </p>
        {fields(['workforce'])}
      </Section>
      <Section title="Need levels" id="need">
        <p className="hint">
          Need is a score from 0 to 100. These levels say what a child truly needs; thresholds are what staff apply to the need they perceive.
        </p>
        {fields(['need'])}
      </Section>
      <Section title="Assessment and timescales" id="assessment">
        {fields(['assessment'], draft.assessment.framework === 'wt2013' ? INITIAL_AND_CORE_FIELDS : SINGLE_ASSESSMENT_FIELDS)}
      </Section>
      <Section title="Early help" id="earlyHelp">
        <p className="hint">Where early help works is set per duty team (early help coverage).</p>
        {fields(['earlyHelp'])}
      </Section>
      <Section title="Services after assessment" id="services">
        {fields(['services'])}
      </Section>
      <Section title="Children coming back (re-referral)" id="reReferral">
        {fields(['reReferral'])}
      </Section>
      <Section title="Working calendar" id="calendar">
        {fields(['calendar'])}
      </Section>
    </form>
  );
}

const TEAM_NUMERIC_KEYS = () => objectKeysAt(['dutyTeams', 0]).filter((k) => fieldSpec(['dutyTeams', 0, k]).kind === 'number');

function TeamsEditor({ draft, problems, onCommit, onFieldError, dispatch }: Omit<Props, 'fieldErrors'>) {
  const keys = TEAM_NUMERIC_KEYS();
  const [bulkKey, setBulkKey] = useState('threshold');
  const [bulkMode, setBulkMode] = useState<BulkMode>('set');
  const [bulkText, setBulkText] = useState('');
  const [bulkError, setBulkError] = useState<string | null>(null);
  const [bulkDone, setBulkDone] = useState<{ summary: string; changes: TeamChange[] } | null>(null);
  const problemAt = (path: FieldPath) => problems.find((p) => p.path === path.join('.'))?.message;
  const applyBulk = () => {
    const spec = fieldSpec(['dutyTeams', 0, bulkKey]);
    const parsed = parseBulkAmount(bulkText, bulkMode);
    const result = parsed.ok ? bulkEdit(draft.dutyTeams, bulkKey, spec, parsed.op) : { ok: false as const, problems: [parsed.message] };
    if (!parsed.ok || !result.ok) {
      setBulkError(result.ok ? null : parsed.ok ? refusalMessage(result.problems, draft.dutyTeams.length) : result.problems.join('; '));
      setBulkDone(null);
      return;
    }
    setBulkError(null);
    dispatch({ type: 'setMany', changes: result.changes.map((c) => ({ path: ['dutyTeams', c.index, bulkKey], value: c.after })) });
    setBulkDone({ summary: bulkSummary(parsed.op, bulkKey, spec.description, result.changes), changes: result.changes });
  };
  const addTeam = () => {
    const last = draft.dutyTeams[draft.dutyTeams.length - 1];
    if (!last) return;
    let n = draft.dutyTeams.length + 1;
    while (draft.dutyTeams.some((t) => t.name === `Duty team ${n}`)) n++;
    dispatch({
      type: 'replace',
      scenario: markEdited({ ...draft, dutyTeams: [...draft.dutyTeams, { ...last, name: `Duty team ${n}` }] }, []),
      origin: 'edited',
    });
  };
  return (
    <>
      <div className="panel bulk-panel">
        <h3>Change every duty team at once</h3>
        <p className="hint">Set one value for every team, or move each team’s own value: stricter or looser by some points, add or take off, or multiply.</p>
        <div className="form-group">
          <label className="label label--normal" htmlFor="bulk-field">
            Setting
          </label>
          <select id="bulk-field" className="select input--wide" value={bulkKey} onChange={(e) => setBulkKey(e.target.value)}>
            {keys.map((k) => (
              <option key={k} value={k}>
                {fieldSpec(['dutyTeams', 0, k]).description}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="label label--normal" htmlFor="bulk-mode">
            How to change it
          </label>
          <select id="bulk-mode" className="select input--wide" value={bulkMode} onChange={(e) => setBulkMode(e.target.value as BulkMode)}>
            {(['set', 'add', 'subtract', 'multiply'] as const).map((m) => (
              <option key={m} value={m}>
                {modeLabel(m, bulkKey)}
              </option>
            ))}
          </select>
        </div>
        <div className={`form-group${bulkError ? ' form-group--error' : ''}`}>
          <label className="label label--normal" htmlFor="bulk-value">
            Amount
          </label>
          <p className="hint" id="bulk-value-hint">
            A number; or write the change itself: +2, −5, ×1.2 or +10%.
          </p>
          {bulkError && (
            <span className="error-message" id="bulk-value-error">
              <span className="visually-hidden">Error:</span> {bulkError}
            </span>
          )}
          <input
            id="bulk-value"
            className={`input input--number${bulkError ? ' input--error' : ''}`}
            type="text"
            inputMode="decimal"
            value={bulkText}
            aria-describedby={bulkError ? 'bulk-value-hint bulk-value-error' : 'bulk-value-hint'}
            onChange={(e) => setBulkText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyBulk();
              }
            }}
          />{' '}
          <button type="button" className="button button--secondary button--small" onClick={applyBulk}>
            Apply to every team
          </button>
        </div>
        <output className="small status-line" data-testid="bulk-result">
          {bulkDone && (
            <>
              {bulkDone.summary}
              <ul className="bulk-changes">
                {bulkDone.changes.map((c) => (
                  <li key={c.index} data-team={c.index}>
                    {c.team}: {c.before.toLocaleString('en-GB')} → {c.after.toLocaleString('en-GB')}
                    {c.before === c.after ? ' (unchanged)' : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
        </output>
      </div>
      {draft.dutyTeams.map((team, i) => (
        <details className="subsection" key={i}>
          <summary>
            {team.name}: threshold {team.threshold}, {team.socialWorkerPosts} posts, {Math.round(team.vacancyRate * 100)}% vacant
          </summary>
          {objectKeysAt(['dutyTeams', i]).map((k) => {
            const path = ['dutyTeams', i, k];
            return <Field key={k} path={path} value={getIn(draft, path)} onCommit={onCommit} onFieldError={onFieldError} problem={problemAt(path)} />;
          })}
          {draft.dutyTeams.length > 1 && (
            <button
              type="button"
              className="button button--warning button--small"
              onClick={() =>
                dispatch({ type: 'replace', scenario: markEdited({ ...draft, dutyTeams: draft.dutyTeams.filter((_, j) => j !== i) }, []), origin: 'edited' })
              }
            >
              Remove {team.name}
            </button>
          )}
        </details>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={addTeam}>
        Add a duty team
      </button>
    </>
  );
}

/** Redrawn only when its props change (not on every run progress or keystroke elsewhere). */
export const ScenarioEditor = memo(ScenarioEditorView);
