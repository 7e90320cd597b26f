import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { offeredLoad } from '../../src/sim/flow/capacity.ts';
import { formatProblems, parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { runBatch } from '../../src/sim/batch.ts';

/**
 * The capacity check (src/sim/flow/capacity.ts, no simulation) against the simulation: its
 * verdict, some stage with ρ ≥ 1, must match whether the simulated backlog grows (the
 * allocation or decision queue trends upward in the measured window, src/sim/steadiness.ts).
 * Every preset in seeds/ is checked as it is, so the test follows recalibrations, and so are
 * variants of the default preset overloaded in four ways, each of which must flag its stage.
 *
 * Tolerance band: where the largest ρ lies in [0.95, 1.05] the check is not asked for a verdict.
 * The estimate is within a few per cent of the simulation, not exact, and a queue at ρ near 1
 * grows or wanders too slowly for a year's run to tell (the case is listed, not hidden).
 * Eight replications, not four: with four, kent-2010-twelve-districts' allocation backlog (three
 * teams at utilisation 0.96-1.0, growing ~7 a month) stayed inside the trend's noise on seed 1
 * while seeds 2 and 3 and eight replications showed it rising.
 */

const SEEDS = new URL('../../seeds/', import.meta.url);
const BORDERLINE: readonly [number, number] = [0.95, 1.05];
const RUN = { days: 365, warmupDays: 90, reps: 8, seed: 1 } as const;

type Raw = Record<string, any>;

function parsed(raw: unknown, label: string): Scenario {
  const p = parseScenario(raw);
  if (!p.ok) throw new Error(`${label}: ${formatProblems(p.problems)}`);
  return p.value;
}

const presets = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, SEEDS), 'utf8')) as Raw] as const);

/** The default preset overloaded in one way, with the stage that must be flagged. */
function variants(base: Raw): { name: string; raw: Raw; stage: string }[] {
  const edit = (change: (s: Raw) => void) => {
    const s = structuredClone(base);
    change(s);
    return s;
  };
  const team = base.dutyTeams[0].name as string;
  return [
    { name: `${base.id}, ${team} at 3 posts`, raw: edit((s) => (s.dutyTeams[0].socialWorkerPosts = 3)), stage: `team:${team}:places` },
    { name: `${base.id}, ${team} with threshold 90`, raw: edit((s) => (s.dutyTeams[0].threshold = 90)), stage: `team:${team}:places` },
    {
      name: `${base.id}, double demand`,
      raw: edit((s) => s.demand.sources.forEach((a: Raw) => (a.contactsPerMonth *= 2))),
      stage: base.frontDoor.structure === 'contactCentre' || base.frontDoor.structure === 'singleQualified' ? 'screening' : `team:${team}:places`,
    },
    {
      name: `${base.id}, one screener at the front door`,
      raw: edit((s) => Object.assign(s.frontDoor, { structure: 'contactCentre', unqualifiedScreeners: 0, qualifiedScreeners: 1 })),
      stage: 'screening',
    },
  ];
}

const kent = presets.find(([f]) => f === 'kent-2010.json')?.[1];
const cases = [...presets.map(([f, raw]) => ({ name: f, raw, stage: null as string | null })), ...(kent ? variants(kent) : [])];

describe('capacity check agrees with the simulation', () => {
  it.for(cases)('$name', { timeout: 600_000 }, (c, ctx) => {
    const name = c.name;
    const scenario = parsed(c.raw, name);
    const loads = offeredLoad(scenario);
    const worst = loads.reduce((a, b) => (b.rho > a.rho ? b : a));
    if (c.stage) expect(loads.find((l) => l.id === c.stage)?.status, `${name}: ${c.stage}`).toBe('over');
    if (worst.rho >= BORDERLINE[0] && worst.rho < BORDERLINE[1]) {
      ctx.skip(`borderline: ${worst.label} at ρ ${worst.rho.toFixed(3)}`);
      return;
    }
    const batch = runBatch(scenario, RUN);
    const grows = batch.steadiness.awaitingAllocation.trend === 'rising' || batch.steadiness.awaitingDecision.trend === 'rising';
    const over = loads.filter((l) => l.status === 'over').map((l) => `${l.label} ρ ${l.rho.toFixed(2)}`);
    const utilisation = batch.teams.map((t) => `${t.name} ${t.metrics.socialWorkerUtilisation.mean.toFixed(2)}`).join(', ');
    expect(
      grows,
      `${name}: check says ${over.length ? `over at ${over.join('; ')}` : `every stage below 1 (worst ${worst.label} ${worst.rho.toFixed(2)})`}; simulated utilisation ${utilisation}`,
    ).toBe(over.length > 0);
  });
});
