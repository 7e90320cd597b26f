/**
 * Colours and line styles for scenarios in charts: from the Okabe-Ito colour-blind-safe set,
 * using only members with at least 3:1 contrast on white (WCAG 1.4.11), each paired with its own
 * dash pattern so a series never depends on colour alone.
 */
export const SERIES_STYLES = [
  { colour: '#0072B2', dash: '', name: 'blue, solid line' },
  { colour: '#D55E00', dash: '8 4', name: 'vermilion, dashed line' },
  { colour: '#009E73', dash: '2 3', name: 'bluish green, dotted line' },
  { colour: '#000000', dash: '10 3 2 3', name: 'black, dash-dot line' },
] as const;

/** The style of the i-th series (cycling after four). */
export function seriesStyle(i: number): (typeof SERIES_STYLES)[number] {
  return SERIES_STYLES[i % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [l1, l2] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}
