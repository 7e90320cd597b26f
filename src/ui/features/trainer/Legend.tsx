import { symbol } from 'd3-shape';
import type { Scenario } from '../../../scenario/schema.ts';
import type { DotsShow } from './draw.ts';
import { AGENCY_SHAPES, DOT_OUTLINE, NEED_BANDS, agencyLabel, needBandRange } from './encoding.ts';
import { formatCount } from './narration.ts';

/**
 * The key to the dots: colour is the child's true level of need (with its range and how many
 * open cases are at that level), shape is the referring agency; the dots show one of these at a
 * time unless both are asked for, and the key shows only what the dots show. Either can be
 * brought into focus, dimming the rest: a way to find cases that does not rely on colour.
 */

interface Props {
  scenario: Scenario;
  /** What the dots show; the key shows only that. */
  show: DotsShow;
  onShow: (s: DotsShow) => void;
  needCounts: readonly number[];
  focusAgency: number | null;
  focusNeed: number | null;
  onFocusAgency: (i: number | null) => void;
  onFocusNeed: (i: number | null) => void;
}

function Icon({ agency, band }: { agency: keyof typeof AGENCY_SHAPES; band: number }) {
  const d = symbol(AGENCY_SHAPES[agency].symbol, 150)() ?? '';
  return (
    <svg width="20" height="20" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <path d={d} fill={NEED_BANDS[band]!.colour} stroke={DOT_OUTLINE} strokeWidth={1.5} />
    </svg>
  );
}

const SHOW_LABELS: Record<DotsShow, string> = { need: 'Need (colour)', agency: 'Who contacted (shape)', both: 'Both (colour and shape)' };

export function Legend({ scenario, needCounts, show, onShow, focusAgency, focusNeed, onFocusAgency, onFocusNeed }: Props) {
  return (
    <div className="trainer-legend">
      <div className="trainer-field trainer-field--inline trainer-legend__show">
        <label htmlFor="trainer-dots-show">Dots show</label>
        <select id="trainer-dots-show" value={show} onChange={(e) => onShow(e.target.value as DotsShow)}>
          {(Object.keys(SHOW_LABELS) as DotsShow[]).map((k) => (
            <option key={k} value={k}>
              {SHOW_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {show !== 'agency' && (
        <div className="trainer-legend__part">
          <p className="trainer-legend__title">Colour: true need</p>
          <ul>
            {NEED_BANDS.map((b) => (
              <li key={b.level}>
                <Icon agency="familySelf" band={b.level} /> {needBandRange(b.level, scenario.need)} <strong>{formatCount(needCounts[b.level] ?? 0)}</strong>
              </li>
            ))}
          </ul>
          <div className="trainer-field trainer-field--inline">
            <label htmlFor="trainer-focus-need">Bring out</label>
            <select id="trainer-focus-need" value={focusNeed ?? ''} onChange={(e) => onFocusNeed(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">All levels</option>
              {NEED_BANDS.map((b) => (
                <option key={b.level} value={b.level}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {show !== 'need' && (
        <div className="trainer-legend__part">
          <p className="trainer-legend__title">Shape: who contacted</p>
          <ul className="trainer-legend__agencies">
            {scenario.demand.sources.map((s) => (
              <li key={s.agency}>
                <Icon agency={s.agency} band={1} /> {agencyLabel(s.agency)}
                <span className="visually-hidden"> ({AGENCY_SHAPES[s.agency].name})</span>
              </li>
            ))}
          </ul>
          <div className="trainer-field trainer-field--inline">
            <label htmlFor="trainer-focus-agency">Bring out</label>
            <select id="trainer-focus-agency" value={focusAgency ?? ''} onChange={(e) => onFocusAgency(e.target.value === '' ? null : Number(e.target.value))}>
              <option value="">All agencies</option>
              {scenario.demand.sources.map((s, i) => (
                <option key={s.agency} value={i}>
                  {agencyLabel(s.agency)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </div>
  );
}
