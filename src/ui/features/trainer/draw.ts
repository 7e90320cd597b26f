import type { Agency } from '../../../scenario/schema.ts';
import { CASE_FLAGS } from '../../../worker/trainerProtocol.ts';
import type { Dot, DotField } from './dots.ts';
import { AGENCY_SHAPES, DOT_OUTLINE, NEED_BANDS } from './encoding.ts';

/**
 * Draws a dot field on a canvas: each dot is a pre-rendered sprite (agency shape × need colour
 * × size), so thousands of dots cost one `drawImage` each. Followed children get a ring and a
 * label; cases outside the presenter's focus are dimmed. The canvas shares the diagram's logical
 * frame; `scale` maps logical pixels to CSS pixels.
 */

export interface DrawOptions {
  /** CSS pixels per logical pixel. */
  scale: number;
  /** Device pixels per CSS pixel. */
  dpr: number;
  /** Time (ms) for positions. */
  t: number;
  /** Agency of each `agency` index (the scenario's demand sources). */
  agencies: readonly Agency[];
  /** Need band of each need score 0-100. */
  bandOf: (need: number) => number;
  /** Child being followed, or null. */
  followed: number | null;
  /** Only this agency index stands out (others dimmed), or null. */
  focusAgency: number | null;
  /** Only this need band stands out, or null. */
  focusNeed: number | null;
  /** What a dot shows: need as colour (all circles), who contacted as shape (one colour), or both. */
  show?: DotsShow;
  /** Ring children who came back after closure. */
  ringCameBack: boolean;
}

/** What the dots show: one dimension at a time reads without narration; both is the full key. */
export type DotsShow = 'need' | 'agency' | 'both';

/** A sheet of sprites for one device-pixel size: every agency shape in every need colour, in a row. */
export interface SpriteSheet {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  /** Width and height of one cell (device pixels). */
  cell: number;
}

/** Sprite sheets keyed by device-pixel size; cell i = agency index (AGENCIES order) × 4 + band. */
export class SpriteCache {
  private readonly sheets = new Map<number, SpriteSheet>();
  constructor(
    private readonly make: (w: number, h: number) => HTMLCanvasElement | OffscreenCanvas,
    private readonly agencies: readonly Agency[] = Object.keys(AGENCY_SHAPES) as Agency[],
  ) {}

  /** Cell index of an agency and band. */
  cellOf(agency: Agency, band: number): number {
    return Math.max(0, this.agencies.indexOf(agency)) * NEED_BANDS.length + band;
  }

  /** The sheet for sprites `px` device pixels across. */
  sheet(px: number): SpriteSheet {
    const size = Math.max(3, Math.round(px));
    let sheet = this.sheets.get(size);
    if (!sheet) {
      const cell = size + 2;
      const canvas = this.make(cell * this.agencies.length * NEED_BANDS.length, cell);
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | null;
      if (ctx) {
        this.agencies.forEach((agency, a) =>
          NEED_BANDS.forEach((band, b) => {
            ctx.setTransform(1, 0, 0, 1, (a * NEED_BANDS.length + b) * cell + cell / 2, cell / 2);
            ctx.beginPath();
            AGENCY_SHAPES[agency].symbol.draw(ctx, size * size * 0.5);
            ctx.fillStyle = band.colour;
            ctx.fill();
            ctx.lineWidth = Math.max(1, size / 9);
            ctx.strokeStyle = DOT_OUTLINE;
            ctx.stroke();
          }),
        );
      }
      sheet = { canvas, cell };
      this.sheets.set(size, sheet);
    }
    return sheet;
  }
}

function inFocus(d: Dot, o: DrawOptions): boolean {
  if (o.focusAgency !== null && d.agency !== o.focusAgency) return false;
  if (o.focusNeed !== null && o.bandOf(d.need) !== o.focusNeed) return false;
  return true;
}

/** Draws `field` on `ctx` (sized in device pixels); returns how many dots were drawn. */
export function drawField(ctx: CanvasRenderingContext2D, field: DotField, sprites: SpriteCache, o: DrawOptions): number {
  const k = o.scale * o.dpr;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.imageSmoothingEnabled = false;
  let drawn = 0;
  const followedAt: [number, number, number][] = [];
  // Sprites are copied from a sheet at their own size onto whole device pixels (the fast path);
  // rings and labels are drawn in logical units afterwards.
  const show = o.show ?? 'both';
  const circle = sprites.cellOf('familySelf', 0);
  const cells = o.agencies.map((a) => sprites.cellOf(a, 0));
  // Need only: every dot a circle in its need colour; agency only: every shape in one colour.
  const cellOf = (d: Dot) =>
    show === 'need' ? circle + o.bandOf(d.need) : show === 'agency' ? (cells[d.agency] ?? 0) + 1 : (cells[d.agency] ?? 0) + o.bandOf(d.need);
  let alphaNow = 1;
  const draw = (d: Dot, alpha: number) => {
    const [x, y] = field.at(d, o.t);
    const pitch = d.slot >= 0 ? field.pitch(d.node) : 8;
    const s = pitch * 0.82;
    const dim = !inFocus(d, o);
    const a = alpha * (dim ? 0.14 : 1);
    if (a !== alphaNow) ctx.globalAlpha = alphaNow = a;
    const sheet = sprites.sheet(s * k);
    const c = sheet.cell;
    const cell = cellOf(d);
    ctx.drawImage(sheet.canvas as CanvasImageSource, cell * c, 0, c, c, Math.round(x * k - c / 2), Math.round(y * k - c / 2), c, c);
    if (o.ringCameBack && !dim && d.flags & CASE_FLAGS.cameBackUnmet) rings.push(x, y, s, alpha);
    if (d.child === o.followed) followedAt.push([x, y, s]);
    drawn++;
  };
  const rings: number[] = [];
  for (const d of field.dots.values()) if (field.visible(d)) draw(d, 1);
  for (const d of field.fading) {
    const a = field.alpha(d, o.t);
    if (a > 0) draw(d, a);
  }
  ctx.setTransform(k, 0, 0, k, 0, 0);
  ctx.strokeStyle = '#d4351c';
  for (let i = 0; i < rings.length; i += 4) {
    ctx.globalAlpha = rings[i + 3]!;
    ctx.beginPath();
    ctx.arc(rings[i]!, rings[i + 1]!, rings[i + 2]! * 0.78, 0, Math.PI * 2);
    ctx.lineWidth = Math.max(1.5, rings[i + 2]! / 5);
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
  // The followed child: a yellow-and-black ring (the focus style) and a label.
  for (const [x, y, s] of followedAt) {
    const r = Math.max(9, s * 1.3);
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.lineWidth = 6;
    ctx.strokeStyle = '#0b0c0c';
    ctx.stroke();
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#ffdd00';
    ctx.stroke();
    ctx.font = 'bold 16px Arial, sans-serif';
    const label = `Child ${o.followed}`;
    const w = ctx.measureText(label).width + 10;
    ctx.fillStyle = '#0b0c0c';
    ctx.fillRect(x + r + 2, y - 11, w, 22);
    ctx.fillStyle = '#ffdd00';
    ctx.fillText(label, x + r + 7, y + 5);
  }
  return drawn;
}
