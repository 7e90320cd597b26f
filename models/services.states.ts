/**
 * Ongoing work after assessment (held by long-term teams, outside the duty teams' caseloads)
 * and early help (CAF), the alternative route to a referral (K10 ¶26, ¶72). Each is an episode
 * of exponential months that ends with the child's need met or not (services.rules.ts).
 */
import { activityState } from './activity.ts';
import { closeAs } from './route.ts';

const planEnds = { PLAN_ENDED: { target: '#caseJourney.closed', actions: [closeAs('services')] } } as const;
const servicesNeedMet = (s: { services: { needMetShare: number } }) => s.services.needMetShare;

export const servicesStage = {
  id: 'services',
  meta: { label: 'Plans and services', stage: 'services' },
  initial: 'childInNeed',
  states: {
    childInNeed: activityState(
      'Child in need plan',
      {
        kind: 'episode',
        episode: 'plan',
        plan: 'childInNeed',
        meanMonths: (s) => s.services.meanChildInNeedMonths,
        needMetShare: servicesNeedMet,
        completes: 'PLAN_ENDED',
      },
      planEnds,
    ),
    childProtectionPlan: activityState(
      'Child protection plan',
      {
        kind: 'episode',
        episode: 'plan',
        plan: 'childProtection',
        meanMonths: (s) => s.services.meanChildProtectionMonths,
        needMetShare: servicesNeedMet,
        completes: 'PLAN_ENDED',
      },
      planEnds,
    ),
  },
  exit: { type: 'releasePlace', params: { pool: 'longTermPlaces' } },
} as const;

const earlyHelp = activityState(
  'Early help (CAF)',
  {
    kind: 'episode',
    episode: 'earlyHelp',
    meanMonths: (s) => s.earlyHelp.meanEarlyHelpMonths,
    needMetShare: (s) => s.earlyHelp.needMetShare,
    completes: 'EARLY_HELP_ENDED',
  },
  { EARLY_HELP_ENDED: { target: '#caseJourney.closed', actions: [closeAs('earlyHelp')] } },
);

export const earlyHelpState = { ...earlyHelp, meta: { ...earlyHelp.meta, stage: 'earlyHelp' } } as const;
