/**
 * The case journey: one contact about a child, from arrival to closure, as an XState v5
 * machine. It is the single source of truth for the pathway; the engine runs it through pure
 * transitions (compiled once per state and event, see src/sim/compiledMachine.ts) and the
 * trainer diagram is drawn from it. The machine holds no context: every decision arrives as
 * the `route` of a completion event, so a state and an event fully determine the next state.
 */
import { setup } from 'xstate';
import type { CaseEvent, EntryRoute } from './caseJourney.events.ts';
import { contactCentreStage } from './contactCentre.states.ts';
import { dutyTeamStage } from './dutyTeam.states.ts';
import { assessmentStage } from './assessment.states.ts';
import { earlyHelpState, servicesStage } from './services.states.ts';
import { routeTo } from './route.ts';

const noop = () => {};

export const caseJourneyMachine = setup({
  types: { events: {} as CaseEvent },
  guards: {
    /** True when the completion event's sampled outcome is `route`. */
    routeIs: ({ event }, params: { route: string }) => 'route' in event && event.route === params.route,
  },
  // Named so that `transition` returns them for the engine to interpret; they do nothing here.
  actions: {
    requestScreener: noop,
    requestManager: noop,
    requestScreenerForReclassification: noop,
    requestAllocation: noop,
    requestTransfer: noop,
    startScreening: noop,
    startDutyReview: noop,
    startReclassification: noop,
    startInitialAssessment: noop,
    startCoreAssessment: noop,
    startChildInNeedPlan: noop,
    startChildProtectionPlan: noop,
    startEarlyHelp: noop,
    releaseScreener: noop,
    releaseManager: noop,
    releaseCaseloadPlace: noop,
    releaseLongTermPlace: noop,
    recordReferral: noop,
    closeCase: noop,
  },
}).createMachine({
  id: 'caseJourney',
  initial: 'contactReceived',
  states: {
    contactReceived: {
      meta: { label: 'Contact received', stage: 'arrival' },
      on: {
        CONTACT_RECEIVED: [
          routeTo<EntryRoute>('screen', '#caseJourney.contactCentre'),
          routeTo<EntryRoute>('dutyScreen', '#caseJourney.dutyTeam'),
          routeTo<EntryRoute>('direct', '#caseJourney.assessment', 'recordReferral'),
        ],
      },
    },
    contactCentre: contactCentreStage,
    dutyTeam: dutyTeamStage,
    assessment: assessmentStage,
    services: servicesStage,
    earlyHelp: earlyHelpState,
    closed: {
      meta: { label: 'Closed', stage: 'closed' },
      type: 'final',
      entry: 'closeCase',
    },
  },
});
