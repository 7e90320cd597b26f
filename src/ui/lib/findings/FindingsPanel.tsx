import { useMemo } from 'react';
import type { Scenario } from '../../../scenario/schema.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { OPTION_LABELS, pathLabel } from '../labels.ts';
import type { LabelledBatch } from '../csv.ts';
import { changesLine, showValue, summariseChanges } from './changes.ts';
import { compareFindings, type ComparisonFindings, type Finding } from './findings.ts';
import { sweepFindings } from './sweepFindings.ts';
import './findings.css';

/** A setting's value in words: option labels for choices, numbers as people write them. */
export const showOption = (v: unknown): string => (typeof v === 'string' ? (OPTION_LABELS[v] ?? v) : showValue(v));

/** The findings of each scenario against the first (the baseline), with what each one changes. */
export function comparisonFindingsList(batches: readonly LabelledBatch[], scenarios: readonly Scenario[]): { findings: ComparisonFindings; changes: string }[] {
  const [base, ...others] = batches;
  if (!base) return [];
  return others.map((o, i) => ({
    findings: compareFindings({ ...base, scenario: base.scenario ?? scenarios[0] }, { ...o, scenario: o.scenario ?? scenarios[i + 1] }),
    changes: scenarios[0] && scenarios[i + 1] ? changesLine(summariseChanges(scenarios[0], scenarios[i + 1], pathLabel, showOption)) : '',
  }));
}

/** One finding as a list item, marked with its measure and direction (tests read these). */
export function FindingItem({ finding, scenario }: { finding: Finding; scenario?: string }) {
  return (
    <li
      data-finding={finding.metric}
      data-direction={finding.direction}
      data-judgement={finding.judgement}
      {...(scenario ? { 'data-scenario': scenario } : {})}
    >
      {finding.text}
    </li>
  );
}

/** Plain-words findings of a comparison: per scenario, what it changes, the lead, the mechanism, the clearest differences. */
export function ComparisonFindingsPanel({ batches, scenarios, max = 5 }: { batches: readonly LabelledBatch[]; scenarios: readonly Scenario[]; max?: number }) {
  const list = useMemo(() => comparisonFindingsList(batches, scenarios), [batches, scenarios]);
  if (list.length === 0) return null;
  return (
    <section className="findings" aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title">What the comparison found</h2>
      <p className="small secondary-text">
        Generated from the paired differences on the same seeds. A measure is named only when its 95% interval excludes zero; the rest show no clear difference.
      </p>
      {list.map(({ findings: f, changes }) => (
        <section key={f.label} className="findings__scenario" aria-label={`Findings: ${f.label}`}>
          <h3>{f.label}</h3>
          {changes && (
            <p className="small">
              Changes from {f.baselineLabel}: {changes}.
            </p>
          )}
          <p data-headline>
            <strong>{f.tally}</strong>
          </p>
          {f.mechanism && (
            <p>
              <span className="findings__how">How, in the model:</span> {f.mechanism}
            </p>
          )}
          {f.clear.length > 0 && (
            <ul className="findings__list">
              {f.clear.slice(0, max).map((x) => (
                <FindingItem key={x.metric} finding={x} scenario={f.label} />
              ))}
            </ul>
          )}
          {f.clear.length > max && <p className="small secondary-text">{f.clear.length - max} more clear differences are in the table below.</p>}
        </section>
      ))}
    </section>
  );
}

/** Plain-words findings of a sweep: what changes clearly from the lowest to the highest value, and where most. */
export function SweepFindingsPanel({
  values,
  batches,
  paramLabel,
  formatX,
  max = 6,
}: {
  values: readonly number[];
  batches: readonly BatchResult[];
  paramLabel: string;
  formatX: (v: number) => string;
  max?: number;
}) {
  const f = useMemo(() => sweepFindings(values, batches, paramLabel, formatX), [values, batches, paramLabel, formatX]);
  return (
    <section className="findings" aria-labelledby="sweep-findings-title" data-testid="sweep-findings">
      <h3 id="sweep-findings-title">What the sweep found</h3>
      <p data-headline>
        <strong>{f.headline}</strong>
      </p>
      {f.mechanism && (
        <p>
          <span className="findings__how">How, in the model:</span> {f.mechanism}
        </p>
      )}
      {f.clear.length > 0 && (
        <ul className="findings__list">
          {f.clear.slice(0, max).map((x) => (
            <FindingItem key={x.metric} finding={x} />
          ))}
        </ul>
      )}
      {f.clear.length > max && <p className="small secondary-text">{f.clear.length - max} more measures change clearly: see the charts and the CSV.</p>}
    </section>
  );
}
