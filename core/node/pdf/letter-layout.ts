/**
 * Layout of a French letter on A4 pages, pure apart from the font metrics it is given:
 * LetterDocument → pages of positioned drawing operations (y from the top, in points).
 *
 * Page 1: sender block top left; recipient block in the window of a DL window envelope (110 mm from the left
 * edge, 55 mm from the top); then the flow: place and date right-aligned, sending mode (bold), « Objet : » with
 * the references, then the subject in a hanging indent, salutation, body, closing + signature (right
 * column, kept together with the two lines before), « Pièces jointes : ».
 * Pages 2+: a small running header (sender, subject). Every page: « k / n » centred in the footer zone.
 */
import type { Block, LetterDocument, ListBlock, Run, TableBlock } from '../../common/document/model.js';
import {
  BODY_BOTTOM,
  LETTER_GEOMETRY,
  LETTER_GRAY,
  LETTER_LABELS,
  LETTER_SPACING,
  LETTER_TABLE,
  LETTER_TYPE,
  PT_PER_MM,
  TEXT_WIDTH,
  firstPageFlowTop,
  pageNumberText,
  runningHeaderText,
} from '../../common/document/page-geometry.js';
import { drawnCodePoint, styleOf, TextMeasurer } from './font-metrics.js';
import type { FontMetricsSet } from './font-metrics.js';
import { sanitiseText } from './glyph-sanitiser.js';
import type { HasGlyph } from './glyph-sanitiser.js';
import { frenchHyphenationPoints } from './hyphenation.js';
import { paginate } from './page-layout.js';
import type { DrawOp, FlowBox, TextOp, TextRole } from './page-layout.js';
import { layoutParagraph } from './text-layout.js';
import type { FontStyle, LineFragment, StyledText, TextAlign, TextLine } from './text-layout.js';

/** Millimetres to points; the letter's page is declared once, in core/common/document/page-geometry.ts. */
export const MM = PT_PER_MM;
export { LETTER_GEOMETRY, LETTER_TYPE };

const G = LETTER_GEOMETRY;
const T = LETTER_TYPE;
const S = LETTER_SPACING;

export interface LaidOutPage {
  ops: DrawOp[];
}

export interface LetterLayout {
  pageWidth: number;
  pageHeight: number;
  /** Lowest y allowed for body text (y from the top). */
  bodyBottom: number;
  pages: LaidOutPage[];
}

class LetterLayoutBuilder {
  private readonly measurer: TextMeasurer;
  private readonly hasGlyph: Record<FontStyle, HasGlyph>;
  private readonly ascent: number;
  private readonly descent: number;
  private paragraphCounter = 0;

  constructor(private readonly metrics: FontMetricsSet) {
    this.measurer = new TextMeasurer(metrics);
    const has = (style: FontStyle): HasGlyph => (cp) => metrics[style].hasGlyph(drawnCodePoint(cp));
    this.hasGlyph = { regular: has('regular'), bold: has('bold'), italic: has('italic'), boldItalic: has('boldItalic') };
    this.ascent = metrics.regular.ascent;
    this.descent = metrics.regular.descent;
  }

  // ---- text helpers -------------------------------------------------------------------------------------------

  clean(text: string, style: FontStyle): string {
    return sanitiseText(text, this.hasGlyph[style]);
  }

  span(text: string, style: FontStyle = 'regular'): StyledText {
    return { text: this.clean(text, style), style };
  }

  spans(runs: readonly Run[], force?: { bold?: boolean }): StyledText[] {
    return runs.map((run) => {
      const style = styleOf(force?.bold || run.bold, run.italic);
      return { text: this.clean(run.text, style), style };
    });
  }

  width(text: string, style: FontStyle, size: number): number {
    return this.measurer.width(text, style, size);
  }

  lines(
    spans: readonly StyledText[],
    width: number,
    opts: { size?: number; align?: TextAlign; hyphenate?: boolean } = {},
  ): TextLine[] {
    return layoutParagraph(spans, {
      width,
      measure: this.measurer.at(opts.size ?? T.bodySize),
      align: opts.align ?? 'left',
      ...(opts.hyphenate ? { hyphenate: frenchHyphenationPoints } : {}),
    });
  }

  /** Baseline offset from the top of a line box. */
  baseline(size: number, lineHeight: number): number {
    return (lineHeight - (this.ascent - this.descent) * size) / 2 + this.ascent * size;
  }

  textOp(line: TextLine | LineFragment[], x: number, top: number, size: number, lineHeight: number, role: TextRole = 'body', gray = 0): TextOp {
    const fragments = Array.isArray(line) ? line : line.fragments;
    return { kind: 'text', x, y: top + this.baseline(size, lineHeight), size, fragments, gray, role };
  }

  /**
   * One box per line. Widow/orphan control: the first two and the last two lines of a paragraph stay together
   * (a paragraph of 2 or 3 lines is never split). `keepAll` chains every line to the next box (headings, closing).
   */
  lineBoxes(
    lines: readonly TextLine[],
    x: number,
    opts: { size?: number; lineHeight?: number; spaceBefore?: number; keepAll?: boolean; prefix?: LineFragment[] } = {},
  ): FlowBox[] {
    const size = opts.size ?? T.bodySize;
    const lineHeight = opts.lineHeight ?? T.lineHeight;
    const id = `p${++this.paragraphCounter}`;
    const n = lines.length;
    return lines.map((line, i) => {
      const fragments = i === 0 && opts.prefix ? [...opts.prefix, ...line.fragments] : line.fragments;
      const op = this.textOp(fragments, x, 0, size, lineHeight);
      op.paragraph = { id, line: i, lines: n, hyphenated: line.hyphenated };
      // A word hyphenated or broken at a line end is never split across two pages.
      const keep =
        opts.keepAll === true || (i === 0 && n >= 2) || (i === n - 2 && n >= 2) || line.hyphenated || line.brokenToken;
      return {
        height: lineHeight,
        ...(i === 0 && opts.spaceBefore ? { spaceBefore: opts.spaceBefore } : {}),
        ...(keep ? { keepWithNext: true } : {}),
        ops: [op],
      };
    });
  }

  /** Lines stacked at a fixed position (page 1 header blocks). Returns the ops and the bottom y. */
  fixedBlock(lines: readonly TextLine[], x: number, top: number): { ops: DrawOp[]; bottom: number } {
    const ops: DrawOp[] = [];
    let y = top;
    for (const line of lines) {
      ops.push(this.textOp(line, x, y, T.bodySize, T.lineHeight, 'header'));
      y += T.lineHeight;
    }
    return { ops, bottom: y };
  }

  blockLines(texts: readonly string[], width: number, styleOfLine: (i: number) => FontStyle, align: TextAlign = 'left'): TextLine[] {
    return texts.flatMap((t, i) => {
      const style = styleOfLine(i);
      return this.lines([this.span(t, style)], width, { align });
    });
  }

  truncate(text: string, style: FontStyle, size: number, maxWidth: number): string {
    return this.measurer.truncate(text, style, size, maxWidth, this.clean('\u2026', style));
  }

  // ---- blocks -------------------------------------------------------------------------------------------------

  paragraph(runs: readonly Run[], align: TextAlign, spaceBefore: number, hyphenate = true): FlowBox[] {
    const lines = this.lines(this.spans(runs), TEXT_WIDTH, { align, hyphenate });
    return this.lineBoxes(lines, G.marginLeft, { spaceBefore });
  }

  heading(runs: readonly Run[], spaceBefore: number): FlowBox[] {
    const lines = this.lines(this.spans(runs, { bold: true }), TEXT_WIDTH, { size: T.headingSize });
    return this.lineBoxes(lines, G.marginLeft, { size: T.headingSize, lineHeight: T.headingLineHeight, spaceBefore, keepAll: true });
  }

  list(items: readonly (readonly StyledText[])[], ordered: boolean, spaceBefore: number, opts: { justify?: boolean } = {}): FlowBox[] {
    const markers = items.map((_, i) => this.clean(ordered ? `${i + 1}.` : LETTER_LABELS.bullet, 'regular'));
    const markerLeft = G.listMarkerLeft;
    const markerWidth = Math.max(0, ...markers.map((m) => this.width(m, 'regular', T.bodySize)));
    const indent = Math.max(G.listIndent, markerLeft + markerWidth + G.listMarkerGap);
    const textX = G.marginLeft + indent;
    const boxes: FlowBox[] = [];
    items.forEach((item, i) => {
      const lines = this.lines(item, TEXT_WIDTH - indent, { align: opts.justify === false ? 'left' : 'justify', hyphenate: true });
      const marker = markers[i] ?? '';
      const markerW = this.width(marker, 'regular', T.bodySize);
      // Numbers are right-aligned on their dot; the dash sits at the marker position.
      const markerX = ordered ? markerLeft + markerWidth - markerW - indent : markerLeft - indent;
      const prefix: LineFragment[] = [{ text: marker, style: 'regular', x: markerX, width: markerW }];
      boxes.push(...this.lineBoxes(lines, textX, { spaceBefore: i === 0 ? spaceBefore : S.listItem, prefix }));
    });
    return boxes;
  }

  table(block: TableBlock, spaceBefore: number): FlowBox[] {
    const columnCount = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
    const raw = block.widths && block.widths.length === columnCount && block.widths.every((w) => w > 0)
      ? block.widths
      : Array.from({ length: columnCount }, () => 1);
    const total = raw.reduce((a, b) => a + b, 0);
    const widths = raw.map((w) => (w / total) * TEXT_WIDTH);
    const pad = { x: LETTER_TABLE.padX, y: LETTER_TABLE.padY };
    const lh = T.tableLineHeight;
    const size = T.tableSize;

    const layoutRow = (cells: readonly Run[][], header: boolean): TextLine[][] =>
      widths.map((w, c) =>
        this.lines(this.spans(cells[c] ?? [], header ? { bold: true } : undefined), w - 2 * pad.x, { size, hyphenate: true }),
      );

    const rowBox = (cellLines: TextLine[][], header: boolean): FlowBox => {
      const lineCount = Math.max(1, ...cellLines.map((l) => l.length));
      const height = lineCount * lh + 2 * pad.y;
      const ops: DrawOp[] = [];
      if (header) ops.push({ kind: 'rect', x: G.marginLeft, y: 0, width: TEXT_WIDTH, height, fillGray: LETTER_TABLE.headerFillGray });
      let x = G.marginLeft;
      widths.forEach((w, c) => {
        (cellLines[c] ?? []).forEach((line, k) => {
          if (line.fragments.length > 0) ops.push(this.textOp(line, x + pad.x, pad.y + k * lh, size, lh));
        });
        x += w;
      });
      const grid = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({ kind: 'line', x1, y1, x2, y2, width: LETTER_TABLE.ruleWidth, gray: LETTER_TABLE.ruleGray });
      const right = G.marginLeft + TEXT_WIDTH;
      ops.push(grid(G.marginLeft, 0, right, 0), grid(G.marginLeft, height, right, height));
      let gx = G.marginLeft;
      ops.push(grid(gx, 0, gx, height));
      for (const w of widths) {
        gx += w;
        ops.push(grid(gx, 0, gx, height));
      }
      const box: FlowBox = { height, ops };
      box.split = (available: number) => {
        const fit = Math.floor((available - 2 * pad.y) / lh + 1e-6);
        if (fit < 1 || fit >= lineCount) return null;
        const first = rowBox(cellLines.map((l) => l.slice(0, fit)), header);
        const rest = rowBox(cellLines.map((l) => l.slice(fit)), header);
        return [first, rest];
      };
      return box;
    };

    const boxes: FlowBox[] = [];
    let headerBox: FlowBox | undefined;
    if (block.header && block.header.length > 0) {
      headerBox = rowBox(layoutRow(block.header, true), true);
      boxes.push({ ...headerBox, spaceBefore, keepWithNext: true });
    }
    block.rows.forEach((row, r) => {
      const box = rowBox(layoutRow(row, false), false);
      const withHeader = (b: FlowBox): FlowBox => {
        const split = b.split;
        const out: FlowBox = { ...b, ...(headerBox ? { continuationHeader: headerBox } : {}) };
        if (split) out.split = (h) => {
          const parts = split(h);
          return parts ? [withHeader(parts[0]), withHeader(parts[1])] : null;
        };
        return out;
      };
      const decorated = withHeader(box);
      if (r === 0 && !headerBox) decorated.spaceBefore = spaceBefore;
      boxes.push(decorated);
    });
    return boxes;
  }

  body(blocks: readonly Block[]): FlowBox[] {
    const boxes: FlowBox[] = [];
    for (const block of blocks) {
      switch (block.type) {
        case 'paragraph':
          boxes.push(...this.paragraph(block.runs, block.align ?? 'justify', S.paragraph));
          break;
        case 'heading':
          boxes.push(...this.heading(block.runs, S.heading));
          break;
        case 'list':
          boxes.push(...this.listBlock(block));
          break;
        case 'table':
          boxes.push(...this.table(block, S.table));
          break;
      }
    }
    return boxes;
  }

  listBlock(block: ListBlock): FlowBox[] {
    return this.list(block.items.map((runs) => this.spans(runs)), block.ordered, S.list);
  }

  // ---- the letter ---------------------------------------------------------------------------------------------

  build(doc: LetterDocument): LetterLayout {
    const flow: FlowBox[] = [];

    // Page 1 header: sender (top left) and recipient (envelope window).
    const senderLines = this.blockLines(doc.sender, G.senderWidth, (i) => (i === 0 ? 'bold' : 'regular'));
    const recipientLines = this.blockLines(doc.recipient, G.recipientWidth, () => 'regular');
    const sender = this.fixedBlock(senderLines, G.marginLeft, G.marginTop);
    const recipient = this.fixedBlock(recipientLines, G.recipientLeft, G.recipientTop);
    const headerLimit = BODY_BOTTOM - 8 * T.lineHeight;
    const fixedOps: DrawOp[] = [];
    let flowTop: number;
    if (sender.bottom <= headerLimit && recipient.bottom <= headerLimit) {
      fixedOps.push(...sender.ops, ...recipient.ops);
      flowTop = firstPageFlowTop(sender.bottom, recipient.bottom);
    } else {
      // Absurdly long address blocks: let them flow (and paginate) instead of running off the page.
      flow.push(...this.lineBoxes(senderLines, G.marginLeft));
      flow.push(...this.lineBoxes(recipientLines, G.recipientLeft, { spaceBefore: S.afterSender }));
      flowTop = G.marginTop;
    }

    // Place and date, right-aligned.
    if (doc.placeDate.trim() !== '') {
      const lines = this.lines([this.span(doc.placeDate)], TEXT_WIDTH, { align: 'right' });
      flow.push(...this.lineBoxes(lines, G.marginLeft, { spaceBefore: flow.length > 0 ? S.afterSender : 0 }));
    }

    // Sending mode, bold.
    doc.sending.forEach((s, i) => {
      const lines = this.lines([this.span(s, 'bold')], TEXT_WIDTH);
      flow.push(...this.lineBoxes(lines, G.marginLeft, { spaceBefore: i === 0 ? S.sending : 0 }));
    });

    // References (order, amount, tracking…), each on its line, above the subject.
    doc.references.forEach(([refLabel, value], i) => {
      const lines = this.lines([this.span(`${refLabel}\u00a0: `), this.span(value)], TEXT_WIDTH);
      flow.push(...this.lineBoxes(lines, G.marginLeft, { keepAll: true, spaceBefore: i === 0 ? S.references : 0 }));
    });

    // « Objet : » + subject (hanging indent).
    const label = this.span(`${LETTER_LABELS.subject} `, 'bold');
    const labelWidth = Math.max(G.subjectIndent, this.width(label.text, 'bold', T.bodySize));
    const subjectLines = this.lines([this.span(doc.subject)], TEXT_WIDTH - labelWidth);
    const objet = this.lineBoxes(subjectLines, G.marginLeft + labelWidth, {
      spaceBefore: S.subject,
      keepAll: true,
      prefix: [{ text: label.text, style: 'bold', x: -labelWidth, width: labelWidth }],
    });
    flow.push(...objet);
    const lastHeaderBox = flow[flow.length - 1];
    if (lastHeaderBox) lastHeaderBox.keepWithNext = false;

    // Salutation, kept with the first lines of the body.
    if (doc.salutation.trim() !== '') {
      const lines = this.lines([this.span(doc.salutation)], TEXT_WIDTH);
      flow.push(...this.lineBoxes(lines, G.marginLeft, { spaceBefore: S.salutation, keepAll: true }));
    }

    flow.push(...this.body(doc.body));

    // Closing + signature: one chain, with the last two lines before them.
    const closingStart = flow.length;
    for (let k = Math.max(0, closingStart - 2); k < closingStart; k++) {
      const box = flow[k];
      if (box) box.keepWithNext = true;
    }
    if (doc.closing.trim() !== '') {
      // The closing formula is read as a whole: justified, never hyphenated.
      flow.push(...this.paragraph([{ text: doc.closing }], 'justify', S.closing, false));
    }
    const signatureLines = this.blockLines(doc.signature, G.pageWidth - G.marginRight - G.signatureLeft, () => 'regular');
    flow.push(...this.lineBoxes(signatureLines, G.signatureLeft, { spaceBefore: S.signature }));
    // Room for the handwritten signature.
    flow.push({ height: G.signatureSpace, ops: [] });
    for (let k = closingStart; k < flow.length - 1; k++) {
      const box = flow[k];
      if (box) box.keepWithNext = true;
    }

    // « Pièces jointes : »
    if (doc.enclosures.length > 0) {
      const title = this.lines([this.span(LETTER_LABELS.enclosures, 'bold')], TEXT_WIDTH);
      flow.push(...this.lineBoxes(title, G.marginLeft, { keepAll: true }));
      flow.push(...this.list(doc.enclosures.map((e) => [this.span(e)]), false, S.enclosureList, { justify: false }));
    }

    const pages = paginate(flow, {
      firstPage: { top: flowTop, bottom: BODY_BOTTOM },
      otherPages: { top: G.marginTop, bottom: BODY_BOTTOM },
    });
    const firstPage = pages[0];
    if (firstPage) firstPage.ops.unshift(...fixedOps);

    // Running header (pages 2+) and footer « k / n ».
    const total = pages.length;
    const runningText = runningHeaderText(doc.sender, doc.subject);
    pages.forEach((page, index) => {
      if (index > 0 && runningText !== '') {
        const text = this.truncate(this.clean(runningText, 'regular'), 'regular', T.smallSize, TEXT_WIDTH);
        const w = this.width(text, 'regular', T.smallSize);
        const ruleY = G.runningHeaderBaseline + G.runningHeaderRuleGap;
        // First in the content stream, so that extracted text reads in page order.
        page.ops.unshift({
          kind: 'text',
          x: G.marginLeft,
          y: G.runningHeaderBaseline,
          size: T.smallSize,
          fragments: [{ text, style: 'regular', x: 0, width: w }],
          gray: LETTER_GRAY.runningHeader,
          role: 'running-header',
        }, {
          kind: 'line', x1: G.marginLeft, y1: ruleY, x2: G.marginLeft + TEXT_WIDTH, y2: ruleY,
          width: LETTER_GRAY.runningHeaderRuleWidth, gray: LETTER_GRAY.runningHeaderRule,
        });
      }
      const footer = pageNumberText(index + 1, total);
      const clean = this.clean(footer, 'regular');
      const fw = this.width(clean, 'regular', T.footerSize);
      page.ops.push({
        kind: 'text',
        x: (G.pageWidth - fw) / 2,
        y: G.pageHeight - G.footerFromBottom,
        size: T.footerSize,
        fragments: [{ text: clean, style: 'regular', x: 0, width: fw }],
        gray: LETTER_GRAY.footer,
        role: 'footer',
      });
    });

    return { pageWidth: G.pageWidth, pageHeight: G.pageHeight, bodyBottom: BODY_BOTTOM, pages };
  }
}

/** Lays out a letter. Exposed for tests: every position the PDF writer will draw. */
export function layoutLetter(doc: LetterDocument, metrics: FontMetricsSet): LetterLayout {
  return new LetterLayoutBuilder(metrics).build(doc);
}
