/**
 * The case journey: one contact about a child, from arrival to closure, as an XState v5
 * machine. It is the single source of truth for the pathway; the engine runs it through pure
 * transitions (compiled once per state and event, see src/sim/compiledMachine.ts) and the
 * trainer diagram is drawn from it. The machine holds no context: every decision arrives as
 * the `route` of a completion event, so a state and an event fully determine the next state.
 * What happens in each state is declared beside it (`meta.activity`, models/activity.ts).
 */
import { setup } from 'xstate';
import type { CaseEvent, EngineAction, EngineActionParams } from './caseJourney.events.ts';
import { ENGINE_ACTION_NAMES } from './caseJourney.events.ts';
import { contactCentreStage } from './contactCentre.states.ts';
import { dutyTeamStage } from './dutyTeam.states.ts';
import { mashStage } from './mash.states.ts';
import { assessmentStage } from './assessment.states.ts';
import { earlyHelpState, servicesStage } from './services.states.ts';
import { decision, referral, routeTo } from './route.ts';

// Named so that `transition` returns them for the engine to interpret; they do nothing here.
const engineActions = Object.fromEntries(ENGINE_ACTION_NAMES.map((name) => [name, () => {}])) as unknown as {
  [A in EngineAction]: (args: unknown, params: EngineActionParams[A]) => void;
};

export const caseJourneyMachine = setup({
  types: { events: {} as CaseEvent },
  guards: {
    /** True when the completion event's sampled outcome is `route`. */
    routeIs: ({ event }, params: { route: string }) => 'route' in event && event.route === params.route,
  },
  actions: engineActions,
}).createMachine({
  id: 'caseJourney',
  initial: 'contactReceived',
  states: {
    contactReceived: {
      meta: { label: 'Contact received', stage: 'arrival' },
      on: {
        CONTACT_RECEIVED: [
          routeTo('screen', '#caseJourney.contactCentre'),
          routeTo('dutyScreen', '#caseJourney.dutyTeam'),
          routeTo('direct', '#caseJourney.assessment', decision, referral),
          routeTo('mash', '#caseJourney.mash'),
        ],
      },
    },
    contactCentre: contactCentreStage,
    mash: mashStage,
    dutyTeam: dutyTeamStage,
    assessment: assessmentStage,
    services: servicesStage,
    earlyHelp: earlyHelpState,
    closed: {
      meta: { label: 'Closed', stage: 'closed' },
      type: 'final',
    },
  },
});
