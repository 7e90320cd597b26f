import { memo, useEffect, useState } from 'react';
import { SERVER_POOLS } from '../../../../models/staffPools.ts';
import { NEAR_CAPACITY, offeredLoad, type StageLoad } from '../../../sim/flow/capacity.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { BatchResult } from '../../../sim/results.ts';
import { formatNumber, formatValue } from '../../lib/format.ts';
import { MetricTerm } from '../../lib/MetricTerm.tsx';

const RHO_DEFINITION =
  'Offered load ρ (rho) = work arriving at a stage per month ÷ what its staff can do per month, worked out from the scenario’s numbers before any run. At 1 or more the queue grows for as long as the run lasts. It counts first contacts, duplicate reports and the children who come back after their case closes (sooner and with higher need when it was unmet), with assessments lengthened by the pressure that load puts on the team. It is an estimate, usually within about 0.1 of simulated utilisation; a stage between 0.95 and 1.05 may go either way.';

function sentence(s: StageLoad): string {
  const rho = Number.isFinite(s.rho) ? s.rho.toFixed(2) : 'infinite: no staff, or children return without end';
  if (s.unit === 'caseload places') {
    return `${formatNumber(s.offered)} caseload places needed for the assessments arriving, ${formatNumber(s.capacity)} available (ρ = ${rho})`;
  }
  return `${formatNumber(s.offered)} staff hours of work arrive a month, ${formatNumber(s.capacity)} hours available (ρ = ${rho})`;
}

/** Simulated utilisation matching a stage, when a run of the same scenario is at hand. */
function simulated(s: StageLoad, batch: BatchResult | null): number | null {
  if (!batch) return null;
  if (s.stage === 'assessmentPlaces') return batch.teams.find((t) => t.name === s.team)?.metrics.caseloadPlacesHeldShare.mean ?? null;
  if (s.stage === 'assessmentHours') return batch.teams.find((t) => t.name === s.team)?.metrics.socialWorkerUtilisation.mean ?? null;
  // The simulation measures the front door's staff together (every pool whose work is the front door's).
  if (SERVER_POOLS[s.stage].role === 'frontDoor') return batch.metrics.screenerUtilisation.mean;
  return null;
}

/** Checks already worked out, by scenario (a scenario is never changed in place: an edit makes a new one). */
const checked = new WeakMap<Scenario, StageLoad[]>();

/**
 * The offered-load check of `scenario`, worked out once per scenario after the page has drawn
 * (null until then). It takes about 0.1 s on a county and several times that the first time,
 * before the browser has compiled it; worked out inside the first render it held the page back
 * while the workers were building the opening run (main.tsx), and a Run pressed as soon as the
 * page showed waited for both. While a changed scenario is being checked the last check stays.
 */
function useOfferedLoad(scenario: Scenario): StageLoad[] | null {
  const [last, setLast] = useState<StageLoad[] | null>(() => checked.get(scenario) ?? null);
  const ready = checked.get(scenario);
  useEffect(() => {
    if (checked.has(scenario)) return; // read during the render above
    const timer = setTimeout(() => {
      const stages = offeredLoad(scenario);
      checked.set(scenario, stages);
      setLast(stages);
    }, 0);
    return () => clearTimeout(timer);
  }, [scenario]);
  return ready ?? last;
}

/**
 * Warns, before a run, when offered load at a stage is at or above capacity (ρ ≥ 1) or close to
 * it, with the numbers; lists every stage on request, beside the simulated utilisation if any.
 */
function CapacityPanelView({ scenario, batch }: { scenario: Scenario; batch: BatchResult | null }) {
  const stages = useOfferedLoad(scenario);
  if (!stages) {
    return (
      <section aria-labelledby="capacity-heading" aria-busy="true" className="notice">
        <h2 id="capacity-heading">Checking each stage’s capacity for the work arriving…</h2>
      </section>
    );
  }
  const over = stages.filter((s) => s.status === 'over').sort((a, b) => b.rho - a.rho);
  const near = stages.filter((s) => s.status === 'near').sort((a, b) => b.rho - a.rho);
  return (
    <section aria-labelledby="capacity-heading" className={over.length ? 'notice notice--error' : near.length ? 'notice' : 'notice notice--success'}>
      <h2 id="capacity-heading">
        {over.length
          ? `Unsustainable: ${over.length} ${over.length === 1 ? 'stage has' : 'stages have'} more work arriving than staff can do`
          : near.length
            ? `Close to capacity at ${near.length} ${near.length === 1 ? 'stage' : 'stages'}`
            : 'Every stage has capacity for the work arriving'}
      </h2>
      {over.length > 0 && (
        <>
          <p>Queues at these stages will grow for as long as the run lasts, so backlogs will keep rising whatever the run length:</p>
          <ul>
            {over.map((s) => (
              <li key={s.id} data-stage={s.id}>
                <strong>{s.label}</strong>: {sentence(s)}.
              </li>
            ))}
          </ul>
        </>
      )}
      {near.length > 0 && (
        <>
          <p>
            {over.length ? 'Also close to capacity' : 'Queues grow quickly as offered load nears 1'} (ρ of {NEAR_CAPACITY} or more):
          </p>
          <ul>
            {near.map((s) => (
              <li key={s.id} data-stage={s.id}>
                <strong>{s.label}</strong>: {sentence(s)}.
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="subsection">
        <summary>
          Offered load at every stage <span className="visually-hidden">(ρ)</span>
        </summary>
        <p className="small">
          <MetricTerm definition={RHO_DEFINITION}>What is offered load ρ?</MetricTerm>
        </p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Offered load at every stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col" className="num">
                  Work arriving a month
                </th>
                <th scope="col" className="num">
                  Capacity a month
                </th>
                <th scope="col" className="num">
                  ρ
                </th>
                <th scope="col" className="num">
                  Simulated utilisation
                </th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => {
                const sim = simulated(s, batch);
                return (
                  <tr key={s.id}>
                    <th scope="row" style={{ fontWeight: 400 }}>
                      {s.label}
                    </th>
                    <td className="num">
                      {formatNumber(s.offered)} {s.unit === 'caseload places' ? 'places' : 'h'}
                    </td>
                    <td className="num">
                      {formatNumber(s.capacity)} {s.unit === 'caseload places' ? 'places' : 'h'}
                    </td>
                    <td className="num">
                      <span className={`tag tag--${s.status}`}>{Number.isFinite(s.rho) ? s.rho.toFixed(2) : '∞'}</span>
                    </td>
                    <td className="num">{sim === null ? '–' : formatValue(sim, 'share')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

/** Redrawn only when its props change (not on every run progress or keystroke elsewhere). */
export const CapacityPanel = memo(CapacityPanelView);
