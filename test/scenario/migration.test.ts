import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioJson } from '../../src/scenario/parse.ts';
import { SCENARIO_VERSION } from '../../src/scenario/schema.ts';

const saved = (name: string) => readFileSync(new URL(`../fixtures/saved/${name}`, import.meta.url), 'utf8');

/**
 * Files saved by earlier versions load (issue 7). Additive changes with defaults keep the
 * schema at version 1; a breaking change bumps SCENARIO_VERSION and adds a step to
 * migrateScenario, with a fixture here saved by the version before it.
 */
describe('scenario files from earlier versions', () => {
  it('a file saved by the first release (before the long-term team and return-horizon fields) loads with the defaults', () => {
    const r = parseScenarioJson(saved('v1-first-release.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.frontDoor.knownChildrenRescreened).toBe(true);
    expect(r.value.services.longTermCapacity).toBe('unlimited');
    expect(r.value.reReferral.returnHorizonMonths).toBe(24);
    expect(r.value.dutyTeams[0]!.longTermSocialWorkers).toBe(0);
  });

  it('a file saved before the timeline and workforce fields loads with no change and a steady workforce', () => {
    const r = parseScenarioJson(saved('v1-before-timeline.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timeline).toEqual({ startDate: '2010-04-01', changes: [] });
    expect(r.value.workforce.annualTurnoverRate).toBe(0);
    expect(r.value.workforce.newlyQualifiedProtectionMonths).toBe(0);
    expect(r.value.demand.sources.every((s) => s.monthlyFactors.every((f) => f === 1))).toBe(true);
  });

  it('files saved before the statutory framework setting get theirs from their timescales: Kent 2010 (10-day initial) Working Together 2010, Kent 2008 (7-day) the 2000 framework', () => {
    const kent2010 = parseScenarioJson(saved('v1-before-timeline.json'));
    const kent2008 = parseScenarioJson(saved('v1-before-framework.json'));
    expect(kent2010.ok && kent2010.value.assessment.framework).toBe('wt2010');
    expect(kent2010.ok && kent2010.value.assessment.initialAssessmentTimescaleWorkingDays).toBe(10);
    expect(kent2008.ok && kent2008.value.assessment.framework).toBe('2000');
    expect(kent2008.ok && kent2008.value.assessment.initialAssessmentTimescaleWorkingDays).toBe(7);
    expect(kent2008.ok && kent2008.value.assessment.coreAssessmentTimescaleWorkingDays).toBe(35);
    const first = parseScenarioJson(saved('v1-first-release.json'));
    expect(first.ok && first.value.assessment.framework).toBe('2000');
  });

  it('a file saved before the time model (no part-time, non-case-work or deadline fields) loads with the defaults and keeps its hours', () => {
    const r = parseScenarioJson(saved('v1-before-time-model.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const team = r.value.dutyTeams[0]!;
    expect([team.partTimeShare, team.partTimeFte, team.nonCaseWorkShare]).toEqual([0, 0.5, 0.25]);
    expect([r.value.assessment.deadlinePriority, r.value.assessment.deadlineFocusWorkingDays]).toEqual([1, 3]);
    // Its assessment hours, read by nothing before, now set the work; the file keeps its own values.
    expect([r.value.assessment.initialAssessmentWorkHours, r.value.assessment.coreAssessmentWorkHours]).toEqual([8, 25]);
  });

  it('a file with no version is taken as the current version', () => {
    const r = parseScenarioJson(saved('no-version.json'));
    expect(r.ok && r.value.version).toBe(SCENARIO_VERSION);
  });

  it('a file from a newer version than this app is refused with a message naming the version', () => {
    const future = { ...JSON.parse(saved('v1-first-release.json')), version: 99 };
    const r = parseScenarioJson(JSON.stringify(future));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'version', message: expect.stringContaining('saved by a newer version of Front Door') }]);
  });
});
