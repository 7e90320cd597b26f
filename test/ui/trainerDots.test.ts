import { describe, expect, it } from 'vitest';
import { capacity, DotField, FADE_MS, PITCHES, slotCentre } from '../../src/ui/features/trainer/dots.ts';
import type { CaseColumns } from '../../src/worker/trainerProtocol.ts';

/** Where the dots go: slots that fill from the bottom, stable while a case stays, gliding moves. */
const area = (x: number) => ({ x, y: 0, w: 60, h: 60 });
const boxes = [area(0), area(100), area(200), area(300)];
const ENTRY = 0;
const CLOSED = 3;

function cols(rows: [id: number, node: number][]): CaseColumns {
  return {
    id: Int32Array.from(rows.map((r) => r[0])),
    child: Int32Array.from(rows.map((r) => r[0] + 1000)),
    node: Uint8Array.from(rows.map((r) => r[1])),
    need: Uint8Array.from(rows.map(() => 50)),
    agency: Uint8Array.from(rows.map(() => 0)),
    flags: Uint8Array.from(rows.map(() => 0)),
  };
}
const none = cols([]);

describe('DotField', () => {
  it('fills a state from its bottom-left slot, row by row', () => {
    const a = area(0);
    const p = PITCHES[0];
    const [x0, y0] = slotCentre(a, p, 0);
    const [x1] = slotCentre(a, p, 1);
    const cols4 = Math.floor(a.w / p);
    const [, yUp] = slotCentre(a, p, cols4);
    expect(x1).toBeGreaterThan(x0);
    expect(yUp).toBeLessThan(y0);
    expect(y0).toBeGreaterThan(a.y + a.h / 2);
  });

  it('a case keeps its slot while it stays, and a freed slot is taken by the next arrival', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    f.apply(
      cols([
        [1, 1],
        [2, 1],
        [3, 1],
      ]),
      none,
      0,
      0,
    );
    const slot2 = f.dots.get(2)!.slot;
    f.apply(
      cols([
        [1, 1],
        [3, 1],
      ]),
      cols([[2, 1]]),
      10,
      0,
    );
    expect(f.dots.get(3)!.slot).toBe(2);
    f.apply(
      cols([
        [1, 1],
        [3, 1],
        [4, 1],
      ]),
      none,
      20,
      0,
    );
    expect(f.dots.get(4)!.slot).toBe(slot2);
  });

  it('a moving case glides from where it is to its new slot, and is there when the glide ends', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    f.apply(cols([[1, 1]]), none, 0, 0);
    const start = f.at(f.dots.get(1)!, 0);
    f.apply(cols([[1, 2]]), none, 1000, 400);
    const d = f.dots.get(1)!;
    const mid = f.at(d, 1200);
    const end = f.at(d, 1400);
    expect(end).toEqual(slotCentre(boxes[2]!, PITCHES[0], 0));
    expect(mid[0]).toBeGreaterThan(start[0]);
    expect(mid[0]).toBeLessThan(end[0]);
  });

  it('new cases come in from the entry state', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    f.apply(cols([[1, 2]]), none, 0, 500);
    const [x, y] = f.at(f.dots.get(1)!, 0);
    expect([x, y]).toEqual([boxes[ENTRY]!.x + 30, 30]);
  });

  it('a crowded state shrinks its pitch rather than hide its cases, and grows back when it empties', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    const n = capacity(boxes[1]!, PITCHES[0]) + 1;
    f.apply(cols(Array.from({ length: n }, (_, i) => [i, 1] as [number, number])), none, 0, 0);
    expect(f.level[1]).toBeGreaterThan(0);
    for (const d of f.dots.values()) expect(f.visible(d)).toBe(true);
    f.apply(cols([[0, 1]]), none, 10, 0);
    expect(f.level[1]).toBe(0);
  });

  it('counts, and does not draw, cases beyond the smallest pitch', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    const cap = capacity(boxes[1]!, PITCHES[PITCHES.length - 1]!);
    f.apply(cols(Array.from({ length: cap + 5 }, (_, i) => [i, 1] as [number, number])), none, 0, 0);
    expect(f.hidden(1)).toBe(5);
    expect([...f.dots.values()].filter((d) => !f.visible(d))).toHaveLength(5);
  });

  it('closed cases glide into the closure area and fade out', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    f.apply(cols([[1, 1]]), none, 0, 0);
    f.apply(none, cols([[1, 1]]), 100, 200);
    expect(f.dots.size).toBe(0);
    const d = f.fading[0]!;
    expect(f.alpha(d, 300)).toBe(1);
    expect(f.alpha(d, 300 + FADE_MS / 2)).toBeCloseTo(0.5);
    const [x, y] = f.at(d, 300);
    expect(x).toBeGreaterThanOrEqual(boxes[CLOSED]!.x);
    expect(y).toBeLessThanOrEqual(60);
    f.apply(none, none, 300 + FADE_MS + 1, 0);
    expect(f.fading).toHaveLength(0);
  });

  it('finds the dot under the pointer, and the case longest in a state', () => {
    const f = new DotField(boxes, boxes, ENTRY, CLOSED);
    f.apply(
      cols([
        [1, 1],
        [2, 1],
      ]),
      none,
      0,
      0,
    );
    const [x, y] = f.at(f.dots.get(2)!, 0);
    expect(f.hit(x + 1, y, 0, 5)?.id).toBe(2);
    expect(f.hit(x + 50, y + 50, 0, 5)).toBeNull();
    expect(f.firstIn(1)?.id).toBe(1);
    expect(f.firstIn(2)).toBeNull();
  });
});
