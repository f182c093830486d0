/** Pagination rules on synthetic boxes: 10-unit lines on pages whose flow is 100 units tall. */
import { describe, expect, it } from 'vitest';
import { paginate } from '../../core/node/pdf/page-layout.js';
import type { DrawOp, FlowBox, PlacedPage } from '../../core/node/pdf/page-layout.js';

const frame = { top: 0, bottom: 100 };
const options = { firstPage: frame, otherPages: frame };

function box(name: string, height = 10, extra: Partial<FlowBox> = {}): FlowBox {
  return { height, ops: [{ kind: 'rect', x: 0, y: 0, width: 1, height, fillGray: 0, name } as DrawOp], ...extra };
}
/** [name, top, bottom] of each box, per page. */
function placed(pages: PlacedPage[]): [string, number, number][][] {
  return pages.map((p) =>
    p.ops.map((op) => {
      const r = op as DrawOp & { name: string; kind: 'rect' };
      return [r.name, r.y, r.y + r.height];
    }),
  );
}
const names = (pages: PlacedPage[]) => placed(pages).map((p) => p.map(([n]) => n));

describe('paginate', () => {
  it('fills pages and never places a box below the bottom', () => {
    const boxes = Array.from({ length: 25 }, (_, i) => box(`l${i}`));
    const pages = paginate(boxes, options);
    expect(pages.length).toBe(3);
    expect(names(pages).flat()).toEqual(boxes.map((_, i) => `l${i}`));
    for (const page of placed(pages)) for (const [, , bottom] of page) expect(bottom).toBeLessThanOrEqual(100);
  });

  it('moves a keep-with-next chain to the next page as a whole', () => {
    const boxes = [...Array.from({ length: 8 }, (_, i) => box(`a${i}`)), box('h', 10, { keepWithNext: true }), box('b0', 10, { keepWithNext: true }), box('b1')];
    expect(names(paginate(boxes, options))).toEqual([
      ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'],
      ['h', 'b0', 'b1'],
    ]);
  });

  it('breaks a chain taller than a page where it overflows', () => {
    const boxes = Array.from({ length: 15 }, (_, i) => box(`k${i}`, 10, { keepWithNext: i < 14 }));
    const pages = paginate([box('x'), ...boxes], options);
    expect(names(pages).map((p) => p.length)).toEqual([10, 6]);
  });

  it('drops the space before a box at the top of a page', () => {
    const boxes = [...Array.from({ length: 10 }, (_, i) => box(`a${i}`)), box('b', 10, { spaceBefore: 6 })];
    const pages = placed(paginate(boxes, options));
    expect(pages[1]?.[0]).toEqual(['b', 0, 10]);
  });

  it('repeats a table header on the next page and splits a row taller than a page', () => {
    const header = box('header', 10);
    const tallRow = (lines: number): FlowBox => ({
      ...box(`row${lines}`, lines * 10),
      continuationHeader: header,
      split: (h) => {
        const fit = Math.floor(h / 10);
        if (fit < 1 || fit >= lines) return null;
        return [{ ...box(`part${fit}`, fit * 10), continuationHeader: header }, tallRow(lines - fit)];
      },
    });
    const boxes = [box('intro'), { ...header, keepWithNext: true }, { ...box('r1'), continuationHeader: header }, tallRow(25)];
    const pages = paginate(boxes, options);
    const n = names(pages);
    expect(n[0]).toEqual(['intro', 'header', 'r1', 'part7']);
    expect(n[1]).toEqual(['header', 'part9']);
    expect(n[2]).toEqual(['header', 'row9']);
    for (const page of placed(pages)) for (const [, , bottom] of page) expect(bottom).toBeLessThanOrEqual(100);
  });
});
