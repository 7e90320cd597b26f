import { describe, expect, it } from 'vitest';
import { caseJourneyMachine } from '../../models/caseJourney.machine.ts';
import { entryRoutesOf } from '../../models/caseJourney.rules.ts';
import { pathwayGraph, reachedBy } from '../../models/graph.ts';
import { PRESETS } from '../../src/scenario/presets.ts';
import { connectorCrossings } from '../../src/ui/features/trainer/crossings.ts';
import { TRAINER_LAYOUT } from '../../src/ui/features/trainer/diagramOptions.ts';
import { layoutPathway, type PathwayLayout } from '../../src/ui/features/trainer/layout.ts';

/**
 * The trainer's connectors, read from the layout's polylines: orthogonal, none crossing another,
 * none running through a state's box, and the crossing counter itself counts what it should.
 */
const graph = reachedBy(pathwayGraph(caseJourneyMachine), ['screen', 'dutyScreen', 'direct']);
const layout = layoutPathway(graph, TRAINER_LAYOUT);

/** Segments of `layout`'s connectors that pass through the inside of a box other than their own ends'. */
function throughBoxes(l: PathwayLayout): string[] {
  const out: string[] = [];
  for (const e of l.edges) {
    for (let i = 1; i < e.points.length; i++) {
      const [a, b] = [e.points[i - 1]!, e.points[i]!];
      for (const n of l.nodes) {
        if (n.node.key === e.source || n.node.key === e.target) continue;
        const x0 = Math.min(a[0], b[0]);
        const x1 = Math.max(a[0], b[0]);
        const y0 = Math.min(a[1], b[1]);
        const y1 = Math.max(a[1], b[1]);
        if (x1 > n.x + 0.5 && x0 < n.x + n.w - 0.5 && y1 > n.y + 0.5 && y0 < n.y + n.h - 0.5) out.push(`${e.id} through ${n.node.key}`);
      }
    }
  }
  return out;
}

describe('routing the trainer’s connectors', () => {
  it('no two connectors cross or run along each other (counted from the layout)', () => {
    expect(layout.edges.length).toBe(new Set(graph.edges.map((e) => `${e.source}>${e.target}`)).size);
    expect(connectorCrossings(layout)).toEqual([]);
  });

  it('every connector is orthogonal and none runs through another state’s box', () => {
    for (const e of layout.edges)
      for (let i = 1; i < e.points.length; i++) {
        const [a, b] = [e.points[i - 1]!, e.points[i]!];
        expect(Math.abs(a[0] - b[0]) < 0.5 || Math.abs(a[1] - b[1]) < 0.5, `${e.id} segment ${i}`).toBe(true);
      }
    expect(throughBoxes(layout)).toEqual([]);
  });

  it('draws the main flow as lines; only moves to closure and the entry’s or rework’s long jumps are stubs', () => {
    const stubs = layout.edges.filter((e) => e.kind === 'end' || e.kind === 'link');
    for (const e of stubs) expect(e.points).toHaveLength(2);
    const finals = new Set(graph.nodes.filter((n) => n.final).map((n) => n.key));
    for (const e of layout.edges.filter((x) => x.kind === 'end')) expect(finals.has(e.target)).toBe(true);
    for (const e of layout.edges.filter((x) => x.kind === 'link')) {
      const src = graph.nodes.find((n) => n.key === e.source)!;
      expect(src.rework || src.entry.length === 0 || src.key === graph.initial, e.id).toBe(true);
      expect(e.linkLines?.join(' ')).toContain(graph.nodes.find((n) => n.key === e.target)!.label.split(' ')[0]);
    }
    // Screening's routes to allocation and to early help, the duty manager's decisions and the plans are lines.
    const lines = new Set(layout.edges.filter((e) => e.kind !== 'end' && e.kind !== 'link').map((e) => e.id));
    for (const id of [
      'contactCentre.screening>assessment.awaitingAllocation',
      'contactCentre.screening>earlyHelp',
      'dutyTeam.dutyReview>assessment.awaitingAllocation',
      'dutyTeam.dutyReview>earlyHelp',
      'assessment.awaitingTransfer>services.childProtectionPlan',
    ])
      expect(lines.has(id), id).toBe(true);
  });

  it('the counter finds a crossing and an overlap when there is one (it can fail)', () => {
    const crossed: PathwayLayout = {
      ...layout,
      comeBack: null,
      edges: [
        {
          ...layout.edges[0]!,
          id: 'a',
          points: [
            [0, 50],
            [100, 50],
          ],
        },
        {
          ...layout.edges[0]!,
          id: 'b',
          points: [
            [50, 0],
            [50, 100],
          ],
        },
        {
          ...layout.edges[0]!,
          id: 'c',
          points: [
            [200, 0],
            [200, 100],
          ],
        },
        {
          ...layout.edges[0]!,
          id: 'd',
          points: [
            [200, 50],
            [200, 150],
          ],
        },
        {
          ...layout.edges[0]!,
          id: 'e',
          points: [
            [300, 0],
            [300, 100],
          ],
        },
        {
          ...layout.edges[0]!,
          id: 'f',
          points: [
            [300, 100],
            [400, 100],
          ],
        },
      ],
    };
    expect(connectorCrossings(crossed).map((c) => [c.a, c.b, c.overlap])).toEqual([
      ['a', 'b', false],
      ['c', 'd', true],
    ]);
  });
});

describe('every front door the presets have is routed without crossings', () => {
  const doors = new Map(PRESETS.map((p) => [entryRoutesOf(p.frontDoor).join('+'), p]));
  it.for([...doors.values()].map((p) => [p.id, p] as const))('%s: no crossing, no connector through a box, every connector orthogonal', ([, preset]) => {
    const l = layoutPathway(reachedBy(pathwayGraph(caseJourneyMachine), entryRoutesOf(preset.frontDoor)), TRAINER_LAYOUT);
    expect(connectorCrossings(l)).toEqual([]);
    expect(throughBoxes(l)).toEqual([]);
    for (const e of l.edges)
      for (let i = 1; i < e.points.length; i++)
        expect(Math.abs(e.points[i - 1]![0] - e.points[i]![0]) < 0.5 || Math.abs(e.points[i - 1]![1] - e.points[i]![1]) < 0.5, e.id).toBe(true);
  });
});
