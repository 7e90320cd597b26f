import type { PathwayGraph } from '../../../../models/graph.ts';
import type { PaneSnapshot } from './paneController.ts';
import { formatCount } from './narration.ts';
import { isPassThrough, loopEdges, routeWords } from './pathway.ts';
import { dayLabel } from './story.ts';

/**
 * The counters as tables: the text equivalent of the animation. One row per state of the
 * machine (cases there now and cases that have entered so far), then the duplication loops'
 * moves, for each scenario on screen.
 */

interface Props {
  graph: PathwayGraph;
  panes: readonly PaneSnapshot[];
}

export function CountersTable({ graph, panes }: Props) {
  const stageLabel = new Map(graph.stages.map((s) => [s.key, s.label]));
  const at = (p: PaneSnapshot, key: string) => p.nodes.indexOf(key);
  const loops = loopEdges(graph);
  const loopMoves = [...new Map(loops.map((e) => [`${e.source}>${e.target}`, e])).values()];
  const moveCount = (p: PaneSnapshot, source: string, target: string) => {
    const i = p.moves.findIndex(([a, b]) => p.nodes[a] === source && p.nodes[b] === target);
    return i < 0 ? 0 : (p.edgeCounts[i] ?? 0);
  };
  const label = (k: string) => graph.nodes.find((n) => n.key === k)?.label ?? k;
  return (
    <div className="trainer-tables">
      <div className="table-wrap">
        <table className="trainer-counters" data-testid="trainer-counters">
          <caption>Cases at each step, {dayLabel(Math.max(0, (panes[0]?.now ?? 0) - 1e-9))}</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Step</th>
              {panes.map((p, i) => (
                <th key={`n${i}`} scope="col" className="num">
                  Now{panes.length > 1 ? ` (${p.scenario.id})` : ''}
                </th>
              ))}
              {panes.map((p, i) => (
                <th key={`t${i}`} scope="col" className="num">
                  So far{panes.length > 1 ? ` (${p.scenario.id})` : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {graph.nodes.map((n) => (
              <tr key={n.key} data-state={n.key}>
                <td>{stageLabel.get(n.stage)}</td>
                <th scope="row">
                  {n.label}
                  {n.decision ? ' (threshold decision)' : ''}
                </th>
                {panes.map((p, i) => (
                  <td key={`n${i}`} className="num" data-now={p.nodeNow[at(p, n.key)] ?? 0}>
                    {isPassThrough(n) || n.final ? '–' : formatCount(p.nodeNow[at(p, n.key)] ?? 0)}
                  </td>
                ))}
                {panes.map((p, i) => (
                  <td key={`t${i}`} className="num" data-total={p.nodeEntered[at(p, n.key)] ?? 0}>
                    {formatCount(p.nodeEntered[at(p, n.key)] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="trainer-loops">
          <caption>Duplication loops: moves so far</caption>
          <thead>
            <tr>
              <th scope="col">Move</th>
              {panes.map((p, i) => (
                <th key={i} scope="col" className="num">
                  {panes.length > 1 ? p.scenario.id : 'Times'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {loopMoves.map((e) => (
              <tr key={`${e.source}>${e.target}`}>
                <th scope="row">
                  {label(e.source)} → {label(e.target)}{' '}
                  <span className="secondary-text">
                    (
                    {loops
                      .filter((x) => x.source === e.source && x.target === e.target)
                      .map((x) => routeWords(x.route, x.event))
                      .join('; ')}
                    )
                  </span>
                </th>
                {panes.map((p, i) => (
                  <td key={i} className="num">
                    {formatCount(moveCount(p, e.source, e.target))}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Children who came back after their case was closed</th>
              {panes.map((p, i) => (
                <td key={i} className="num">
                  {formatCount(p.totals.cameBack)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Cases closed with need unmet</th>
              {panes.map((p, i) => (
                <td key={i} className="num">
                  {formatCount(p.totals.closedUnmet)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
