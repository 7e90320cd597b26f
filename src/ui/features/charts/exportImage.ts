import { downloadBlob } from '../../lib/download.ts';

/**
 * Chart images: the chart's own SVG (already self-contained: presentation attributes, no CSS)
 * with its title added above, saved as SVG, or drawn onto a canvas at twice the size on white
 * and saved as PNG.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_SPACE = 30;

/** A standalone copy of the chart's SVG as text, with its title written in. */
export function standaloneSvg(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
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
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', String(-TITLE_SPACE + 20));
  heading.setAttribute('font-family', 'Arial, sans-serif');
  heading.setAttribute('font-size', '16');
  heading.setAttribute('font-weight', '700');
  heading.setAttribute('fill', '#0b0c0c');
  heading.textContent = title;
  clone.insertBefore(heading, bg.nextSibling);
  return { text: new XMLSerializer().serializeToString(clone), width, height: height + TITLE_SPACE };
}

/** Saves the chart as an SVG file. */
export function downloadSvg(svg: SVGSVGElement, title: string, filename: string): void {
  downloadBlob(filename, new Blob([standaloneSvg(svg, title).text], { type: 'image/svg+xml;charset=utf-8' }));
}

/** Saves the chart as a PNG file at twice its size on screen. */
export async function downloadPng(svg: SVGSVGElement, title: string, filename: string): Promise<void> {
  const { text, width, height } = standaloneSvg(svg, title);
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
