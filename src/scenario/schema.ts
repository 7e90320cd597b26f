import { z } from 'zod';
import './zodConfig.ts';
import { daysBetween, parseIsoDate } from './calendarDates.ts';

/**
 * The scenario schema: the single source of truth for what a scenario is. Units are in field
 * names; every `.describe()` text is also the label/help text in the UI. Parsed only at the
 * edges (file, URL, CLI, worker); the engine takes a parsed `Scenario`, never `unknown`.
 *
 * Need is a latent score on 0-100. Fixed levels (`need.*Level`) say what a child truly needs;
 * thresholds (front door, duty teams) are what staff apply to the need they *perceive*.
 */

/** Schema version written into every scenario; older versions are migrated in parse.ts. */
export const SCENARIO_VERSION = 1 as const;

const share = (what: string) => z.number().min(0).max(1).describe(what);
const needScore = (what: string) => z.number().min(0).max(100).describe(what);
const count = (what: string, max = 10_000) => z.number().int().min(0).max(max).describe(what);

export const AGENCIES = ['police', 'school', 'health', 'gp', 'familySelf', 'anonymous', 'otherLocalAuthority', 'other'] as const;
export const Agency = z.enum(AGENCIES).describe('Referring agency');
export type Agency = z.infer<typeof Agency>;

export const AGENCY_LABELS: Record<Agency, string> = {
  police: 'Police',
  school: 'School',
  health: 'Health',
  gp: 'GP',
  familySelf: 'Family or self',
  anonymous: 'Anonymous',
  otherLocalAuthority: 'Other local authority',
  other: 'Other',
};

export const DemandSource = z.strictObject({
  agency: Agency,
  contactsPerMonth: z.number().min(0).max(1_000_000).describe('New concerns per month from this agency (before any early-help diversion)'),
  informationQualitySd: z
    .number()
    .min(0)
    .max(50)
    .describe('Extra error (need-score points, standard deviation) that this agency’s information adds to what a screener sees; larger = poorer information'),
  needShift: z
    .number()
    .min(-50)
    .max(50)
    .default(0)
    .describe('How much higher (or lower) the need of children this agency contacts about is, in need-score points'),
  perceivedNeedBias: z
    .number()
    .min(-50)
    .max(50)
    .default(0)
    .describe(
      'How much screeners and duty managers over- or under-read this agency’s contacts, in need-score points (negative: discounted, as anonymous referrals seen as malicious, K10 ¶27)',
    ),
  monthlyFactors: z
    .array(z.number().min(0).max(5))
    .length(12)
    .default([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    .describe(
      'Seasonality: this agency’s contacts in each calendar month, January to December, as a multiple of its rate (1 = no change; schools’ contacts fall in August). Applies from the timeline’s start date; a mean of 1 keeps the year’s total',
    ),
});
export type DemandSource = z.infer<typeof DemandSource>;

export const Demand = z.strictObject({
  sources: z.array(DemandSource).min(1).describe('Referring agencies and their contact rates'),
  trendPerYear: z.number().min(-0.9).max(5).default(0).describe('Growth in demand per year as a fraction (0.1 = 10% more contacts a year later)'),
  meanNeedScore: needScore('Mean true need of children on first contact (0-100)'),
  needScoreSd: z.number().min(0).max(50).describe('Spread of true need between children (need-score points, sd)'),
  knownChildShare: share('Share of new children already known to social care (open or historic cases)'),
  multiAgencyReportShare: share('Chance that an incident is also reported by a second agency (a duplicate contact)'),
  duplicateWindowDays: z.number().min(0).max(60).describe('A contact within this many days of another contact about the same child counts as a duplicate'),
});
export type Demand = z.infer<typeof Demand>;

export const NeedLevels = z
  .strictObject({
    moderateLevel: needScore('True need at or above which a child would benefit from early help'),
    childInNeedLevel: needScore('True need at or above which a child needs children-in-need services'),
    childProtectionLevel: needScore('True need at or above which a child needs child protection'),
  })
  .check((ctx) => {
    const v = ctx.value;
    if (!(v.moderateLevel <= v.childInNeedLevel && v.childInNeedLevel <= v.childProtectionLevel)) {
      ctx.issues.push({
        code: 'custom',
        path: ['childInNeedLevel'],
        message: `need levels must rise: moderate (${v.moderateLevel}) ≤ child in need (${v.childInNeedLevel}) ≤ child protection (${v.childProtectionLevel})`,
        input: v,
      });
    }
  });
export type NeedLevels = z.infer<typeof NeedLevels>;

export const WorkingCalendar = z.strictObject({
  mode: z
    .enum(['workingDays', 'always'])
    .describe('"workingDays": staff work weekdays only; "always": staff work around the clock (for checks against queueing theory)'),
  hoursPerDay: z.number().min(1).max(24).describe('Working hours per working day'),
  workingDaysPerWeek: z.number().int().min(1).max(7).describe('Working days per week (day 0 of a run is a Monday)'),
  bankHolidayDaysOfYear: z.array(z.number().int().min(0).max(364)).default([]).describe('Days of the year (0 = first day of the run) that are bank holidays'),
});
export type WorkingCalendar = z.infer<typeof WorkingCalendar>;

export const FRONT_DOOR_STRUCTURES = ['contactCentre', 'singleQualified', 'districtDuty', 'direct', 'mash'] as const;
export const FrontDoor = z.strictObject({
  structure: z
    .enum(FRONT_DOOR_STRUCTURES)
    .describe(
      'contactCentre: a centre screens, known children are screened again by duty managers (Kent 2010); singleQualified: one qualified front door decides once; districtDuty: each duty team screens its own contacts; direct: every contact is a referral (queueing checks); mash: a multi-agency safeguarding hub screens and rates each contact red, amber or green, partners check their records within that window, and a qualified MASH manager decides once',
    ),
  unqualifiedScreeners: count('Unqualified screeners at the front door (staff on duty)'),
  qualifiedScreeners: count('Qualified social workers screening at the front door'),
  meanScreeningHours: z.number().min(0).max(40).describe('Staff hours to screen one contact'),
  unqualifiedScreeningSd: z.number().min(0).max(50).describe('Error of an unqualified screener’s view of need (need-score points, sd)'),
  qualifiedScreeningSd: z.number().min(0).max(50).describe('Error of a qualified screener’s or manager’s view of need (need-score points, sd)'),
  referralThreshold: needScore('Perceived need at or above which the front door classifies a contact as a referral'),
  childProtectionFastTrack: z.boolean().describe('Contacts that look like child protection go straight to the duty team for allocation'),
  knownChildrenRescreened: z
    .boolean()
    .default(true)
    .describe(
      'With a contact centre: contacts about children already known to social care are screened by the centre and then screened again by the duty manager (Kent 2010). Off: the centre passes known children straight to the duty manager, who screens them once against the team’s threshold',
    ),
  reclassificationRequired: z
    .boolean()
    .describe('A duty team that wants to accept a contact must return it to the centre to be reclassified as a referral (Kent 2010)'),
  mashManagers: count('MASH: qualified managers who decide once on each contact, with partners’ information in hand', 500).default(0),
  meanMashDecisionHours: z.number().min(0).max(40).default(1).describe('MASH: manager hours to decide on one contact'),
  mashThresholdInconsistencySd: z
    .number()
    .min(0)
    .max(50)
    .default(0)
    .describe('MASH: how unevenly the managers apply the referral threshold from one decision to the next (need-score points, sd)'),
  redResearchWindowHours: z.number().min(0).max(720).default(4).describe('MASH: hours within which partners check their records on a contact rated red'),
  amberResearchWindowHours: z.number().min(0).max(720).default(24).describe('MASH: hours within which partners check their records on a contact rated amber'),
  greenResearchWindowHours: z.number().min(0).max(720).default(72).describe('MASH: hours within which partners check their records on a contact rated green'),
  mashInformationSharedShare: share(
    'MASH: share of the referring agency’s information error and bias that partners’ records remove before the manager decides',
  ).default(0),
  mashClosedBeforeAssessmentShare: share(
    'MASH: of the referrals it accepts whose need, as the checks after acceptance read it (the assessing social worker’s view), is below the child-in-need level, the share closed with no further action before an assessment starts (counted as referrals and as closures before assessment; England about 10% of all referrals). 0: every accepted referral is assessed',
  ).default(0),
});
export type FrontDoor = z.infer<typeof FrontDoor>;

export const DutyTeam = z
  .strictObject({
    name: z.string().min(1).max(80).describe('Duty team (duty access point) name'),
    demandShare: z.number().min(0).max(1000).describe('Relative share of the county’s children this team serves'),
    threshold: needScore('Perceived need at or above which this team accepts a referral for assessment'),
    thresholdInconsistencySd: z.number().min(0).max(50).describe('How unevenly the threshold is applied from one decision to the next (need-score points, sd)'),
    managers: count('Duty managers screening and deciding on referrals', 500),
    meanManagerScreeningHours: z.number().min(0).max(40).describe('Manager hours to screen or decide on one contact or referral'),
    socialWorkerPosts: count('Social worker posts (full-time equivalent) doing assessments', 5000),
    vacancyRate: share('Share of social worker posts vacant'),
    newlyQualifiedShare: share('Share of filled posts held by newly qualified social workers'),
    caseloadCap: z.number().int().min(1).max(200).describe('Most assessments an experienced social worker holds at once'),
    newlyQualifiedCaseloadCap: z.number().int().min(1).max(200).describe('Protected caseload cap of a newly qualified social worker'),
    earlyHelpCoverage: share('Share of this district where early help (CAF) is working'),
    longTermSocialWorkers: z
      .number()
      .int()
      .min(0)
      .max(5000)
      .default(0)
      .describe(
        'Social workers in this district’s long-term teams holding child-in-need and child protection plans (used when long-term capacity is modelled)',
      ),
    longTermCaseloadCap: z.number().int().min(1).max(200).default(16).describe('Most plans a long-term social worker holds at once'),
    partTimeShare: share('Share of this team’s filled duty posts held by part-time social workers').default(0),
    partTimeFte: z
      .number()
      .min(0.1)
      .max(1)
      .default(0.5)
      .describe('Full-time equivalent of a part-time duty social worker (share of the full-time working week)'),
    nonCaseWorkShare: share(
      'Share of a duty social worker’s contracted time that goes on travel, supervision, training and administration rather than assessments',
    ).default(0.25),
  })
  .check((ctx) => {
    const t = ctx.value;
    if (t.newlyQualifiedCaseloadCap > t.caseloadCap) {
      ctx.issues.push({
        code: 'custom',
        path: ['newlyQualifiedCaseloadCap'],
        message: `a newly qualified worker’s protected cap (${t.newlyQualifiedCaseloadCap}) must not exceed the full cap (${t.caseloadCap})`,
        input: t,
      });
    }
  });
export type DutyTeam = z.infer<typeof DutyTeam>;

/**
 * The statutory assessment frameworks (national-figures.md, "Assessment timescales"): the
 * Framework for the Assessment of Children in Need (2000: decision in 1 working day, initial
 * assessment in 7, core in 35); Working Together 2010 (initial assessment in up to 10, core 35);
 * Working Together 2013 onwards (decision in 1 working day, one *single assessment* within 45
 * working days of the referral). src/scenario/framework.ts holds the timescales and labels.
 */
export const ASSESSMENT_FRAMEWORKS = ['2000', 'wt2010', 'wt2013'] as const;
export type AssessmentFramework = (typeof ASSESSMENT_FRAMEWORKS)[number];

export const Assessment = z.strictObject({
  framework: z
    .enum(ASSESSMENT_FRAMEWORKS)
    .default('2000')
    .describe(
      'Statutory framework: "2000" (Framework for Assessment: initial assessment in 7 working days, then core in 35), "wt2010" (Working Together 2010: initial up to 10, core 35) or "wt2013" (Working Together 2013 onwards: one single assessment within 45 working days of the referral; cases that would have had a core assessment have a longer single assessment). Files saved before this setting get theirs from their initial-assessment timescale',
    ),
  decisionTimescaleWorkingDays: z.number().min(0).max(20).default(1).describe('Working days allowed from contact to a decision on it (Working Together: 1)'),
  initialAssessmentClockStartsAt: z
    .enum(['referral', 'allocation'])
    .default('referral')
    .describe(
      'When the initial-assessment timescale starts: "referral" (DfE: the date of referral, so waiting for a duty manager or for allocation counts) or "allocation" (when a social worker takes the case)',
    ),
  initialAssessmentTimescaleWorkingDays: z
    .number()
    .min(1)
    .max(60)
    .default(7)
    .describe(
      'Working days allowed from referral to a completed initial assessment (7, or 10 under Working Together 2010; not used under Working Together 2013)',
    ),
  coreAssessmentTimescaleWorkingDays: z
    .number()
    .min(1)
    .max(200)
    .default(35)
    .describe('Working days allowed for a core assessment (35; not used under Working Together 2013)'),
  singleAssessmentTimescaleWorkingDays: z
    .number()
    .min(1)
    .max(200)
    .default(45)
    .describe(
      'Working days allowed from referral to a completed single assessment under Working Together 2013 onwards (45; not used under earlier frameworks)',
    ),
  meanInitialAssessmentWorkingDays: z
    .number()
    .min(0)
    .max(200)
    .describe('Working days an initial assessment takes, on average, when its social worker has the time it needs (longer when their time is short)'),
  meanCoreAssessmentWorkingDays: z
    .number()
    .min(0)
    .max(400)
    .describe('Working days a core assessment takes, on average, when its social worker has the time it needs (longer when their time is short)'),
  durationShape: z.number().min(0.2).max(50).describe('Gamma shape of the work in an assessment (1 = exponential; larger = more regular)'),
  initialAssessmentWorkHours: z.number().min(0).max(200).describe('Social worker hours of work in one initial assessment, on average'),
  coreAssessmentWorkHours: z.number().min(0).max(500).describe('Social worker hours of work in one core assessment, on average'),
  deadlinePriority: z
    .number()
    .min(0)
    .max(10)
    .default(1)
    .describe(
      'How strongly social workers put an assessment near its deadline first: within the focus days it gets (1 + this) times the share of their time and can go (1 + this) times as fast (0 = deadlines change nothing)',
    ),
  deadlineFocusWorkingDays: z
    .number()
    .min(0)
    .max(60)
    .default(3)
    .describe('Working days before an assessment’s statutory deadline in which its social worker puts it first'),
  coreAssessmentLevel: needScore('Perceived need at or above which an initial assessment leads to a core assessment'),
  qualifiedAssessmentSd: z.number().min(0).max(50).describe('Error of an experienced social worker’s assessment of need (points, sd)'),
  newlyQualifiedAssessmentSd: z.number().min(0).max(50).describe('Error of a newly qualified social worker’s assessment of need (points, sd)'),
  prematureClosureBaseRate: share('Chance that an assessment which should lead to services closes anyway, with no pressure'),
  prematureClosurePerPressure: z.number().min(0).max(10).describe('Extra chance of premature closure per unit of team pressure above the knee'),
  durationStretchPerPressure: z.number().min(0).max(10).describe('Assessments take this much longer (as a fraction) per unit of team pressure above the knee'),
  pressureKnee: z
    .number()
    .min(0)
    .max(5)
    .describe('Team pressure ((open + waiting assessments) ÷ caseload places) above which workload starts to harm practice'),
  pressureCap: z
    .number()
    .min(0)
    .max(20)
    .default(2)
    .describe('Team pressure beyond which more waiting cases do not harm practice further (keeps an overloaded team from a runaway)'),
});
export type Assessment = z.infer<typeof Assessment>;

export const Services = z.strictObject({
  longTermCapacity: z
    .enum(['unlimited', 'caseloadCaps'])
    .default('unlimited')
    .describe(
      'unlimited: plans start as soon as an assessment ends; caseloadCaps: a plan needs a place in the district’s long-term team and the case waits, still held by its duty social worker, until one is free',
    ),
  meanChildInNeedMonths: z.number().min(0).max(120).describe('Months a child-in-need plan lasts on average'),
  meanChildProtectionMonths: z.number().min(0).max(120).describe('Months a child protection plan lasts on average'),
  childInNeedPlanHoursPerMonth: z
    .number()
    .min(0)
    .max(80)
    .default(0)
    .describe(
      'Hours of casework a month a child-in-need plan takes (visits, reviews, meetings with the family and agencies); a duty social worker gives them while holding the case until a long-term team has a place (long-term capacity by caseload caps), so they come off the hours for assessments',
    ),
  childProtectionPlanHoursPerMonth: z
    .number()
    .min(0)
    .max(80)
    .default(0)
    .describe(
      'Hours of casework a month a child protection plan takes (statutory visits, core groups, review conferences); given by the duty social worker holding the case until a long-term team has a place, before their assessments',
    ),
  needMetShare: share('Share of children whose need is met when services end'),
});
export type Services = z.infer<typeof Services>;

export const EarlyHelp = z.strictObject({
  upstreamDiversionShare: share(
    'Where early help works, share of moderate-need concerns that partners handle through early help without contacting social care',
  ),
  signpostedTakeUpShare: share('Where early help works, share of signposted children with moderate or higher need who take it up'),
  needMetShare: share('Share of children in early help whose need is met'),
  meanEarlyHelpMonths: z.number().min(0).max(60).describe('Months early help lasts on average'),
});
export type EarlyHelp = z.infer<typeof EarlyHelp>;

export const ReReferral = z.strictObject({
  unmetNeedReturnsPerYear: z.number().min(0).max(100).describe('Rate (per year) at which a child whose need is unmet comes back as a new contact'),
  metNeedReturnsPerYear: z.number().min(0).max(100).describe('Rate (per year) at which a child whose need was met comes back as a new contact'),
  returnHorizonMonths: z
    .number()
    .min(0)
    .max(216)
    .default(24)
    .describe('A child who has not come back within this many months of closure does not come back (need resolved, moved away or grown up)'),
  escalationOnReturn: z.number().min(0).max(50).describe('Need-score points an unmet need grows by before the child comes back'),
  windowMonths: z
    .number()
    .min(1)
    .max(60)
    .default(12)
    .describe('A referral within this many months of a previous referral for the same child is a re-referral (DfE: 12)'),
  historicReferralLookbackMonths: z.number().min(0).max(120).describe('Known children’s last referral before the run is spread evenly over this many months'),
});
export type ReReferral = z.infer<typeof ReReferral>;

export const SourceCitation = z.strictObject({
  document: z.string().min(1).describe('Source document (file in shared/sources or a published reference)'),
  paragraph: z.string().default('').describe('Paragraph or line the figure comes from'),
  quote: z.string().default('').describe('The words quoted'),
  supports: z.string().default('').describe('Which scenario field(s) this supports'),
});
export type SourceCitation = z.infer<typeof SourceCitation>;

/** A calendar date, `YYYY-MM-DD`, that exists. */
const calendarDate = (what: string) =>
  z
    .string()
    .refine((v) => parseIsoDate(v) !== null, { message: 'must be a real date written YYYY-MM-DD, e.g. 2011-03-01' })
    .describe(what);

/** Which duty team a change applies to: a team's name, or "all" for every team. */
const teamRef = z.string().min(1).max(80).describe('The duty team the change applies to (its name), or "all" for every duty team');
const changeDate = calendarDate('The day the change takes effect (YYYY-MM-DD, within the measured days)');

/**
 * One dated change (issue 12 item 5). Front-door structure is not among them: the entry route,
 * the staff pools and the states a case can be in are fixed when a run starts (the case journey
 * machine and the pools are built from it), so a run cannot switch structure part-way; compare
 * the two scenarios instead (DESIGN.md).
 */
export const TimelineChange = z.discriminatedUnion('change', [
  z.strictObject({
    change: z.literal('socialWorkersLeave').describe('Duty social workers leave; their posts fall vacant'),
    date: changeDate,
    team: teamRef,
    count: count('How many duty social workers leave', 500).pipe(z.number().min(1)),
    refilled: z
      .boolean()
      .default(true)
      .describe('Whether each vacated post is filled again after the recruitment lag (workforce.recruitmentLagDays); off: it stays vacant'),
  }),
  z.strictObject({
    change: z.literal('socialWorkersJoin').describe('Duty social workers join (new posts filled, or vacancies filled)'),
    date: changeDate,
    team: teamRef,
    count: count('How many duty social workers join', 500).pipe(z.number().min(1)),
    newlyQualified: z.boolean().default(false).describe('Whether they are newly qualified (protected caseload cap)'),
  }),
  z.strictObject({
    change: z.literal('agencyWorkersStart').describe('Agency social workers are engaged'),
    date: changeDate,
    team: teamRef,
    count: count('How many agency social workers are engaged', 500).pipe(z.number().min(1)),
    weeks: z.number().int().min(0).max(520).default(0).describe('Weeks they are engaged for (0 = to the end of the run)'),
  }),
  z.strictObject({
    change: z.literal('threshold').describe('A duty team’s threshold for accepting referrals changes'),
    date: changeDate,
    team: teamRef,
    threshold: needScore('The new threshold: perceived need at or above which the team accepts a referral'),
  }),
  z.strictObject({
    change: z.literal('earlyHelpCoverage').describe('Early help (CAF) starts or stops working in part of a district'),
    date: changeDate,
    team: teamRef,
    coverage: share('The new share of the district where early help works'),
  }),
  z.strictObject({
    change: z.literal('demand').describe('Contacts step up or down from a date'),
    date: changeDate,
    factor: z.number().min(0).max(10).describe('Contacts from every agency are multiplied by this from the date on (1.2 = 20% more); steps multiply'),
  }),
]);
export type TimelineChange = z.infer<typeof TimelineChange>;
export type TimelineChangeKind = TimelineChange['change'];

export const Timeline = z.strictObject({
  startDate: calendarDate(
    'The calendar date of the first measured day (after the warm-up): dated changes and monthly seasonality are placed from it (default 1 April, the start of the DfE reporting year)',
  ).default('2010-04-01'),
  changes: z.array(TimelineChange).max(200).default([]).describe('Changes at given dates during the measured days, in any order'),
});
export type Timeline = z.infer<typeof Timeline>;

export const Workforce = z.strictObject({
  annualTurnoverRate: z
    .number()
    .min(0)
    .max(2)
    .default(0)
    .describe(
      'Share of filled duty social worker posts whose holder leaves in a year (each leaves at a Poisson rate; national 2023 about 0.16; 0 = nobody leaves unless the timeline says so)',
    ),
  recruitmentLagDays: z.number().min(0).max(730).default(90).describe('Days from a social worker leaving until their post is filled again'),
  newlyQualifiedProtectionMonths: z
    .number()
    .min(0)
    .max(60)
    .default(0)
    .describe(
      'Months after joining until a newly qualified social worker leaves the protected caseload cap (12: the first year; 0 = protection does not end during the run, as before)',
    ),
  agencyHourlyCost: z
    .number()
    .min(0)
    .max(1000)
    .default(0)
    .describe('Cost to the council of one working hour of an agency social worker (£), for the spend on the agency workers the timeline engages'),
  agencyStartLagDays: z.number().min(0).max(365).default(14).describe('Days from engaging an agency social worker until they take cases'),
  agencyBudgetPerYear: z
    .number()
    .min(0)
    .max(1e9)
    .default(0)
    .describe(
      'Money a year (£) for agency social workers who cover vacant duty posts: it keeps as many in post all year as it pays for at workforce.agencyHourlyCost, each engaged when a post falls vacant (after the start lag) and released when a permanent recruit fills it; 0 = no standing agency cover',
    ),
  turnoverPerPressure: z
    .number()
    .min(0)
    .max(20)
    .default(0)
    .describe(
      'How much sustained overload raises turnover: a team’s leaving rate is the annual turnover rate × (1 + this × its pressure above assessment.pressureKnee, up to pressureCap); 0 = turnover does not depend on workload (an assumption: M06 ¶37 and K10 ¶38 say workload drives leaving, with no size)',
    ),
  sicknessAbsenceShare: z
    .number()
    .min(0)
    .max(0.5)
    .default(0)
    .describe(
      'Share of duty social workers’ working time lost to sickness absence (spells of about workforce.sicknessSpellWorkingDays; an absent worker takes no new case); 0 = none',
    ),
  sicknessSpellWorkingDays: z.number().min(0.5).max(260).default(5).describe('Average length of one sickness absence, in working days'),
});
export type Workforce = z.infer<typeof Workforce>;

const scenarioShape = {
  version: z.literal(SCENARIO_VERSION).describe('Scenario schema version'),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')
    .max(80)
    .describe('Short identifier (lower-case, dashes)'),
  name: z.string().min(1).max(120).describe('Scenario name'),
  description: z.string().max(4000).default('').describe('What this scenario represents'),
  sources: z.array(SourceCitation).default([]).describe('Documents that support the numbers'),
  calendar: WorkingCalendar,
  demand: Demand,
  need: NeedLevels,
  frontDoor: FrontDoor,
  dutyTeams: z.array(DutyTeam).min(1).max(200).describe('Duty teams (duty access points)'),
  assessment: Assessment,
  services: Services,
  earlyHelp: EarlyHelp,
  reReferral: ReReferral,
  workforce: Workforce.prefault({}).describe(
    'How the duty workforce changes by itself: leavers, recruitment, newly qualified workers maturing, agency workers',
  ),
  timeline: Timeline.prefault({}).describe('Changes at given dates during the measured days (staffing, thresholds, early help, demand)'),
};

/** A whole scenario, with cross-field rules that name the field to fix. */
export const Scenario = z.strictObject(scenarioShape).check((ctx) => {
  const s = ctx.value;
  const fd = s.frontDoor;
  const central = fd.structure === 'contactCentre' || fd.structure === 'singleQualified' || fd.structure === 'mash';
  if (central && fd.unqualifiedScreeners + fd.qualifiedScreeners === 0) {
    ctx.issues.push({
      code: 'custom',
      path: ['frontDoor', 'qualifiedScreeners'],
      message: 'a central front door needs at least one screener',
      input: fd,
    });
  }
  if (fd.structure === 'mash' && fd.mashManagers === 0) {
    ctx.issues.push({
      code: 'custom',
      path: ['frontDoor', 'mashManagers'],
      message: 'a MASH front door needs at least one manager to decide on contacts',
      input: fd,
    });
  }
  if (fd.structure === 'singleQualified' && fd.unqualifiedScreeners > 0) {
    ctx.issues.push({
      code: 'custom',
      path: ['frontDoor', 'unqualifiedScreeners'],
      message: `a single qualified front door has no unqualified screeners: set this to 0 (got ${fd.unqualifiedScreeners})`,
      input: fd,
    });
  }
  if (s.dutyTeams.length > 0 && s.dutyTeams.every((t) => t.demandShare === 0)) {
    ctx.issues.push({
      code: 'custom',
      path: ['dutyTeams', 0, 'demandShare'],
      message: 'at least one duty team needs a demand share above 0',
      input: s.dutyTeams,
    });
  }
  if (s.workforce.agencyBudgetPerYear > 0 && s.workforce.agencyHourlyCost === 0) {
    ctx.issues.push({
      code: 'custom',
      path: ['workforce', 'agencyHourlyCost'],
      message: 'an agency budget needs the cost of an agency hour to say how many workers it buys: set workforce.agencyHourlyCost above 0',
      input: s.workforce,
    });
  }
  const names = new Set<string>();
  s.dutyTeams.forEach((t, i) => {
    if (names.has(t.name)) {
      ctx.issues.push({ code: 'custom', path: ['dutyTeams', i, 'name'], message: `duty team name "${t.name}" is used twice`, input: t.name });
    }
    names.add(t.name);
  });
  s.timeline.changes.forEach((c, i) => {
    if ('team' in c && c.team !== 'all' && !names.has(c.team)) {
      ctx.issues.push({
        code: 'custom',
        path: ['timeline', 'changes', i, 'team'],
        message: `no duty team is called "${c.team}": use a duty team's name or "all"`,
        input: c.team,
      });
    }
    if (daysBetween(s.timeline.startDate, c.date) < 0) {
      ctx.issues.push({
        code: 'custom',
        path: ['timeline', 'changes', i, 'date'],
        message: `${c.date} is before the timeline's start date (${s.timeline.startDate}): changes take effect during the measured days`,
        input: c.date,
      });
    }
  });
});
export type Scenario = z.infer<typeof Scenario>;
/** What a scenario file may omit (fields with defaults); the parsed form is `Scenario`. */
export type ScenarioInput = z.input<typeof Scenario>;
