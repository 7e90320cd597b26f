/**
 * Ongoing work after assessment (held by long-term teams, outside the duty teams' caseloads)
 * and early help (CAF), the alternative route to a referral (K10 ¶26, ¶72).
 */
export const servicesStage = {
  id: 'services',
  meta: { label: 'Plans and services', stage: 'services' },
  initial: 'childInNeed',
  states: {
    childInNeed: {
      meta: { label: 'Child in need plan' },
      entry: 'startChildInNeedPlan',
      on: { PLAN_ENDED: '#caseJourney.closed' },
    },
    childProtectionPlan: {
      meta: { label: 'Child protection plan' },
      entry: 'startChildProtectionPlan',
      on: { PLAN_ENDED: '#caseJourney.closed' },
    },
  },
  exit: 'releaseLongTermPlace',
} as const;

export const earlyHelpState = {
  meta: { label: 'Early help (CAF)', stage: 'earlyHelp' },
  entry: 'startEarlyHelp',
  on: { EARLY_HELP_ENDED: '#caseJourney.closed' },
} as const;
