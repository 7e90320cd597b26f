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
  /** Ring children who came back after closure. */
  ringCameBack: boolean;
}

/** Sprites keyed by agency, band and device-pixel size. */
export class SpriteCache {
  private readonly cache = new Map<string, HTMLCanvasElement | OffscreenCanvas>();
  constructor(private readonly make: (w: number, h: number) => HTMLCanvasElement | OffscreenCanvas) {}

  get(agency: Agency, band: number, px: number): HTMLCanvasElement | OffscreenCanvas {
    const size = Math.max(3, Math.round(px));
    const key = `${agency}|${band}|${size}`;
    let c = this.cache.get(key);
    if (!c) {
      c = this.make(size + 2, size + 2);
      const ctx = c.getContext('2d') as CanvasRenderingContext2D | null;
      if (ctx) {
        ctx.translate((size + 2) / 2, (size + 2) / 2);
        ctx.beginPath();
        AGENCY_SHAPES[agency].symbol.draw(ctx, size * size * 0.5);
        ctx.fillStyle = NEED_BANDS[band]!.colour;
        ctx.fill();
        ctx.lineWidth = Math.max(1, size / 9);
        ctx.strokeStyle = DOT_OUTLINE;
        ctx.stroke();
      }
      this.cache.set(key, c);
    }
    return c;
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
  // Sprites are blitted at their own size on whole device pixels (the fast path); rings and
  // labels are drawn in logical units.
  const draw = (d: Dot, alpha: number) => {
    const [x, y] = field.at(d, o.t);
    const pitch = d.slot >= 0 ? field.pitch(d.node) : 8;
    const s = pitch * 0.82;
    const dim = !inFocus(d, o);
    ctx.globalAlpha = alpha * (dim ? 0.14 : 1);
    const sprite = sprites.get(o.agencies[d.agency] ?? 'other', o.bandOf(d.need), s * k);
    ctx.drawImage(sprite as CanvasImageSource, Math.round(x * k - sprite.width / 2), Math.round(y * k - sprite.height / 2));
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
