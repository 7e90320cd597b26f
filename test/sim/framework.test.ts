import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { inFrameworkWords, pathwayGraph } from '../../models/graph.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runReplication } from '../../src/sim/batch.ts';
import { metricDefinitionFor, metricNamesFor, METRIC_NAMES } from '../../src/sim/metricDefinitions.ts';
import type { SimRecord } from '../../src/sim/records.ts';
import { WorkingTime } from '../../src/sim/workingCalendar.ts';
import { small } from '../fixtures/small.ts';

/**
 * The statutory framework is a scenario setting (issue 15 item 1): the same county run under
 * Working Together 2010 (initial assessment in 10 working days, then core in 35) and under
 * Working Together 2013 (one single assessment within 45 working days of the referral) reports
 * each framework's timescale measures, each checked against the clock the framework states.
 */
function under(framework: 'wt2010' | 'wt2013'): Scenario {
  const raw = structuredClone(small) as Record<string, any>;
  raw.assessment = { ...raw.assessment, framework };
  delete raw.assessment.initialAssessmentTimescaleWorkingDays; // wt2010's 10 comes from the migration
  if (framework === 'wt2013') delete raw.assessment.coreAssessmentTimescaleWorkingDays;
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.value;
}

function run(s: Scenario) {
  const records: SimRecord[] = [];
  const rep = runReplication(s, { days: 200, warmupDays: 60, seed: 15, rep: 0, start: 'empty', onRecord: (r) => records.push(r) });
  return { metrics: rep.metrics, records };
}

const opts = { days: 200, warmupDays: 60 };

describe('statutory framework', () => {
  const wt2010 = under('wt2010');
  const wt2013 = under('wt2013');
  const a = run(wt2010);
  const b = run(wt2013);

  it('a Working Together 2010 file without an initial timescale gets 10 working days; 2013 gets a single assessment of 45', () => {
    expect(wt2010.assessment.initialAssessmentTimescaleWorkingDays).toBe(10);
    expect(wt2013.assessment.singleAssessmentTimescaleWorkingDays).toBe(45);
  });

  it('under Working Together 2010 initial and core assessments end, each against its own clock', () => {
    const cal = new WorkingTime(wt2010.calendar);
    const referredAt = new Map<number, number>();
    let initial = 0;
    let core = 0;
    for (const r of a.records) {
      if (r.kind === 'referral') referredAt.set(r.caseId, r.t);
      if (r.kind !== 'assessed') continue;
      expect(r.which).not.toBe('single');
      if (r.which === 'initial' && referredAt.has(r.caseId)) {
        initial++;
        expect(r.inTimescale).toBe(r.t <= cal.deadline(referredAt.get(r.caseId)!, 10));
      }
      if (r.which === 'core') core++;
    }
    expect(initial).toBeGreaterThan(100);
    expect(core).toBeGreaterThan(20);
    expect(a.metrics.coreAssessmentInTimescaleRate).toBeGreaterThan(0);
  });

  it('under Working Together 2013 only single assessments end, within 45 working days of the referral, and no core assessment is open', () => {
    const cal = new WorkingTime(wt2013.calendar);
    const referredAt = new Map<number, number>();
    let single = 0;
    let late = 0;
    let inWindow = 0;
    let inWindowOnTime = 0;
    const from = opts.warmupDays * 24;
    for (const r of b.records) {
      if (r.kind === 'referral') referredAt.set(r.caseId, r.t);
      if (r.kind === 'levels') for (const t of r.teams) expect(t.coreAssessmentsOpen).toBe(0);
      if (r.kind !== 'assessed') continue;
      expect(r.which).toBe('single');
      expect(r.route).not.toBe('coreAssessment');
      if (r.t >= from) {
        inWindow++;
        if (r.inTimescale) inWindowOnTime++;
      }
      if (!referredAt.has(r.caseId)) continue;
      single++;
      const onTime = r.t <= cal.deadline(referredAt.get(r.caseId)!, 45);
      expect(r.inTimescale).toBe(onTime);
      if (!onTime) late++;
    }
    expect(single).toBeGreaterThan(100);
    expect(late).toBeLessThan(single);
    // The measure is the share of single assessments completed in the window within 45 days.
    expect(b.metrics.initialAssessmentInTimescaleRate).toBeCloseTo(inWindowOnTime / inWindow, 9);
    expect(b.metrics.coreAssessmentInTimescaleRate).toBe(0);
    expect(b.metrics.coreAssessmentsOpenEnd).toBe(0);
  });

  it('one single assessment per assessed referral: fewer completions than initial plus core ones', () => {
    const count = (rs: SimRecord[], w: string) => rs.filter((r) => r.kind === 'assessed' && r.which === w).length;
    expect(count(b.records, 'single')).toBeLessThan(count(a.records, 'initial') + count(a.records, 'core'));
  });

  it('measures are named in the framework’s words: no core assessments under 2013', () => {
    const naming = wt2013.assessment;
    expect(metricDefinitionFor('initialAssessmentInTimescaleRate', naming).label).toBe('Single assessments within 45 working days');
    expect(metricDefinitionFor('initialAssessmentInTimescaleRate', wt2010.assessment).label).toBe('Initial assessments in timescale');
    const shown = metricNamesFor(METRIC_NAMES, naming);
    expect(shown.some((n) => n.startsWith('core'))).toBe(false);
    for (const n of shown) {
      expect(metricDefinitionFor(n, naming).label.toLowerCase()).not.toContain('core');
      expect(metricDefinitionFor(n, naming).definition.toLowerCase(), n).not.toContain('core assessment');
    }
    expect(metricNamesFor(METRIC_NAMES, wt2010.assessment)).toEqual(METRIC_NAMES);
  });

  it('the pathway is drawn in the framework’s words: single assessments under 2013, initial and core before', () => {
    const graph = pathwayGraph(caseJourneyMachine);
    const labels = (fw: '2000' | 'wt2010' | 'wt2013') => inFrameworkWords(graph, fw).nodes.map((n) => n.label);
    expect(labels('wt2010')).toContain('Core assessment');
    expect(labels('wt2013').some((l) => /core/i.test(l))).toBe(false);
    expect(labels('wt2013')).toContain('Single assessment');
  });
});
