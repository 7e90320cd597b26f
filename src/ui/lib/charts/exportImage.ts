import { downloadBlob } from '../download.ts';

/**
 * Chart images: the chart's own SVG (already self-contained: presentation attributes, no CSS)
 * with a caption added above (the measure, then the scenario and the date, so a picture pasted
 * into a paper still says what it shows), saved as SVG, or drawn onto a canvas at twice the size
 * on white and saved as PNG.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const LINE = 20;

/** The caption lines of a saved chart: the measure; then the scenario(s), the date and where it came from. */
export function imageCaption(measure: string, subject: string | undefined, date: Date): string[] {
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return [measure, `${subject ? `${subject} · ` : ''}Front Door simulation, ${day}`];
}

/** A standalone copy of the chart's SVG as text, with its caption lines written in above it. */
export function standaloneSvg(svg: SVGSVGElement, caption: readonly string[]): { text: string; width: number; height: number } {
  const TITLE_SPACE = 10 + LINE * caption.length;
  const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
  const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height + TITLE_SPACE));
  clone.setAttribute('viewBox', `0 ${-TITLE_SPACE} ${width} ${height + TITLE_SPACE}`);
  clone.removeAttribute('class');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('x', '0');
  bg.setAttribute('y', String(-TITLE_SPACE));
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height + TITLE_SPACE));
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  let after: Node = bg;
  caption.forEach((line, i) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', String(-TITLE_SPACE + 20 + i * LINE));
    text.setAttribute('font-family', 'Arial, sans-serif');
    text.setAttribute('font-size', i === 0 ? '16' : '13');
    if (i === 0) text.setAttribute('font-weight', '700');
    text.setAttribute('fill', i === 0 ? '#0b0c0c' : '#505a5f');
    text.textContent = line;
    clone.insertBefore(text, after.nextSibling);
    after = text;
  });
  return { text: new XMLSerializer().serializeToString(clone), width, height: height + TITLE_SPACE };
}

/** Saves the chart as an SVG file. */
export function downloadSvg(svg: SVGSVGElement, caption: readonly string[], filename: string): void {
  downloadBlob(filename, new Blob([standaloneSvg(svg, caption).text], { type: 'image/svg+xml;charset=utf-8' }));
}

/** Saves the chart as a PNG file at twice its size on screen. */
export async function downloadPng(svg: SVGSVGElement, caption: readonly string[], filename: string): Promise<void> {
  const { text, width, height } = standaloneSvg(svg, caption);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw images');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be saved as PNG');
    downloadBlob(filename, blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
