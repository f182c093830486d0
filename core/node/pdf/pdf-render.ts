/**
 * Draws laid-out pages with pdf-lib.
 *
 * Text is written with low-level operators: one BT…ET per line, one TJ per run of same-style fragments, with
 * numeric adjustments for the justification gaps (Tw does not apply to Identity-H fonts). Real U+0020 glyphs are
 * kept between words so that text extractors read the spaces.
 *
 * Encoding: pdf-lib's encodeText() shapes the text with fontkit on every call, which is slow for hundreds of
 * words. Instead every distinct character of the document is encoded once per font (one encodeText() call, with
 * ligatures disabled so that glyphs map 1:1 to characters) and strings are encoded from that table.
 */
import { pdfLib } from './cjs-libraries.js';
import type { PDFDocument, PDFFont, PDFHexString as PdfHexString, PDFName, PDFOperator as PdfOperator, PDFPage } from 'pdf-lib';
import { drawnCodePoint } from './font-metrics.js';
import type { FontStyle } from './text-layout.js';
import type { DrawOp, TextOp } from './page-layout.js';

const {
  beginText,
  endText,
  fill,
  lineTo,
  moveTo,
  PDFArray,
  PDFHexString,
  PDFNumber,
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
  stroke,
} = pdfLib;

/**
 * Font features for embedding: no ligatures, so that one character is one glyph; and no positioning (kerning, mark
 * placement): encodeText() keeps only the glyphs of fontkit's layout, never their positions, and skipping GPOS spares
 * reading its tables (about 30 ms per face at each start of the command line).
 */
export const EMBED_FEATURES = { liga: false, clig: false, dlig: false, calt: false, rlig: false, kern: false, mark: false, mkmk: false };

export interface RenderablePage {
  ops: readonly DrawOp[];
}

/** The distinct drawn code points per style used by the pages. */
export function charactersByStyle(pages: readonly RenderablePage[]): Map<FontStyle, Set<number>> {
  const out = new Map<FontStyle, Set<number>>();
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.kind !== 'text') continue;
      for (const f of op.fragments) {
        let set = out.get(f.style);
        if (!set) out.set(f.style, (set = new Set()));
        for (const ch of f.text) set.add(drawnCodePoint(ch.codePointAt(0) ?? 0x3f));
      }
    }
  }
  return out;
}

/** Per-font table code point → 4-hex-digit glyph code in the embedded subset. */
export class GlyphEncoder {
  private readonly codes = new Map<number, string>();

  constructor(private readonly font: PDFFont, codePoints: Iterable<number>) {
    const cps = [...codePoints].sort((a, b) => a - b);
    const batch = font.encodeText(String.fromCodePoint(...cps)).asString();
    if (batch.length === cps.length * 4) {
      cps.forEach((cp, i) => this.codes.set(cp, batch.slice(i * 4, i * 4 + 4)));
    } else {
      for (const cp of cps) this.codeFor(cp);
    }
  }

  private codeFor(cp: number): string {
    let code = this.codes.get(cp);
    if (code === undefined) {
      const hex = this.font.encodeText(String.fromCodePoint(cp)).asString();
      code = hex.slice(0, 4) || '0000';
      this.codes.set(cp, code);
    }
    return code;
  }

  encode(text: string): PdfHexString {
    let hex = '';
    for (const ch of text) hex += this.codeFor(drawnCodePoint(ch.codePointAt(0) ?? 0x3f));
    return PDFHexString.of(hex);
  }
}

export interface RenderContext {
  doc: PDFDocument;
  pageHeight: number;
  fonts: Partial<Record<FontStyle, PDFFont>>;
  encoders: Partial<Record<FontStyle, GlyphEncoder>>;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function renderPage(page: PDFPage, ops: readonly DrawOp[], ctx: RenderContext): void {
  const keys = new Map<FontStyle, PDFName>();
  const keyFor = (style: FontStyle): PDFName => {
    let key = keys.get(style);
    if (!key) {
      const font = ctx.fonts[style];
      if (!font) throw new Error(`Font style ${style} was not embedded`);
      key = page.node.newFontDictionary(font.name, font.ref);
      keys.set(style, key);
    }
    return key;
  };
  const out: PdfOperator[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'text':
        drawText(op, ctx, keyFor, out);
        break;
      case 'line':
        out.push(
          pushGraphicsState(),
          setLineWidth(op.width),
          setStrokingGrayscaleColor(op.gray),
          moveTo(round(op.x1), round(ctx.pageHeight - op.y1)),
          lineTo(round(op.x2), round(ctx.pageHeight - op.y2)),
          stroke(),
          popGraphicsState(),
        );
        break;
      case 'rect':
        out.push(
          pushGraphicsState(),
          setFillingGrayscaleColor(op.fillGray),
          rectangle(round(op.x), round(ctx.pageHeight - op.y - op.height), round(op.width), round(op.height)),
          fill(),
          popGraphicsState(),
        );
        break;
    }
  }
  page.pushOperators(...out);
}

function drawText(op: TextOp, ctx: RenderContext, keyFor: (s: FontStyle) => PDFName, out: PdfOperator[]): void {
  if (op.fragments.length === 0) return;
  const y = round(ctx.pageHeight - op.y);
  out.push(beginText(), setFillingGrayscaleColor(op.gray));
  let i = 0;
  while (i < op.fragments.length) {
    const first = op.fragments[i];
    if (!first) break;
    const encoder = ctx.encoders[first.style];
    if (!encoder) throw new Error(`Font style ${first.style} was not encoded`);
    out.push(setFontAndSize(keyFor(first.style), op.size), setTextMatrix(1, 0, 0, 1, round(op.x + first.x), y));
    const array = PDFArray.withContext(ctx.doc.context);
    let j = i;
    for (; j < op.fragments.length; j++) {
      const f = op.fragments[j];
      if (!f || f.style !== first.style) break;
      if (j > i) {
        const prev = op.fragments[j - 1];
        const gap = prev ? f.x - (prev.x + prev.width) : 0;
        // TJ numbers are in thousandths of the font size, positive = move left.
        const adjust = round((-gap * 1000) / op.size);
        if (adjust !== 0) array.push(PDFNumber.of(adjust));
      }
      array.push(encoder.encode(f.text));
    }
    out.push(PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [array]));
    i = j;
  }
  out.push(endText());
}
