import type { Scenario } from '../../scenario/schema.ts';
import type { SeriesName } from '../../sim/metricDefinitions.ts';
import type { BatchResult } from '../../sim/results.ts';
import type { LabelledBatch } from './csv.ts';

/** A finished comparison: the scenarios' labels and their results, all on the same seeds. */
export interface ComparisonResult {
  batches: LabelledBatch[];
  scenarios: Scenario[];
}

/** Series overlaid by default: one for each theme. */
export const COMPARE_SERIES: SeriesName[] = ['reReferralRate', 'repeatWorkHours', 'awaitingAllocation', 'initialAssessmentsOverdue'];

/** A comparison job's result, built from the runner's batches. */
export function toComparison(scenarios: Scenario[], labels: string[], batches: BatchResult[]): ComparisonResult {
  return { scenarios, batches: batches.map((batch, i) => ({ label: labels[i] ?? batch.scenario.name, batch })) };
}
