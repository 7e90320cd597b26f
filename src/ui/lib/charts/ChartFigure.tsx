import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadText } from '../download.ts';
import { useElementWidth } from './useElementWidth.ts';
import { downloadPng, downloadSvg, imageCaption } from './exportImage.ts';

/** A table that says the same as a chart (its text alternative). */
export interface ChartTable {
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric?: boolean[];
  rows: (string | number)[][];
}

interface Props {
  title: string;
  /** What the chart is about (the scenario or scenarios), written under the title on saved images. */
  subject?: string;
  /** One or two sentences: what is shown, and how to read the band. */
  description: ReactNode;
  headingLevel?: 3 | 4;
  /** File names start with this (no extension). */
  fileStem: string;
  /** Draws the chart's SVG at the given width, labelled by the given ids. */
  render: (width: number, labelIds: { title: string; desc: string }) => ReactNode;
  table: ChartTable;
  /** The chart's data as CSV, built when asked for. */
  csv: () => string;
}

/**
 * A chart with everything around it: heading, description, the SVG, and links to its data as a
 * table (the text alternative, WCAG 1.1.1), as CSV, and to the image as SVG or PNG.
 */
export function ChartFigure({ title, subject, description, headingLevel = 3, fileStem, render, table, csv }: Props) {
  const id = useId();
  const [wrapRef, width] = useElementWidth<HTMLDivElement>();
  const figureRef = useRef<HTMLElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The table is built only when opened: a chart's data can be hundreds of cells.
  const [tableOpen, setTableOpen] = useState(false);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const svg = () => figureRef.current?.querySelector<SVGSVGElement>('svg.chart-svg') ?? null;
  const caption = () => imageCaption(title, subject, new Date());
  return (
    <figure className="chart" ref={figureRef}>
      <figcaption>
        <Heading id={`${id}-title`}>{title}</Heading>
        <div className="chart__desc" id={`${id}-desc`}>
          {description}
        </div>
      </figcaption>
      <div className="chart__svg-wrap" ref={wrapRef}>
        {render(Math.max(280, width), { title: `${id}-title`, desc: `${id}-desc` })}
      </div>
      <div className="chart__actions">
        <button type="button" className="link-button" onClick={() => downloadText(`${fileStem}.csv`, csv(), 'text/csv;charset=utf-8')}>
          Download data (CSV)<span className="visually-hidden">: {title}</span>
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const el = svg();
            if (el) downloadSvg(el, caption(), `${fileStem}.svg`);
          }}
        >
          Save as SVG<span className="visually-hidden">: {title}</span>
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const el = svg();
            if (el)
              downloadPng(el, caption(), `${fileStem}.png`).then(
                () => setExportError(null),
                (e: Error) => setExportError(e.message),
              );
          }}
        >
          Save as PNG<span className="visually-hidden">: {title}</span>
        </button>
        {exportError && (
          <span className="error-message" role="alert">
            {exportError}
          </span>
        )}
        <details onToggle={(e) => setTableOpen(e.currentTarget.open)}>
          <summary className="link-button">
            Show the data as a table<span className="visually-hidden">: {title}</span>
          </summary>
          {tableOpen && (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c, i) => (
                      <th key={c} scope="col" className={table.numeric?.[i] ? 'num' : undefined}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, i) =>
                        i === 0 ? (
                          <th key={i} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={i} className={table.numeric?.[i] ? 'num' : undefined}>
                            {cell}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      </div>
    </figure>
  );
}
