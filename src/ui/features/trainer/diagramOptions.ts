import type { LayoutOptions } from './layout.ts';

/**
 * The layout the trainer draws (and its tests check): states that hold many cases for long get
 * taller boxes, and early help sits under assessment, where the moves into it (from screening,
 * the duty manager and the initial assessment) nest without crossing the moves to plans.
 */
export const TRAINER_LAYOUT: LayoutOptions = {
  weights: { 'services.childInNeed': 2.7, 'services.childProtectionPlan': 1.15, earlyHelp: 0.75 },
  below: { earlyHelp: 'assessment' },
};
