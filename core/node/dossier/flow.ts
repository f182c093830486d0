/**
 * A simple flow of lines for the pages the dossier writes itself (texts, e-mails, placeholder and attachment
 * pages): paragraphs broken into lines, then paginated by the letters' paginator between the stamp zone and the
 * dossier page number. Reproduced text is verbatim: lines are kept, nothing is hyphenated or justified.
 */
import { LINE_SPACING } from '../../common/document/page-geometry.js';
import type { DrawOp, FlowBox } from '../pdf/page-layout.js';
import { paginate } from '../pdf/page-layout.js';
import type { StyledText } from '../pdf/text-layout.js';
import type { DossierText } from './canvas.js';
import { A4, EXHIBIT_PAGE } from './geometry.js';

export interface ParagraphOptions {
  size?: number;
  lineHeight?: number;
  /** Left edge, default the page margin. */
  x?: number;
  width?: number;
  spaceBefore?: number;
  gray?: number;
  /** Keep on the page of what follows (headings). */
  keepWithNext?: boolean;
}

export const BODY_SIZE = 9.5;

export class ExhibitFlow {
  readonly boxes: FlowBox[] = [];

  constructor(private readonly canvas: DossierText) {}

  paragraph(spans: readonly StyledText[], options: ParagraphOptions = {}): void {
    const size = options.size ?? BODY_SIZE;
    const lineHeight = options.lineHeight ?? size * LINE_SPACING;
    const x = options.x ?? EXHIBIT_PAGE.marginX;
    const width = options.width ?? A4.width - x - EXHIBIT_PAGE.marginX;
    const lines = this.canvas.lines(spans, width, size);
    const baseline = this.canvas.baseline(size, lineHeight);
    lines.forEach((line, i) => {
      const ops: DrawOp[] = line.fragments.length === 0
        ? []
        : [{ kind: 'text', x, y: baseline, size, fragments: line.fragments, gray: options.gray ?? 0, role: 'body' }];
      this.boxes.push({
        height: lineHeight,
        ...(i === 0 && options.spaceBefore ? { spaceBefore: options.spaceBefore } : {}),
        ...(options.keepWithNext || (i < lines.length - 1 && lines.length <= 3) ? { keepWithNext: true } : {}),
        ops,
      });
    });
  }

  /** Plain text in `style`, cleaned for the font. */
  text(text: string, options: ParagraphOptions & { style?: StyledText['style'] } = {}): void {
    this.paragraph([this.canvas.span(text, options.style ?? 'regular')], options);
  }

  space(height: number): void {
    this.boxes.push({ height, ops: [] });
  }

  rule(spaceBefore = 3): void {
    const x1 = EXHIBIT_PAGE.marginX;
    const x2 = A4.width - EXHIBIT_PAGE.marginX;
    this.boxes.push({ height: 6, spaceBefore, ops: [{ kind: 'line', x1, y1: 3, x2, y2: 3, width: 0.4, gray: 0.6 }] });
  }

  /** Pages of drawing operations, y from the top of an A4 page. */
  pages(): DrawOp[][] {
    const frame = { top: EXHIBIT_PAGE.top, bottom: EXHIBIT_PAGE.bottom };
    return paginate(this.boxes, { firstPage: frame, otherPages: frame }).map((p) => p.ops);
  }
}
