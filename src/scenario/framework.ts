import type { Assessment, AssessmentFramework } from './schema.ts';

/**
 * What the statutory framework means for a scenario (national-figures.md, "Assessment
 * timescales"; DESIGN.md). The framework sets the shape of the assessment pathway and its
 * timescale; the timescale fields (`assessment.*TimescaleWorkingDays`) hold the numbers, with
 * each framework's as their defaults. Under the 2000 framework and Working Together 2010 an
 * initial assessment may lead to a core assessment with its own clock; from Working Together
 * 2013 one single assessment runs against one clock from the referral, and a case that would
 * have had a core assessment has a longer single assessment (the engine carries it on).
 */

/** The framework's name as a manager would say it. */
export const FRAMEWORK_NAMES: Readonly<Record<AssessmentFramework, string>> = {
  '2000': 'Framework for the Assessment of Children in Need (2000)',
  wt2010: 'Working Together 2010',
  wt2013: 'Working Together 2013 onwards',
};

/** Whether the framework has one single assessment (Working Together 2013 onwards) rather than initial then core. */
export function usesSingleAssessment(a: Pick<Assessment, 'framework'>): boolean {
  return a.framework === 'wt2013';
}

/**
 * Working days allowed from the referral (or allocation, where the scenario starts the clock
 * there) to a completed first assessment: the initial assessment's timescale, or the single
 * assessment's under Working Together 2013.
 */
export function firstAssessmentTimescaleWorkingDays(
  a: Pick<Assessment, 'framework' | 'initialAssessmentTimescaleWorkingDays' | 'singleAssessmentTimescaleWorkingDays'>,
): number {
  return usesSingleAssessment(a) ? a.singleAssessmentTimescaleWorkingDays : a.initialAssessmentTimescaleWorkingDays;
}

/** The timescales in words, e.g. "initial assessment within 10 working days, core within 35". */
export function timescaleSentence(a: Assessment): string {
  const decision = `decision within ${a.decisionTimescaleWorkingDays} working day${a.decisionTimescaleWorkingDays === 1 ? '' : 's'}`;
  return usesSingleAssessment(a)
    ? `${decision}; single assessment within ${a.singleAssessmentTimescaleWorkingDays} working days of the referral`
    : `${decision}; initial assessment within ${a.initialAssessmentTimescaleWorkingDays} working days, core assessment within ${a.coreAssessmentTimescaleWorkingDays}`;
}
