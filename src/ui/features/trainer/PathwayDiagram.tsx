import { memo, type KeyboardEvent } from 'react';
import type { PathwayGraph } from '../../../../models/graph.ts';
import type { PathwayLayout } from './layout.ts';
import { formatCount, thresholdNote } from './narration.ts';
import type { PaneSnapshot } from './paneController.ts';
import { isPassThrough, loopCaption, loopNodes as loopNodesOf, routeWords } from './pathway.ts';

/**
 * The pathway diagram (SVG), drawn from the layout of the machine's graph: stages, states with
 * their counters, moves with a width that grows with the flow along them, and the presenter's
 * highlights. States are buttons: Enter follows the case that has waited longest there. The
 * dots are drawn on a canvas above it by the animation loop.
 */

export interface Highlights {
  loops: boolean;
  decisions: boolean;
  cameBack: boolean;
}

interface Props {
  layout: PathwayLayout;
  graph: PathwayGraph;
  snap: PaneSnapshot;
  highlights: Highlights;
  /** Prefix for ids (two diagrams can be on the page). */
  idPrefix: string;
  onActivateNode: (key: string) => void;
}

const count = (x: number | undefined) => formatCount(x ?? 0);

function DiagramImpl({ layout, graph, snap, highlights, idPrefix, onActivateNode }: Props) {
  const nodeIndex = new Map(snap.nodes.map((k, i) => [k, i]));
  const moveIndex = new Map(snap.moves.map(([a, b], i) => [`${snap.nodes[a]}>${snap.nodes[b]}`, i]));
  const flow = (id: string) => snap.edgeCounts[moveIndex.get(id) ?? -1] ?? 0;
  const maxFlow = Math.max(1, ...layout.edges.map((e) => flow(e.id)));
  const width = (c: number) => (c > 0 ? 1.6 + (5 * Math.log1p(c)) / Math.log1p(maxFlow) : 1.2);
  const loopNodes = loopNodesOf(graph);
  const marker = (kind: string) => `url(#${idPrefix}-arrow-${kind})`;
  const onKey = (key: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onActivateNode(key);
    }
  };

  return (
    <svg
      className="trainer-diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      /* An <svg> cannot be a <fieldset>: it groups the diagram's state buttons under one name. */
      /* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role */
      role="group"
      aria-label={`Pathway diagram: ${snap.scenario.name}`}
    >
      <defs>
        {[
          ['plain', '#505a5f'],
          ['loop', '#d4351c'],
          ['decision', '#12436d'],
          ['back', '#6f4a9c'],
        ].map(([k, c]) => (
          <marker
            key={k}
            id={`${idPrefix}-arrow-${k}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="11"
            markerHeight="11"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill={c} />
          </marker>
        ))}
        {/* Where a case closes: a bar across the end of a short stub (the Closed bar below counts them all). */}
        <marker id={`${idPrefix}-arrow-end`} viewBox="0 0 6 16" refX="3" refY="8" markerWidth="6" markerHeight="16" markerUnits="userSpaceOnUse" orient="auto">
          <rect x="0" y="0" width="6" height="16" fill="#0b0c0c" />
        </marker>
      </defs>
      {layout.stages
        .filter((s) => !s.single)
        .map((s) => (
          <g key={s.key} className={`trainer-stage${s.loop && highlights.loops ? ' is-loop' : ''}`}>
            <rect x={s.x} y={s.y} width={s.w} height={s.h} rx={6} />
            <text x={s.x + 10} y={s.y + 21} className="trainer-stage-label">
              {s.label}
            </text>
          </g>
        ))}
      {layout.comeBack && (
        <g className={`trainer-comeback${highlights.cameBack ? ' is-on' : ''}`}>
          <path d={layout.comeBack.d} markerEnd={marker('back')} />
          <text x={layout.comeBack.label.x + 10} y={layout.comeBack.label.y - 8}>
            Comes back:
          </text>
          <text x={layout.comeBack.label.x + 10} y={layout.comeBack.label.y + 10}>
            a new contact
          </text>
          <text x={layout.comeBack.label.x + 10} y={layout.comeBack.label.y + 28} className="trainer-count-small">
            {count(snap.totals.cameBack)} so far
          </text>
        </g>
      )}
      {layout.edges.map((e) => {
        const c = flow(e.id);
        const loop = highlights.loops && e.loop;
        const decision = highlights.decisions && e.fromDecision;
        const kind = loop ? 'loop' : decision ? 'decision' : 'plain';
        const path = (
          <path
            key={e.id}
            d={e.d}
            className={`trainer-edge is-${kind}${c === 0 ? ' is-unused' : ''} is-${e.kind}`}
            strokeWidth={width(c) + (loop ? 1.5 : 0)}
            markerEnd={marker(e.kind === 'end' ? 'end' : kind)}
            data-edge={e.id}
            data-kind={e.kind}
          >
            <title>{`${e.edges.map((x) => routeWords(x.route, x.event)).join('; ')}${e.kind === 'end' ? ' (the case closes)' : e.kind === 'link' ? ` (to ${graph.nodes.find((n) => n.key === e.target)?.label ?? e.target})` : ''}: ${count(c)} so far`}</title>
          </path>
        );
        return path;
      })}
      {layout.nodes.map((b) => {
        const i = nodeIndex.get(b.node.key);
        const now = i === undefined ? 0 : snap.nodeNow[i];
        const total = i === undefined ? 0 : snap.nodeEntered[i];
        const hidden = i === undefined ? 0 : (snap.hidden[i] ?? 0);
        const pass = isPassThrough(b.node);
        const note = b.node.decision ? thresholdNote(b.node.key, snap.scenario) : null;
        const lines = b.lines;
        const countY = b.y + 58 + (lines.length - 1) * 20;
        const cls = [
          'trainer-node',
          b.node.decision ? 'is-decision' : '',
          b.node.decision && highlights.decisions ? 'is-highlighted' : '',
          highlights.loops && loopNodes.has(b.node.key) ? 'is-loop' : '',
          b.node.final ? 'is-final' : '',
        ]
          .filter(Boolean)
          .join(' ');
        // The button's name is its visible text (WCAG 2.5.3: say what you see); the rest is its description.
        const description = b.node.final
          ? 'Where journeys end.'
          : pass
            ? 'Every contact starts here.'
            : `${b.node.decision ? `A threshold decision${note ? ` (${note.toLowerCase()})` : ''}. ` : ''}${b.node.queue ? 'Cases wait here for staff. ' : ''}Press Enter to follow the case here longest.`;
        const descId = `${idPrefix}-desc-${b.node.key.replace(/\./g, '-')}`;
        return (
          <g
            key={b.node.key}
            className={cls}
            /* An SVG group cannot be a <button>: it takes the button role, a tab stop and Enter/Space. */
            /* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role */
            role="button"
            tabIndex={0}
            aria-describedby={descId}
            data-state={b.node.key}
            data-now={now}
            data-total={total}
            onKeyDown={onKey(b.node.key)}
            onClick={() => onActivateNode(b.node.key)}
          >
            <desc id={descId}>{description}</desc>
            <rect className="trainer-node-focus" x={b.x - 5} y={b.y - 5} width={b.w + 10} height={b.h + 10} rx={8} />
            <rect className="trainer-node-box" x={b.x} y={b.y} width={b.w} height={b.h} rx={4} />
            {lines.map((line, k) => (
              <text key={k} x={b.x + 8} y={b.y + 22 + k * 20} className="trainer-node-label">
                {line.startsWith('◆ ') ? (
                  <>
                    <tspan className="trainer-diamond" aria-hidden="true">
                      ◆{' '}
                    </tspan>
                    {line.slice(2)}
                  </>
                ) : (
                  line
                )}
              </text>
            ))}
            {b.node.final ? (
              <>
                <text x={b.x + 8} y={b.y + 46} className="trainer-count-small">
                  {count(total)} closed so far
                </text>
                <text x={b.x + 8} y={b.y + 64} className="trainer-count-small is-concern">
                  {count(snap.totals.closedUnmet)} with need unmet
                </text>
              </>
            ) : pass ? (
              <>
                <text x={b.x + 8} y={b.y + 60} className="trainer-count-big">
                  {count(total)}
                </text>
                <text x={b.x + 8} y={b.y + 80} className="trainer-count-small">
                  contacts so far
                </text>
              </>
            ) : (
              <>
                <text x={b.x + 8} y={countY} className="trainer-count-big">
                  {count(now)}
                  <tspan className="trainer-count-small" dx={6}>
                    now · {count(total)} so far
                  </tspan>
                </text>
                {note && highlights.decisions && (
                  <text x={b.x + b.w - 8} y={lines.length > 1 ? countY + 18 : b.y + 42} className="trainer-count-small is-note" textAnchor="end">
                    {note}
                  </text>
                )}
                {hidden > 0 && (
                  <text x={b.x + b.w - 8} y={b.y + b.h - 8} className="trainer-overflow" textAnchor="end">
                    +{count(hidden)} not shown
                  </text>
                )}
              </>
            )}
          </g>
        );
      })}
      {/* A labelled jump's words sit inside its source's box (drawn after the boxes), beside the stub that leaves it. */}
      {layout.edges.map(
        (e) =>
          e.linkLines && (
            <text key={e.id} x={e.label.x} y={e.label.y} textAnchor="end" className="trainer-link-label" aria-hidden="true">
              {e.linkLines.map((line, k) => (
                <tspan key={k} x={e.label.x} dy={k === 0 ? 0 : 20}>
                  {line}
                </tspan>
              ))}
            </text>
          ),
      )}
      {highlights.loops &&
        layout.edges
          .filter((e) => e.loop && loopCaption(e.edges) !== null)
          .map((e) => (
            <text key={e.id} x={e.label.x} y={e.label.y - 12} className="trainer-edge-label is-loop" textAnchor="middle">
              <tspan x={e.label.x}>{count(flow(e.id))}</tspan>
              <tspan x={e.label.x} dy={16}>
                {loopCaption(e.edges)}
              </tspan>
            </text>
          ))}
    </svg>
  );
}

export const PathwayDiagram = memo(DiagramImpl);
