import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3-shape';
import { AGENCY_LABELS, type Agency, type NeedLevels } from '../../../scenario/schema.ts';

/**
 * How a case looks: fill colour for the child's true level of need (a sequential, colour-blind-
 * safe ramp from viridis, light to dark as need rises, always with a dark outline so every dot
 * has 3:1 contrast on white) and shape for the referring agency (d3 symbols). Need is also said
 * in words in the legend, the counters and the journey, so colour is never the only carrier.
 */

export interface NeedBand {
  /** 0 (lowest) to 3 (child protection). */
  level: number;
  label: string;
  colour: string;
  /** Text colour that reads on `colour`. */
  ink: string;
}

/** Need bands, lowest first (viridis at 1.0, 0.65, 0.35, 0.0: ordered in lightness for every kind of colour vision). */
export const NEED_BANDS: readonly NeedBand[] = [
  { level: 0, label: 'Below early help level', colour: '#fde725', ink: '#0b0c0c' },
  { level: 1, label: 'Early help level', colour: '#35b779', ink: '#0b0c0c' },
  { level: 2, label: 'Child in need', colour: '#31688e', ink: '#ffffff' },
  { level: 3, label: 'Child protection', colour: '#440154', ink: '#ffffff' },
];

/** Outline drawn round every dot. */
export const DOT_OUTLINE = '#0b0c0c';

/** The band of a true need score under the scenario's need levels. */
export function needLevel(need: number, levels: NeedLevels): number {
  if (need >= levels.childProtectionLevel) return 3;
  if (need >= levels.childInNeedLevel) return 2;
  if (need >= levels.moderateLevel) return 1;
  return 0;
}

/** The band's words with the score range, e.g. "Child in need (50 to 69)". */
export function needBandRange(level: number, levels: NeedLevels): string {
  const cuts = [0, levels.moderateLevel, levels.childInNeedLevel, levels.childProtectionLevel, 101];
  return `${NEED_BANDS[level]!.label} (${cuts[level]} to ${cuts[level + 1]! - 1})`;
}

const symbolTriangleDown: SymbolType = {
  draw(context, size) {
    const y = -Math.sqrt(size / (3 * Math.sqrt(3)));
    context.moveTo(0, -y * 2);
    context.lineTo(-Math.sqrt(3) * y, y);
    context.lineTo(Math.sqrt(3) * y, y);
    context.closePath();
  },
};

/** Shape of each referring agency, with its name for the legend. */
export const AGENCY_SHAPES: Readonly<Record<Agency, { symbol: SymbolType; name: string }>> = {
  police: { symbol: symbolSquare, name: 'square' },
  school: { symbol: symbolTriangle, name: 'triangle' },
  health: { symbol: symbolCross, name: 'cross' },
  gp: { symbol: symbolDiamond, name: 'diamond' },
  familySelf: { symbol: symbolCircle, name: 'circle' },
  anonymous: { symbol: symbolWye, name: 'three-pointed star' },
  otherLocalAuthority: { symbol: symbolStar, name: 'star' },
  other: { symbol: symbolTriangleDown, name: 'downward triangle' },
};

/** The agency's label ("Police"). */
export function agencyLabel(a: Agency): string {
  return AGENCY_LABELS[a];
}
