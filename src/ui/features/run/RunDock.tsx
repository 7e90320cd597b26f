import { useId, type ReactNode } from 'react';
import type { RunActor } from '../../lib/run/useRun.ts';
import type { RunContext } from '../../lib/run/runMachine.ts';
import { RunStatus } from '../../lib/run/RunControls.tsx';

/**
 * The run bar that stays in reach: the Run button (submitting the settings form `formId`, which
 * may be elsewhere on the page), Cancel while a run is going, the live status and, when Run is
 * disabled, the reason beside it. It sticks to the top of the window while the page scrolls, so
 * Run is never thousands of pixels away, and it comes early in the Tab order.
 */

interface Props {
  formId: string;
  label: string;
  /** Why Run is disabled (null when it is not). */
  disabledReason: string | null;
  running: boolean;
  onCancel: () => void;
  status: string;
  context: RunContext;
  actor: RunActor;
  idleText: string;
  /** Shown after the status (e.g. a way to jump to the results). */
  children?: ReactNode;
}

export function RunDock({ formId, label, disabledReason, running, onCancel, status, context, actor, idleText, children }: Props) {
  const reasonId = useId();
  return (
    <section className="run-dock no-print" aria-label="Run">
      <div className="run-dock__row">
        <button
          type="submit"
          form={formId}
          className="button run-dock__run"
          disabled={disabledReason !== null}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          {label}
        </button>
        {running && (
          <button type="button" className="button button--warning" onClick={onCancel}>
            Cancel
          </button>
        )}
        {disabledReason && (
          <p className="run-dock__reason" id={reasonId}>
            {disabledReason}
          </p>
        )}
        {children}
      </div>
      <RunStatus status={status} context={context} actor={actor} idleText={idleText} />
    </section>
  );
}

/** Why a scenario cannot run yet, in one sentence (null when it can). */
export function runBlockedReason(problemCount: number, firstProblem: string | null): string | null {
  if (problemCount === 0) return null;
  const first = firstProblem ? ` First: ${firstProblem}.` : '';
  return problemCount === 1
    ? `Run is off until the problem in the scenario is fixed.${first}`
    : `Run is off until the ${problemCount} problems in the scenario are fixed.${first}`;
}
