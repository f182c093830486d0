/**
 * Drawing the dossier's own text (captions, stamps, placeholder and text pages) with the letter's font,
 * DejaVu Serif, embedded as subsets: the standard-14 fonts cannot encode U+202F, which French typography needs.
 * Text goes through the same sanitiser, line breaker and renderer as the letters.
 */
import {
  beginText,
  concatTransformationMatrix,
  endText,
  PDFArray,
  PDFHexString,
  PDFOperator,
  PDFOperatorNames,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFontAndSize,
  setLineWidth,
  setStrokingGrayscaleColor,
  setTextMatrix,
} from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { loadLetterFonts, type FontSet } from '../fonts.js';
import { drawnCodePoint, fontMetricsFor, TextMeasurer } from '../pdf/font-metrics.js';
import { cachingFontkit } from '../pdf/parsed-fonts.js';
import type { FontMetricsSet } from '../pdf/font-metrics.js';
import { sanitiseText } from '../pdf/glyph-sanitiser.js';
import { EMBED_FEATURES, GlyphEncoder, renderPage } from '../pdf/pdf-render.js';
import type { DrawOp } from '../pdf/page-layout.js';
import { layoutParagraph } from '../pdf/text-layout.js';
import type { FontStyle, StyledText, TextAlign, TextLine } from '../pdf/text-layout.js';
import { displayFrame } from './page-frame.js';

const STYLES: FontStyle[] = ['regular', 'bold', 'italic'];

export interface LabelOptions {
  /** Display coordinates (as the page is seen, rotation applied), points from the bottom-left corner. */
  x: number;
  y: number;
  size: number;
  style?: FontStyle;
  gray?: number;
  /** x is the right edge of the text instead of its left edge. */
  alignRight?: boolean;
  /** White box with a thin border behind the text, so that it reads on any page. */
  boxed?: boolean;
}

/** Measuring and line breaking with the dossier's font; no PDF needed, so page counts are known beforehand. */
export class DossierText {
  readonly measurer: TextMeasurer;

  constructor(readonly metrics: FontMetricsSet = fontMetricsFor(loadLetterFonts())) {
    this.measurer = new TextMeasurer(metrics);
  }

  /** The text as the font can draw it (NFC, no control characters, '?' for missing glyphs such as emoji). */
  clean(text: string, style: FontStyle = 'regular'): string {
    return sanitiseText(text, (cp) => this.metrics[style].hasGlyph(drawnCodePoint(cp)));
  }

  span(text: string, style: FontStyle = 'regular'): StyledText {
    return { text: this.clean(text, style), style };
  }

  width(text: string, style: FontStyle, size: number): number {
    return this.measurer.width(text, style, size);
  }

  /** Line-breaks spans (already cleaned) to a width; verbatim: no hyphen is ever added. */
  lines(spans: readonly StyledText[], width: number, size: number, align: TextAlign = 'left'): TextLine[] {
    return layoutParagraph(spans, { width, measure: this.measurer.at(size), align });
  }

  /** Baseline offset from the top of a line box. */
  baseline(size: number, lineHeight: number): number {
    const { ascent, descent } = this.metrics.regular;
    return (lineHeight - (ascent - descent) * size) / 2 + ascent * size;
  }
}

/** Drawing on the dossier's pages, with DejaVu Serif embedded once as subsets. */
export class DossierCanvas {
  private readonly fonts: Partial<Record<FontStyle, PDFFont>> = {};
  private readonly encoders: Partial<Record<FontStyle, GlyphEncoder>> = {};
  private readonly keys = new WeakMap<PDFPage, Map<FontStyle, PDFName>>();

  private constructor(readonly doc: PDFDocument, readonly text: DossierText) {}

  static async create(doc: PDFDocument, text: DossierText = new DossierText(), fontSet: FontSet = loadLetterFonts()): Promise<DossierCanvas> {
    doc.registerFontkit(cachingFontkit);
    const canvas = new DossierCanvas(doc, text);
    for (const style of STYLES) {
      const font = await doc.embedFont(fontSet[style], { subset: true, features: { ...EMBED_FEATURES } });
      canvas.fonts[style] = font;
      canvas.encoders[style] = new GlyphEncoder(font, []);
    }
    return canvas;
  }

  /** Draws laid-out operations (y from the top) on an unrotated page. */
  draw(page: PDFPage, ops: readonly DrawOp[]): void {
    renderPage(page, ops, { doc: this.doc, pageHeight: page.getHeight(), fonts: this.fonts, encoders: this.encoders });
  }

  private fontKey(page: PDFPage, style: FontStyle): PDFName {
    let keys = this.keys.get(page);
    if (!keys) this.keys.set(page, (keys = new Map()));
    let key = keys.get(style);
    if (!key) {
      const font = this.fonts[style];
      if (!font) throw new Error(`font ${style} not embedded`);
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(style, key);
    }
    return key;
  }

  /**
   * A one-line label placed in display coordinates, whatever the page's /Rotate and crop box: drawn through the
   * page's display frame so that it reads upright where the reader sees it.
   */
  label(page: PDFPage, content: string, options: LabelOptions): { width: number; height: number } {
    const style = options.style ?? 'regular';
    const clean = this.text.clean(content, style);
    const size = options.size;
    const width = this.text.width(clean, style, size);
    const x = options.alignRight ? options.x - width : options.x;
    const pad = size * 0.35;
    const ops: PDFOperator[] = [pushGraphicsState(), concatTransformationMatrix(...displayFrame(page))];
    if (options.boxed) {
      ops.push(
        setFillingGrayscaleColor(1),
        setStrokingGrayscaleColor(0.35),
        setLineWidth(0.5),
        rectangle(x - pad, options.y - pad - size * 0.25, width + 2 * pad, size * 1.2 + 2 * pad),
        PDFOperator.of(PDFOperatorNames.FillNonZeroAndStroke),
      );
    }
    const encoder = this.encoders[style];
    if (!encoder) throw new Error(`font ${style} not encoded`);
    const array = PDFArray.withContext(this.doc.context);
    array.push(PDFHexString.of(encoder.hex(clean).slice(1, -1)));
    ops.push(
      beginText(),
      setFillingGrayscaleColor(options.gray ?? 0),
      setFontAndSize(this.fontKey(page, style), size),
      setTextMatrix(1, 0, 0, 1, x, options.y),
      PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]),
      endText(),
      popGraphicsState(),
    );
    page.pushOperators(...ops);
    return { width: width + 2 * pad, height: size * 1.2 + 2 * pad };
  }
}
