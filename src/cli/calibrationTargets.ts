import type { Scenario } from '../scenario/schema.ts';
import { runReplication, summariseBatch } from '../sim/batch.ts';
import { SERIES_NAMES, type MetricName, type SeriesName, type TeamMetricName } from '../sim/metricDefinitions.ts';
import type { SimRecord } from '../sim/records.ts';
import type { BatchResult, Estimate, ReplicationResult } from '../sim/results.ts';
import { estimate } from '../sim/stats.ts';
import { trendSentence } from '../sim/steadinessMessages.ts';
import { HOURS_PER_DAY, HOURS_PER_MONTH, WorkingTime } from '../sim/workingCalendar.ts';

/**
 * The calibration targets of the seed scenarios: every documented figure a preset is meant to
 * reproduce, with its tolerance and source, and the documents' qualitative claims as paired
 * comparisons between presets (or between teams of one preset). `npm run calibrate` prints them
 * beside the simulated values; test/calibration asserts them. Paragraphs are as printed in the
 * documents in shared/sources (K10 = Kent inspection 2010, K08 = Kent JAR 2008, M06 = Medway JAR
 * 2006, K10R = Kent CYPP review 2009-10).
 */

/** How long calibration runs are: the app's default run (DEFAULT_RUN_SETTINGS in src/worker/protocol.ts), so
 * that `npm run calibrate` and the default screen show the same figures. Every replication starts
 * warm (src/sim/warmStart.ts: stocks drawn from a long run of the same preset), runs `warmupDays`
 * more and measures `days`. One seed for every preset, so comparisons share arrivals. */
export const CALIBRATION_RUN = { days: 365, warmupDays: 90, seed: 2010 } as const;
/** Replications per preset: the app's default twenty, in the CLI and in the tests alike, so the
 * tests assert exactly what `npm run calibrate` prints (twenty warm-started years cost less than
 * the ten five-year runs that calibration used before warm starts). */
export const CLI_REPS = 20;
export const TEST_REPS = CLI_REPS;

const K10 = 'kent-safeguarding-inspection-2010.txt';
const K10R = 'kent-cypp-review-2009-10.txt';
const K08 = 'kent-joint-area-review-2008.txt';
const M06 = 'medway-joint-area-review-2006.txt';

/** Where a target comes from. */
export interface Citation {
  document: string;
  paragraph: string;
  quote: string;
}

/** Facts about one replication that only its records show (not in the metrics). */
export interface RecordFacts {
  /** Contacts in the window about known children that were screened and then decided (not fast-tracked or linked). */
  knownContactsDecided: number;
  /** Of those, how many a duty manager screened again after the front door. */
  knownContactsRescreened: number;
  /** Referrals in the window about children whose true need was moderate (early-help level, below child in need). */
  moderateNeedReferrals: number;
  /** Length of the window in months. */
  windowMonths: number;
  /** Assessments that ended in the window (single, or initial and core that did not lead on to another assessment). */
  assessmentsEnded: number;
  /** Of those, how many ended with the case closed: no further action (early help step-downs and plans excluded; DfE NFA). */
  assessmentsNoFurtherAction: number;
  /** Median working days from referral to the end of an assessment, over assessments that ended in the window (NaN if none). */
  medianAssessmentWorkingDays: number;
}

/** One replication as calibration sees it: its metrics plus the facts from its records. */
export interface CalibrationRep {
  rep: ReplicationResult;
  facts: RecordFacts;
}

/** A preset's calibration run. */
export interface CalibrationRun {
  scenario: Scenario;
  batch: BatchResult;
  reps: CalibrationRep[];
}

/** A number read from one replication of a preset. */
export interface Quantity {
  /** What is measured, in words. */
  label: string;
  /** How to show it. */
  format: 'percent' | 'number';
  read: (r: CalibrationRep, scenario: Scenario) => number;
}

/** A documented figure a preset must reproduce within a tolerance. */
export interface BandTarget {
  kind: 'band';
  /** Stable id, used in test names. */
  id: string;
  preset: string;
  quantity: Quantity;
  /** The figure as the document gives it. */
  documented: string;
  /** The simulated mean must lie in [low, high]. */
  low: number;
  high: number;
  /** The tolerance in words. */
  tolerance: string;
  /** cited: the document's own figure; derived: arithmetic on cited figures; national: a national figure used as a fallback. */
  basis: 'cited' | 'derived' | 'national';
  source: Citation;
  /** Set when the engine cannot yet meet the target: what stops it (the tests expect it to fail). */
  knownGap?: string;
}

/** One side of a comparison. */
export interface Side {
  preset: string;
  quantity: Quantity;
}

/** A claim that one thing is lower than another, checked on paired replications (same seeds). */
export interface ComparisonTarget {
  kind: 'comparison';
  id: string;
  /** The claim, in words that can be false. */
  claim: string;
  lower: Side;
  higher: Side;
  source: Citation;
  knownGap?: string;
}

/** A documented figure shown for information: the model is not built to reproduce it (the note says why). */
export interface ReferenceRow {
  kind: 'reference';
  id: string;
  preset: string;
  quantity: Quantity;
  documented: string;
  note: string;
  source: Citation;
}

/**
 * A preset whose measured window is a steady state (src/sim/steadiness.ts), so that the averages
 * the other targets check do not depend on the run's length. Two checks, each a target of its
 * own: `trend`, no weekly series rises or falls materially over the measured year; `warmup`,
 * MSER-5 finds the warm-up long enough. Every series is checked, new ones included, bar those in
 * `except` (each with why: a documented backlog, or a known engine gap that has its own target).
 */
export interface SteadyTarget {
  kind: 'steady';
  id: string;
  preset: string;
  check: 'trend' | 'warmup';
  /** The claim, in words that can be false. */
  claim: string;
  /** Only these series (default: every series). */
  series?: readonly SeriesName[];
  /** Series left out, each with why (seeds/README.md says so too). */
  except?: Partial<Record<SeriesName, string>>;
  source: Citation;
  knownGap?: string;
}

export type CalibrationTarget = BandTarget | ComparisonTarget | ReferenceRow | SteadyTarget;

// ---- quantities ------------------------------------------------------------------------------

/** A county metric. */
export function metric(name: MetricName, label: string, format: Quantity['format'] = 'number'): Quantity {
  return { label, format, read: (r) => r.rep.metrics[name] };
}

/** Teams whose threshold is among the `n` highest (or lowest) of the preset, by index. */
function teamsByThreshold(scenario: Scenario, n: number, which: 'highest' | 'lowest'): number[] {
  const order = scenario.dutyTeams.map((t, i) => ({ t: t.threshold, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  const picked = which === 'lowest' ? order.slice(0, n) : order.slice(-n);
  return picked.map((x) => x.i);
}

/** The re-referral rate pooled over a group of teams (re-referrals ÷ referrals, not a mean of rates). */
function pooledReReferral(r: CalibrationRep, teams: readonly number[]): number {
  let refs = 0;
  let re = 0;
  for (const i of teams) {
    const m = r.rep.teams[i]!.metrics;
    refs += m.referrals;
    re += m.reReferralRate * m.referrals;
  }
  return refs > 0 ? re / refs : 0;
}

/** Re-referral pooled over the three duty teams with the highest (or lowest) thresholds. */
export function reReferralOfThresholdGroup(which: 'highest' | 'lowest'): Quantity {
  return {
    label: `re-referral rate of the three ${which === 'highest' ? 'highest' : 'lowest'}-threshold duty teams`,
    format: 'percent',
    read: (r, s) => pooledReReferral(r, teamsByThreshold(s, 3, which)),
  };
}

/** Spread (highest minus lowest) of a team metric across the duty teams. */
export function teamSpread(name: TeamMetricName, label: string): Quantity {
  return {
    label,
    format: 'percent',
    read: (r) => {
      const xs = r.rep.teams.map((t) => t.metrics[name]);
      return Math.max(...xs) - Math.min(...xs);
    },
  };
}

/** Share of decided contacts about known children that a duty manager screened again. */
export const knownChildRescreenShare: Quantity = {
  label: 'contacts about known children screened again by a duty manager',
  format: 'percent',
  read: (r) => (r.facts.knownContactsDecided > 0 ? r.facts.knownContactsRescreened / r.facts.knownContactsDecided : 0),
};

/** Referrals per month of children whose true need is moderate (early-help level). */
export const moderateNeedReferralsPerMonth: Quantity = {
  label: 'referrals a month of children with moderate need (early-help level)',
  format: 'number',
  read: (r) => (r.facts.windowMonths > 0 ? r.facts.moderateNeedReferrals / r.facts.windowMonths : 0),
};

/** Child protection plans implied at any one time: plans started a year × mean months ÷ 12 (Little's law). */
export const impliedChildProtectionPlans: Quantity = {
  label: 'children on child protection plans (starts a year × mean plan months ÷ 12)',
  format: 'number',
  read: (r, s) => {
    const years = r.facts.windowMonths / 12;
    return years > 0 ? (r.rep.metrics.childProtectionPlans / years) * (s.services.meanChildProtectionMonths / 12) : 0;
  },
};

/** Share of assessments that ended in no further action (DfE: 27.8% in 2016-17). */
export const assessmentNoFurtherActionShare: Quantity = {
  label: 'assessments ending in no further action',
  format: 'percent',
  read: (r) => (r.facts.assessmentsEnded > 0 ? r.facts.assessmentsNoFurtherAction / r.facts.assessmentsEnded : 0),
};

/** Median working days from referral to the end of an assessment (DfE table C2: 33 days in 2024-25). */
export const medianAssessmentWorkingDays: Quantity = {
  label: 'median working days from referral to the end of an assessment',
  format: 'number',
  read: (r) => r.facts.medianAssessmentWorkingDays,
};

/** Referrals that did not reach an assessment: 1 − referral-to-assessment rate (DfE: 10% of referrals end in NFA before assessment). */
export const referralsEndingBeforeAssessment: Quantity = {
  label: 'referrals ending before an assessment',
  format: 'percent',
  read: (r) => 1 - r.rep.metrics.referralToInitialAssessmentRate,
};

/**
 * Duty social worker posts vacant, on average over the measured weeks: 1 − mean in post ÷
 * posts (DfE's vacancy rate is vacancies ÷ (vacancies + FTE); here agency workers come only from
 * the timeline, so a vacancy is a post with nobody in it).
 */
export const dutyVacancyShare: Quantity = {
  label: 'duty social worker posts vacant (mean over the year)',
  format: 'percent',
  read: (r, s) => {
    const posts = s.dutyTeams.reduce((a, t) => a + t.socialWorkerPosts, 0);
    const inPost = r.rep.series.socialWorkersInPost.slice(-52);
    const mean = inPost.reduce((a, b) => a + b, 0) / Math.max(1, inPost.length);
    return posts > 0 ? 1 - mean / posts : 0;
  },
};

/** Duty social workers who left in the measured year ÷ mean in post (the annual turnover the workforce census reports; the window is a year). */
export const dutyTurnoverRate: Quantity = {
  label: 'duty social workers who left in the year ÷ mean in post (turnover)',
  format: 'percent',
  read: (r) => {
    const inPost = r.rep.series.socialWorkersInPost.slice(-52);
    const mean = inPost.reduce((a, b) => a + b, 0) / Math.max(1, inPost.length);
    const years = r.facts.windowMonths / 12;
    return mean > 0 && years > 0 ? r.rep.metrics.socialWorkerLeavers / mean / years : 0;
  },
};

/** The middle value of a sorted list (the mean of the two middle values for an even count). */
function medianOfSorted(xs: readonly number[]): number {
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

// ---- record facts ----------------------------------------------------------------------------

/** Folds one replication's records into the facts calibration needs (`days` measured after `warmupDays`). */
export function recordFactsCollector(scenario: Scenario, days: number, warmupDays: number) {
  const warm = warmupDays * HOURS_PER_DAY;
  const known = new Map<number, boolean>();
  const need = new Map<number, number>();
  const excluded = new Set<number>();
  const decided = new Set<number>();
  const frontDoorScreened = new Set<number>();
  const rescreened = new Set<number>();
  let moderateNeedReferrals = 0;
  const referredAt = new Map<number, number>();
  const calendar = new WorkingTime(scenario.calendar);
  const assessmentDays: number[] = [];
  let assessmentsNoFurtherAction = 0;
  const moderate = scenario.need.moderateLevel;
  const cin = scenario.need.childInNeedLevel;
  return {
    add(r: SimRecord): void {
      // Referrals before the window still start the clock of assessments that end in it.
      if (r.kind === 'referral') referredAt.set(r.caseId, r.t);
      if (r.t < warm) return;
      switch (r.kind) {
        case 'contact':
          if (r.known) known.set(r.caseId, true);
          need.set(r.caseId, r.trueNeed);
          return;
        case 'decided':
          if (!known.has(r.caseId)) return;
          if (r.route === 'fastTrack' || r.route === 'linked') excluded.add(r.caseId);
          decided.add(r.caseId);
          return;
        case 'returnedForReclassification':
          if (known.has(r.caseId)) decided.add(r.caseId);
          return;
        case 'screened':
          // Any duty manager screening after the front door's (K10 ¶25: "referrals and contacts
          // about children who are known are then screened and reviewed again").
          if (!known.has(r.caseId)) return;
          if (r.by === 'frontDoor') frontDoorScreened.add(r.caseId);
          else if (frontDoorScreened.has(r.caseId)) rescreened.add(r.caseId);
          return;
        case 'referral': {
          const n = need.get(r.caseId);
          if (n !== undefined && n >= moderate && n < cin) moderateNeedReferrals++;
          return;
        }
        case 'assessed': {
          if (r.route === 'coreAssessment') return; // it goes on to a core assessment
          if (r.route === 'closed') assessmentsNoFurtherAction++;
          const from = referredAt.get(r.caseId);
          assessmentDays.push(from === undefined ? NaN : calendar.availableHours(from, r.t) / calendar.hoursPerWorkingDay);
          return;
        }
        default:
          return;
      }
    },
    finish(): RecordFacts {
      let knownContactsDecided = 0;
      let knownContactsRescreened = 0;
      for (const id of decided) {
        if (excluded.has(id)) continue;
        knownContactsDecided++;
        if (rescreened.has(id)) knownContactsRescreened++;
      }
      const timed = assessmentDays.filter((d) => Number.isFinite(d)).sort((a, b) => a - b);
      return {
        knownContactsDecided,
        knownContactsRescreened,
        moderateNeedReferrals,
        windowMonths: (days * HOURS_PER_DAY) / HOURS_PER_MONTH,
        assessmentsEnded: assessmentDays.length,
        assessmentsNoFurtherAction,
        medianAssessmentWorkingDays: timed.length ? medianOfSorted(timed) : NaN,
      };
    },
  };
}

/** Runs a preset's replications (one after another), keeping the facts calibration needs from the records. */
export function runCalibration(
  scenario: Scenario,
  opts: { days: number; warmupDays: number; reps: number; seed: number },
  onProgress?: (done: number, total: number) => void,
): CalibrationRun {
  const reps: CalibrationRep[] = [];
  for (let rep = 0; rep < opts.reps; rep++) {
    const facts = recordFactsCollector(scenario, opts.days, opts.warmupDays);
    const result = runReplication(scenario, { days: opts.days, warmupDays: opts.warmupDays, seed: opts.seed, rep, onRecord: facts.add });
    reps.push({ rep: result, facts: facts.finish() });
    onProgress?.(rep + 1, opts.reps);
  }
  const batch = summariseBatch(
    scenario,
    opts,
    reps.map((r) => r.rep),
  );
  return { scenario, batch, reps };
}

// ---- evaluation ------------------------------------------------------------------------------

/** A target with the simulated estimate and whether it holds. */
export interface Evaluation {
  target: CalibrationTarget;
  /** Band and reference: the quantity's mean and 95% CI. Comparison: higher minus lower, paired by replication. */
  estimate: Estimate;
  /** For comparisons, each side's estimate too. */
  sides?: { lower: Estimate; higher: Estimate };
  /** Band: mean in [low, high]. Comparison: the 95% CI of the paired difference above 0, or every one of ≥ 5 paired replications the claimed way. Steady: no problem. Reference: always true. */
  pass: boolean;
  /** Steady: what is not steady, in plain words (empty when it holds). */
  problems?: string[];
}

function values(run: CalibrationRun, q: Quantity): number[] {
  return run.reps.map((r) => q.read(r, run.scenario));
}

/** Bounds of a quantity, so that intervals stay inside them (shares in [0, 1], counts at least 0). */
const rangeOf = (q: Quantity): [number, number] => (q.format === 'percent' ? [0, 1] : [0, Infinity]);

/** What is not steady in a preset's run: trends, or warm-ups MSER-5 finds too short, in the target's series. */
export function steadinessProblems(target: SteadyTarget, run: CalibrationRun): string[] {
  const out: string[] = [];
  for (const name of target.series ?? SERIES_NAMES) {
    if (target.except?.[name]) continue;
    const v = run.batch.steadiness[name];
    if (target.check === 'trend') {
      const sentence = trendSentence(name, v);
      if (sentence) out.push(`${name}: ${sentence}`);
    } else if (!v.warmupAdequate) {
      out.push(`${name}: settles only after about ${Math.round(v.settlesAfterDays)} days (MSER-5), after the ${run.batch.warmupDays}-day warm-up`);
    }
  }
  return out;
}

/** Evaluates one target against the runs (keyed by preset id). */
export function evaluate(target: CalibrationTarget, runs: ReadonlyMap<string, CalibrationRun>): Evaluation {
  const runOf = (id: string) => {
    const run = runs.get(id);
    if (!run) throw new Error(`calibration target ${target.id} needs a run of preset ${id}`);
    return run;
  };
  if (target.kind === 'comparison') {
    const lo = runOf(target.lower.preset);
    const hi = runOf(target.higher.preset);
    if (lo.reps.length !== hi.reps.length) throw new Error(`${target.id}: the two sides have different numbers of replications`);
    lo.reps.forEach((r, i) => {
      if (r.rep.seed !== hi.reps[i]!.rep.seed) throw new Error(`${target.id}: replication ${i} ran on different seeds, so it cannot be paired`);
    });
    const a = values(lo, target.lower.quantity);
    const b = values(hi, target.higher.quantity);
    const diffs = b.map((x, i) => x - a[i]!);
    const diff = estimate(diffs);
    // Holds when the t interval of the paired difference is above 0, or, for skewed quantities such
    // as a backlog that forms in some replications only, when every one of at least five paired
    // replications goes the claimed way (a one-sided sign test, p ≤ 1/32).
    const signTest = diffs.length >= 5 && diffs.every((d) => d > 0);
    const sides = { lower: estimate(a, rangeOf(target.lower.quantity)), higher: estimate(b, rangeOf(target.higher.quantity)) };
    return { target, estimate: diff, sides, pass: diff.ci95[0] > 0 || signTest };
  }
  if (target.kind === 'steady') {
    const problems = steadinessProblems(target, runOf(target.preset));
    return { target, estimate: { mean: problems.length, ci95: [problems.length, problems.length] }, pass: problems.length === 0, problems };
  }
  const e = estimate(values(runOf(target.preset), target.quantity), rangeOf(target.quantity));
  if (target.kind === 'reference') return { target, estimate: e, pass: true };
  return { target, estimate: e, pass: e.mean >= target.low && e.mean <= target.high };
}

/** The presets a list of targets needs runs of. */
export function presetsNeeded(targets: readonly CalibrationTarget[]): string[] {
  const ids = new Set<string>();
  for (const t of targets) {
    if (t.kind === 'comparison') {
      ids.add(t.lower.preset);
      ids.add(t.higher.preset);
    } else ids.add(t.preset);
  }
  return [...ids];
}

// ---- the targets -----------------------------------------------------------------------------

const pct = (name: MetricName, label: string) => metric(name, label, 'percent');

/**
 * A preset's steady-state targets: no trend in any weekly series, and a warm-up long enough for
 * each (MSER-5). `gaps` are series the engine cannot yet bring to a steady state within the
 * warm-up, by check, each with why: they are left out of the preset's target and each gets a
 * target of its own that is expected to fail, and turns red when the gap closes.
 */
function steady(
  preset: string,
  source: Citation,
  gaps: { trend?: Partial<Record<SeriesName, string>>; warmup?: Partial<Record<SeriesName, string>> } = {},
): SteadyTarget[] {
  const claims = {
    trend: 'no weekly series rises or falls through the measured year',
    warmup: 'every weekly series has settled by the end of the warm-up (MSER-5)',
  };
  return (['trend', 'warmup'] as const).flatMap((check) => {
    const left = gaps[check] ?? {};
    const whole: SteadyTarget = {
      kind: 'steady',
      id: `${preset}-${check === 'trend' ? 'steady' : 'warm-up'}`,
      preset,
      check,
      claim: claims[check],
      source,
      ...(Object.keys(left).length ? { except: left } : {}),
    };
    const each = (Object.entries(left) as [SeriesName, string][]).map(([series, why]): SteadyTarget => ({
      kind: 'steady',
      id: `${whole.id}-${series}`,
      preset,
      check,
      claim: check === 'trend' ? `${series} neither rises nor falls through the measured year` : `${series} has settled by the end of the warm-up (MSER-5)`,
      series: [series],
      source,
      knownGap: why,
    }));
    return [whole, ...each];
  });
}

const NF = 'national-figures.md';

/** A national band on an England preset: England's figure, the band and the source row. */
function national(
  id: string,
  preset: string,
  quantity: Quantity,
  documented: string,
  low: number,
  high: number,
  tolerance: string,
  source: Citation,
  knownGap?: string,
): BandTarget {
  return { kind: 'band', id, preset, quantity, documented, low, high, tolerance, basis: 'national', source, ...(knownGap ? { knownGap } : {}) };
}

/** The England presets' targets: England's published figures, with national bands (seeds/README.md). */
const ENGLAND_TARGETS: readonly CalibrationTarget[] = [
  national(
    'e23-contacts-per-month',
    'england-2023-24',
    metric('contactsPerMonth', 'contacts a month per 100,000 children'),
    'just over 3 million a year in England (about 2,080 a month per 100,000 of 12.0m children)',
    1980,
    2190,
    '± 5%',
    {
      document: `${NF} (ADCS Phase 9)`,
      paragraph: 'Volumes and conversion, 2023/24',
      quote: 'Initial contacts | "just over 3 million" (+122% since 2007/8)',
    },
  ),
  national('e23-contact-to-referral', 'england-2023-24', pct('contactToReferralRate', 'contacts that become referrals'), 'about 23%', 0.2, 0.26, '± 3 points', {
    document: `${NF} (ADCS Phase 8)`,
    paragraph: 'Volumes and conversion, 2021/22',
    quote: '2.77m / 650,270, so about 23% of contacts become referrals',
  }),
  national('e23-re-referral', 'england-2023-24', pct('reReferralRate', 're-referral rate'), '22%', 0.19, 0.25, '± 3 points', {
    document: `${NF} (DfE)`,
    paragraph: 'Volumes and conversion, 2023-24',
    quote: '621,880, of which 139,080 (22%) re-referrals within 12 months',
  }),
  national('e23-referrals-ending-before-assessment', 'england-2023-24', referralsEndingBeforeAssessment, '10%', 0.07, 0.13, '± 3 points', {
    document: `${NF} (Community Care 2017)`,
    paragraph: 'Volumes and conversion, 2016-17',
    quote: 'Referrals ending in NFA (no assessment) | 10%',
  }),
  national('e23-assessment-nfa', 'england-2023-24', assessmentNoFurtherActionShare, '27.8%', 0.24, 0.32, '± 4 points', {
    document: `${NF} (Community Care 2017)`,
    paragraph: 'Volumes and conversion, 2016-17',
    quote: 'Assessments ending in NFA | 27.8%',
  }),
  national('e23-median-assessment-days', 'england-2023-24', medianAssessmentWorkingDays, 'median 33 days', 29, 37, '± 4 working days', {
    document: `${NF} (DfE table C2)`,
    paragraph: 'Assessment durations achieved, 2024-25',
    quote: 'Median 33 days; 25th percentile 17; 75th percentile 43.',
  }),
  national(
    'e23-within-45-days',
    'england-2023-24',
    pct('initialAssessmentInTimescaleRate', 'single assessments within 45 working days'),
    '85.7%',
    0.82,
    0.9,
    '± 4 points',
    {
      document: `${NF} (DfE table C2)`,
      paragraph: 'Assessment durations achieved, 2024-25',
      quote: 'So 85.7% are completed within 45 days.',
    },
  ),
  national('e23-caseload', 'england-2023-24', metric('caseloadPerWorker', 'cases per case-holding social worker'), '16.0', 14.5, 17.5, '± 1.5', {
    document: `${NF} (DfE workforce census)`,
    paragraph: 'Workforce and caseload, Sept 2023',
    quote: '16.0 (337,055 cases / 21,111 FTE case-holders) in Sept 2023',
  }),
  national('e23-vacancy', 'england-2023-24', dutyVacancyShare, '18.9%', 0.16, 0.22, '± 3 points', {
    document: `${NF} (Community Care 2024; DfE)`,
    paragraph: 'Workforce and caseload, Sept 2023',
    quote: 'vacancy rate 18.9% (20% in 2022)',
  }),
  national('e23-turnover', 'england-2023-24', dutyTurnoverRate, 'about 15.9%', 0.12, 0.2, '± 4 points', {
    document: `${NF} (Community Care 2024; DfE)`,
    paragraph: 'Workforce and caseload, Sept 2023',
    quote: 'turnover about 15.9%',
  }),
  // ---- England 2009-10: the nearest years' national figures (none for 2009-10 itself in the file) ----
  national(
    'e09-contacts-per-month',
    'england-2009-10',
    metric('contactsPerMonth', 'contacts a month per 100,000 children'),
    'about 1.35m in 2007/8 (3m in 2023/24 was 122% more): about 1,020 a month per 100,000 of 11.0m children',
    920,
    1120,
    '± 10% (a derived figure)',
    {
      document: `${NF} (ADCS Phase 9)`,
      paragraph: 'Volumes and conversion, 2023/24',
      quote: 'Initial contacts | "just over 3 million" (+122% since 2007/8)',
    },
  ),
  national(
    'e09-contact-to-referral',
    'england-2009-10',
    pct('contactToReferralRate', 'contacts that become referrals'),
    'about 20-29%, falling over time',
    0.2,
    0.29,
    'the implied national range',
    {
      document: NF,
      paragraph: 'Volumes and conversion, 2014-2024',
      quote: 'Implied contact→referral conversion | about 20–29%, falling over time',
    },
  ),
  national('e09-re-referral', 'england-2009-10', pct('reReferralRate', 're-referral rate'), '23.4% (2013-14, the nearest year)', 0.2, 0.27, '± 3.5 points', {
    document: `${NF} (DfE SFR 43/2014)`,
    paragraph: 'Volumes and conversion, 2013-14',
    quote: '657,800; re-referral rate 23.4% (down from 24.9%)',
  }),
  national(
    'e09-referrals-ending-before-assessment',
    'england-2009-10',
    referralsEndingBeforeAssessment,
    '10% (2016-17)',
    0.06,
    0.14,
    '± 4 points (a later year)',
    {
      document: `${NF} (Community Care 2017)`,
      paragraph: 'Volumes and conversion, 2016-17',
      quote: 'Referrals ending in NFA (no assessment) | 10%',
    },
  ),
  national(
    'e09-caseload',
    'england-2009-10',
    metric('caseloadPerWorker', 'cases per case-holding social worker'),
    '17.8 (2017, the earliest national figure)',
    15,
    20.5,
    '± 2.5 (a later year)',
    {
      document: `${NF} (Community Care 2018)`,
      paragraph: 'Workforce and caseload, 2017',
      quote: '17.8 in 2017',
    },
  ),
  {
    kind: 'reference',
    id: 'e09-assessment-nfa',
    preset: 'england-2009-10',
    quantity: assessmentNoFurtherActionShare,
    documented: '27.8% (2016-17, single assessments)',
    note: 'not calibrated: the national figure is for single assessments under Working Together 2013; under the 2010 rules an initial assessment that found no need for services closed sooner and more often',
    source: { document: `${NF} (Community Care 2017)`, paragraph: 'Volumes and conversion, 2016-17', quote: 'Assessments ending in NFA | 27.8%' },
  },
  {
    kind: 'reference',
    id: 'e09-initial-in-timescale',
    preset: 'england-2009-10',
    quantity: pct('initialAssessmentInTimescaleRate', 'initial assessments within 10 working days'),
    documented: 'Wales 2013-14: 72% within 7 working days',
    note: 'not calibrated: the file holds no England figure for 2009-10; Wales, still on the 7/35 regime, is shown for scale',
    source: { document: NF, paragraph: 'Assessment timescales (statutory), Wales 2013-14', quote: '72% of initial assessments within 7 working days' },
  },
  ...steady('england-2023-24', {
    document: `${NF} (DfE)`,
    paragraph: 'Volumes and conversion, 2023-24',
    quote: '621,880, of which 139,080 (22%) re-referrals within 12 months',
  }),
  ...steady('england-2009-10', {
    document: `${NF} (DfE SFR 43/2014)`,
    paragraph: 'Volumes and conversion, 2013-14',
    quote: '657,800; re-referral rate 23.4% (down from 24.9%)',
  }),
];

/** Every calibration target, by preset, then the comparisons, then reference rows. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  // ---- Kent 2010 --------------------------------------------------------------------------------
  {
    kind: 'band',
    id: 'k10-contacts-per-month',
    preset: 'kent-2010',
    quantity: metric('contactsPerMonth', 'contacts and referrals a month'),
    documented: 'on average 2000 a month',
    low: 1900,
    high: 2100,
    tolerance: '± 5%',
    basis: 'cited',
    source: { document: K10, paragraph: '¶25', quote: "All children's social care contacts and referrals, totalling on average 2000 each month" },
  },
  {
    kind: 'band',
    id: 'k10-returned-for-reclassification',
    preset: 'kent-2010',
    quantity: pct('returnedForReclassificationRate', 'contacts returned to the centre for reclassification'),
    documented: '10-12% of contacts',
    low: 0.1,
    high: 0.12,
    tolerance: 'as documented (10-12%)',
    basis: 'cited',
    source: {
      document: K10,
      paragraph: '¶25',
      quote: 'Currently between 10 and 12% of contacts are returned to the contact centre for re-classification as a referral.',
    },
  },
  {
    kind: 'band',
    id: 'k10-known-children-screened-twice',
    preset: 'kent-2010',
    quantity: knownChildRescreenShare,
    documented: 'all',
    low: 0.999,
    high: 1,
    tolerance: 'every one (not fast-tracked or linked to an open case)',
    basis: 'cited',
    source: {
      document: K10,
      paragraph: '¶25',
      quote: 'All referrals and contacts about children who are known are then screened and reviewed again by the duty team manager.',
    },
  },
  {
    kind: 'band',
    id: 'k10-closed-with-unmet-need',
    preset: 'kent-2010',
    quantity: pct('closedWithUnmetNeedRate', 'closed cases that needed children-in-need or child protection services'),
    documented: '23% of closed cases (KSCB audit, July 2010)',
    low: 0.2,
    high: 0.26,
    tolerance: '± 3 points',
    basis: 'cited',
    source: {
      document: K10,
      paragraph: '¶24',
      quote: '23% of cases that had been closed required either children in need or safeguarding and child protection services',
    },
  },
  {
    kind: 'band',
    id: 'k10-core-assessments-overdue',
    preset: 'kent-2010',
    quantity: pct('coreAssessmentOverdueShareEnd', 'open core assessments past their timescale (county)'),
    documented: '23 of 65 (35%) in one office',
    low: 0.2,
    high: 0.5,
    tolerance: 'county share 20-50% (the 35% is one office, not the county)',
    basis: 'derived',
    source: {
      document: K10,
      paragraph: '¶28',
      quote: 'In one office, 23 of the 65 currently allocated core assessments have not been completed within required timescales',
    },
  },
  {
    kind: 'band',
    id: 'k10-re-referral-national',
    preset: 'kent-2010',
    quantity: pct('reReferralRate', 're-referrals within 12 months'),
    documented: 'no Kent figure; England 23-25% (2012-14)',
    low: 0.2,
    high: 0.3,
    tolerance: '20-30%',
    basis: 'national',
    source: { document: 'Characteristics of children in need in England, 2013-14 (DfE, SFR 43/2014)', paragraph: 'headline', quote: '' },
  },
  {
    kind: 'band',
    id: 'k10-contact-to-referral-national',
    preset: 'kent-2010',
    quantity: pct('contactToReferralRate', 'contacts that become referrals'),
    documented: 'no Kent split of the 2000; England about 20-30%',
    low: 0.18,
    high: 0.35,
    tolerance: '18-35%',
    basis: 'national',
    source: {
      document: 'shared/ARCHITECTURE.md (national figures for sanity)',
      paragraph: 'Domain definitions',
      quote: 'about 20-30% of contacts become referrals',
    },
  },
  // ---- Medway 2006 ------------------------------------------------------------------------------
  {
    kind: 'band',
    id: 'm06-referral-to-initial-assessment',
    preset: 'medway-2006',
    quantity: pct('referralToInitialAssessmentRate', 'accepted referrals that lead to an initial assessment'),
    documented: '25% (over 50% in similar authorities)',
    low: 0.2,
    high: 0.3,
    tolerance: '± 5 points',
    basis: 'cited',
    source: { document: M06, paragraph: '¶22', quote: 'Of these only 25% lead to an initial assessment compared to over 50% in similar authorities.' },
  },
  {
    kind: 'band',
    id: 'm06-cases-wait-unallocated',
    preset: 'medway-2006',
    quantity: metric('meanWaitToAllocationHours', 'hours a referral waits for allocation (mean)'),
    documented: 'cases remain unallocated',
    low: 24,
    high: Infinity,
    tolerance: 'at least a day on average',
    basis: 'cited',
    source: {
      document: M06,
      paragraph: '¶36',
      quote: 'Managers also fail to manage workloads properly and cases remain unallocated without proper consideration of the risks involved.',
    },
  },
  // ---- Kent 2008 against Kent 2010 --------------------------------------------------------------
  {
    kind: 'comparison',
    id: 'k08-lower-re-referral',
    claim: 'Kent 2008 re-refers fewer children than Kent 2010',
    lower: { preset: 'kent-2008', quantity: pct('reReferralRate', 're-referral rate') },
    higher: { preset: 'kent-2010', quantity: pct('reReferralRate', 're-referral rate') },
    source: {
      document: K08,
      paragraph: '¶22',
      quote: 'Referral rates of children in need are significantly below those of comparators and re-referrals are comparatively low.',
    },
  },
  {
    kind: 'comparison',
    id: 'k08-fewer-referrals',
    claim: 'Kent 2008 refers fewer children for assessment than Kent 2010',
    lower: { preset: 'kent-2008', quantity: metric('referrals', 'referrals in a year') },
    higher: { preset: 'kent-2010', quantity: metric('referrals', 'referrals in a year') },
    source: { document: K08, paragraph: '¶16', quote: 'has significantly reduced the number of children being referred for social care assessment' },
  },
  {
    kind: 'comparison',
    id: 'k08-core-assessments-timelier',
    claim: 'Kent 2008 completes more core assessments within 35 working days than Kent 2010',
    lower: { preset: 'kent-2010', quantity: pct('coreAssessmentInTimescaleRate', 'core assessments in timescale') },
    higher: { preset: 'kent-2008', quantity: pct('coreAssessmentInTimescaleRate', 'core assessments in timescale') },
    source: { document: K08, paragraph: '¶22', quote: 'Performance on the timeliness of initial and core assessments has improved and is comparatively high.' },
  },
  {
    kind: 'comparison',
    id: 'k08-fewer-core-assessments-overdue',
    claim: 'Kent 2008 has a smaller share of open core assessments overdue than Kent 2010',
    lower: { preset: 'kent-2008', quantity: pct('coreAssessmentOverdueShareEnd', 'open core assessments overdue') },
    higher: { preset: 'kent-2010', quantity: pct('coreAssessmentOverdueShareEnd', 'open core assessments overdue') },
    source: { document: K10, paragraph: '¶28', quote: 'Core assessments are not completed as required in significant numbers of cases' },
  },
  // ---- Kent 2010: teams and restructures ----------------------------------------------------------
  {
    kind: 'comparison',
    id: 'k10-high-threshold-teams-re-refer-more',
    claim: 'In Kent 2010 the three highest-threshold duty teams re-refer more than the three lowest-threshold teams',
    lower: { preset: 'kent-2010', quantity: reReferralOfThresholdGroup('lowest') },
    higher: { preset: 'kent-2010', quantity: reReferralOfThresholdGroup('highest') },
    source: {
      document: K10,
      paragraph: '¶24',
      quote: 'Some teams have very high thresholds for access to assessment services which are reflected in high re-referral rates.',
    },
  },
  {
    kind: 'comparison',
    id: 'single-front-door-no-double-screening',
    claim: 'A single qualified front door screens fewer contacts twice than the Kent 2010 centre',
    lower: { preset: 'kent-2010-single-front-door', quantity: pct('doubleScreenedRate', 'contacts screened twice') },
    higher: { preset: 'kent-2010', quantity: pct('doubleScreenedRate', 'contacts screened twice') },
    source: {
      document: K10,
      paragraph: '¶25',
      quote: 'The current arrangements for screening and prioritising contacts and referrals are duplicative and not cost effective.',
    },
  },
  {
    kind: 'comparison',
    id: 'single-front-door-less-repeat-work',
    claim: 'A single qualified front door spends fewer hours a month on repeat work than the Kent 2010 centre',
    lower: { preset: 'kent-2010-single-front-door', quantity: metric('repeatWorkHoursPerMonth', 'repeat work hours a month') },
    higher: { preset: 'kent-2010', quantity: metric('repeatWorkHoursPerMonth', 'repeat work hours a month') },
    source: { document: K10, paragraph: '¶25', quote: 'this practice is neither an effective use of time nor good use of a significant resource' },
  },
  {
    kind: 'comparison',
    id: 'vacancies-filled-smaller-backlog',
    claim: 'Filling social worker vacancies leaves fewer referrals waiting for allocation than in Kent 2010',
    lower: { preset: 'kent-2010-vacancies-filled', quantity: metric('awaitingAllocationMean', 'referrals awaiting allocation (mean)') },
    higher: { preset: 'kent-2010', quantity: metric('awaitingAllocationMean', 'referrals awaiting allocation (mean)') },
    source: {
      document: K10R,
      paragraph: 'Priority 8',
      quote: 'A key objective for 2010/11 is to further reduce the social work vacancy rate to 10 - 15% across the county.',
    },
  },
  {
    kind: 'comparison',
    id: 'vacancies-filled-fewer-overdue-core',
    claim: 'Filling social worker vacancies leaves fewer core assessments overdue than in Kent 2010',
    lower: { preset: 'kent-2010-vacancies-filled', quantity: metric('coreAssessmentsOverdueEnd', 'core assessments overdue (end)') },
    higher: { preset: 'kent-2010', quantity: metric('coreAssessmentsOverdueEnd', 'core assessments overdue (end)') },
    source: { document: K10, paragraph: '¶38', quote: 'vacancy levels at 13% have remained high as a result of more experienced workers leaving the service' },
  },
  {
    kind: 'comparison',
    id: 'caf-relaunched-fewer-moderate-need-referrals',
    claim: 'Relaunching CAF across the county means fewer referrals of children with moderate need than in Kent 2010',
    lower: { preset: 'kent-2010-caf-relaunched', quantity: moderateNeedReferralsPerMonth },
    higher: { preset: 'kent-2010', quantity: moderateNeedReferralsPerMonth },
    source: {
      document: K10,
      paragraph: '¶72',
      quote:
        'CAF has not been properly or systematically implemented therefore effectively closing down an alternative route to follow rather than making a direct referral for children in need services.',
    },
  },
  {
    kind: 'comparison',
    id: 'one-threshold-smaller-differences',
    claim: 'With one county-wide threshold the duty teams differ less in how much unmet need they close than in Kent 2010',
    lower: { preset: 'kent-2010-one-threshold', quantity: teamSpread('closedWithUnmetNeedRate', 'spread of closed-with-unmet-need across teams') },
    higher: { preset: 'kent-2010', quantity: teamSpread('closedWithUnmetNeedRate', 'spread of closed-with-unmet-need across teams') },
    source: {
      document: K10,
      paragraph: '¶24',
      quote: 'There are significant differences in the quality of the service being provided across the eleven duty access points',
    },
  },
  {
    kind: 'comparison',
    id: 'mash-no-double-screening',
    claim: 'A MASH, whose manager decides once, screens fewer contacts twice than the Kent 2010 centre',
    lower: { preset: 'kent-2010-mash', quantity: pct('doubleScreenedRate', 'contacts screened twice') },
    higher: { preset: 'kent-2010', quantity: pct('doubleScreenedRate', 'contacts screened twice') },
    source: {
      document: K10,
      paragraph: '¶25',
      quote: 'The current arrangements for screening and prioritising contacts and referrals are duplicative and not cost effective.',
    },
  },
  // ---- England 2023-24 (national figures; shared/research/national-figures.md) --------------------
  ...ENGLAND_TARGETS,
  // ---- steady states -------------------------------------------------------------------------------
  ...steady('kent-2010', { document: K10, paragraph: '¶25', quote: "All children's social care contacts and referrals, totalling on average 2000 each month" }),
  ...steady('kent-2008', {
    document: K08,
    paragraph: '¶22',
    quote: 'There are robust systems in place for managing referrals and assessments in social care duty teams, which are consistently applied.',
  }),
  ...steady('medway-2006', {
    document: M06,
    paragraph: '¶36',
    quote: 'Managers also fail to manage workloads properly and cases remain unallocated without proper consideration of the risks involved.',
  }),
  ...(
    [
      'kent-2010-single-front-door',
      'kent-2010-one-threshold',
      'kent-2010-vacancies-filled',
      'kent-2010-caf-relaunched',
      'kent-2010-twelve-districts',
      'kent-2010-mash',
    ] as const
  ).flatMap((id) =>
    steady(id, { document: K10, paragraph: '¶25', quote: "All children's social care contacts and referrals, totalling on average 2000 each month" }),
  ),
  // ---- reference rows (shown, not calibrated) ------------------------------------------------------
  {
    kind: 'reference',
    id: 'k10-child-protection-plans',
    preset: 'kent-2010',
    quantity: impliedChildProtectionPlans,
    documented: '1362 children on plans (end of August 2010)',
    note: 'not calibrated: plans are not modelled beyond their length; the figure follows from the front door flow and the assumed 10-month mean plan',
    source: { document: K10, paragraph: '¶10', quote: 'At the end of August 2010, Kent had 1362 children subject to child protection plans.' },
  },
  {
    kind: 'reference',
    id: 'k08-child-protection-register',
    preset: 'kent-2008',
    quantity: impliedChildProtectionPlans,
    documented: '904 children on the register',
    note: 'not calibrated: the model under-produces Kent 2008 plans, which arise mostly from children who come back with higher need, and Kent 2008 early help meets that need first',
    source: { document: K08, paragraph: '¶8', quote: 'There are 904 children on the child protection register' },
  },
  {
    kind: 'reference',
    id: 'm06-child-protection-register',
    preset: 'medway-2006',
    quantity: impliedChildProtectionPlans,
    documented: '157 children on the register',
    note: 'not calibrated: shown so the gap is visible',
    source: { document: M06, paragraph: '¶8', quote: '157 are on the child protection register' },
  },
  {
    kind: 'reference',
    id: 'twelve-districts-backlog',
    preset: 'kent-2010-twelve-districts',
    quantity: metric('awaitingAllocationMean', 'referrals awaiting allocation (mean)'),
    documented: 'no outcome yet',
    note: 'no documented outcome to calibrate to: compare with kent-2010 (the split team pools its staff less)',
    source: { document: K10, paragraph: '¶24', quote: 'It is as yet too early to evidence sustained improvement.' },
  },
];
