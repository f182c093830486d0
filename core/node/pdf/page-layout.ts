/**
 * Pagination, pure: a flow of boxes (lines, table rows, spaces) → pages of positioned drawing operations.
 *
 * Coordinates are in points with y growing DOWN from the top edge of the page (the renderer flips them).
 *
 * Rules:
 * - a box is never placed below the frame's bottom; nothing is dropped;
 * - `keepWithNext` chains boxes that must share a page (headings, widow/orphan lines, closing + signature); a
 *   chain taller than a whole page is broken where it overflows;
 * - `spaceBefore` is dropped at the top of a page;
 * - a box with `continuationHeader` (a table row) starting a new page gets that header drawn first (repeated
 *   table header);
 * - a splittable box (table row) taller than a page is split across pages.
 */
import type { LineFragment } from './text-layout.js';

export type TextRole = 'body' | 'header' | 'running-header' | 'footer';

export interface TextOp {
  kind: 'text';
  /** Left edge of the line box; fragment x are relative to it. */
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  fragments: LineFragment[];
  /** Grey level, 0 = black. */
  gray: number;
  role: TextRole;
  /** Identifies the paragraph a line belongs to, for checks (widows/orphans). */
  paragraph?: { id: string; line: number; lines: number; hyphenated: boolean };
}

export interface LineOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  gray: number;
}

export interface RectOp {
  kind: 'rect';
  x: number;
  /** Top edge. */
  y: number;
  width: number;
  height: number;
  fillGray: number;
}

export type DrawOp = TextOp | LineOp | RectOp;

export interface FlowBox {
  height: number;
  /** Space above the box, dropped at the top of a page. */
  spaceBefore?: number;
  /** Must be on the same page as the next box. */
  keepWithNext?: boolean;
  /** Operations with y relative to the top of the box. */
  ops: DrawOp[];
  /** Drawn first when this box starts a page (repeated table header). */
  continuationHeader?: FlowBox;
  /** Splits the box so that the first part is at most `height` tall; null when nothing fits. */
  split?: (height: number) => [FlowBox, FlowBox] | null;
}

/** Vertical extent of the flow on a page. */
export interface PageFrame {
  top: number;
  bottom: number;
}

export interface PaginateOptions {
  firstPage: PageFrame;
  otherPages: PageFrame;
}

export interface PlacedPage {
  ops: DrawOp[];
}

const EPSILON = 1e-6;

export function translateOp(op: DrawOp, dx: number, dy: number): DrawOp {
  switch (op.kind) {
    case 'text':
      return { ...op, x: op.x + dx, y: op.y + dy };
    case 'line':
      return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'rect':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}

export function paginate(boxes: readonly FlowBox[], options: PaginateOptions): PlacedPage[] {
  const pages: PlacedPage[] = [];
  let frame = options.firstPage;
  let page: PlacedPage = { ops: [] };
  pages.push(page);
  let y = frame.top;
  /** Boxes placed on the current page, a repeated header not counted. */
  let placed = 0;

  const place = (box: FlowBox, spaceBefore: number) => {
    y += spaceBefore;
    for (const op of box.ops) page.ops.push(translateOp(op, 0, y));
    y += box.height;
  };
  const newPage = (next: FlowBox | undefined) => {
    frame = options.otherPages;
    page = { ops: [] };
    pages.push(page);
    y = frame.top;
    placed = 0;
    if (next?.continuationHeader) place(next.continuationHeader, 0);
  };
  const otherCapacity = options.otherPages.bottom - options.otherPages.top;

  let i = 0;
  /** Remainder of a split box, standing for boxes[i]. */
  let pending: FlowBox | undefined;
  const boxAt = (k: number): FlowBox | undefined => (k === i && pending ? pending : boxes[k]);

  /** Last index of a chain that cannot be kept together on any page: placed box by box, as it comes. */
  let brokenChainEnd = -1;

  while (i < boxes.length) {
    const first = boxAt(i);
    if (!first) break;
    const capacity = frame.bottom - y;
    const headerHeight = first.continuationHeader?.height ?? 0;
    if (i > brokenChainEnd) {
      // The keep-together chain starting at i.
      let j = i;
      let chainHeight = 0;
      for (let k = i; k < boxes.length; k++) {
        const b = boxAt(k);
        if (!b) break;
        chainHeight += (k === i && placed === 0 ? 0 : (b.spaceBefore ?? 0)) + b.height;
        j = k;
        if (!b.keepWithNext) break;
      }
      if (chainHeight <= capacity + EPSILON) {
        for (let k = i; k <= j; k++) {
          const b = boxAt(k);
          if (!b) continue;
          place(b, placed === 0 ? 0 : (b.spaceBefore ?? 0));
          placed++;
        }
        i = j + 1;
        pending = undefined;
        continue;
      }
      if (placed > 0 && chainHeight <= otherCapacity - headerHeight + EPSILON) {
        newPage(first);
        continue;
      }
      if (j > i) brokenChainEnd = j;
    }
    // Box by box from here.
    const spaceBefore = placed === 0 ? 0 : (first.spaceBefore ?? 0);
    if (spaceBefore + first.height <= capacity + EPSILON) {
      place(first, spaceBefore);
      placed++;
      i++;
      pending = undefined;
      continue;
    }
    if (first.split && (placed === 0 || first.height > otherCapacity - headerHeight)) {
      const parts = first.split(capacity - spaceBefore);
      if (parts) {
        place(parts[0], spaceBefore);
        placed++;
        pending = parts[1];
        newPage(parts[1]);
        continue;
      }
    }
    if (placed > 0) {
      newPage(first);
      continue;
    }
    // An unsplittable box taller than an empty page (cannot happen with lines and rows): place it anyway.
    place(first, 0);
    placed++;
    i++;
    pending = undefined;
  }
  return pages;
}
