/**
 * Draws laid-out operations on a page of a pdf-lib document (the dossier's canvas), with the content of
 * content-stream.ts and fonts embedded by pdf-lib.
 *
 * Encoding: pdf-lib's encodeText() shapes the text with fontkit on every call, which is slow for hundreds of
 * words. Instead every distinct character is encoded once per font (one encodeText() call, with ligatures
 * disabled so that glyphs map 1:1 to characters) and strings are encoded from that table.
 */
import { pdfLib } from './cjs-libraries.js';
import type { PDFDocument, PDFFont, PDFName, PDFOperatorNames as PdfOperatorNames, PDFPage } from 'pdf-lib';
import { pageContent, type ContentFont } from './content-stream.js';
import { drawnCodePoint } from './font-metrics.js';
import type { FontStyle } from './text-layout.js';
import type { DrawOp } from './page-layout.js';

/**
 * Font features for embedding: no ligatures, so that one character is one glyph; and no positioning (kerning, mark
 * placement): encodeText() keeps only the glyphs of fontkit's layout, never their positions, and skipping GPOS spares
 * reading its tables (about 30 ms per face).
 */
export const EMBED_FEATURES = { liga: false, clig: false, dlig: false, calt: false, rlig: false, kern: false, mark: false, mkmk: false };

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

  /** The text as a hexadecimal string (`<…>`) of glyph codes. */
  hex(text: string): string {
    let hex = '<';
    for (const ch of text) hex += this.codeFor(drawnCodePoint(ch.codePointAt(0) ?? 0x3f));
    return `${hex}>`;
  }
}

export interface RenderContext {
  doc: PDFDocument;
  pageHeight: number;
  fonts: Partial<Record<FontStyle, PDFFont>>;
  encoders: Partial<Record<FontStyle, GlyphEncoder>>;
}

export function renderPage(page: PDFPage, ops: readonly DrawOp[], ctx: RenderContext): void {
  const fonts = new Map<FontStyle, ContentFont>();
  const fontFor = (style: FontStyle): ContentFont => {
    let font = fonts.get(style);
    if (!font) {
      const embedded = ctx.fonts[style];
      const encoder = ctx.encoders[style];
      if (!embedded || !encoder) throw new Error(`Font style ${style} was not embedded`);
      const key: PDFName = page.node.newFontDictionary(embedded.name, embedded.ref);
      font = { resource: key.asString().slice(1), hex: (text) => encoder.hex(text) };
      fonts.set(style, font);
    }
    return font;
  };
  const content = pageContent(ops, ctx.pageHeight, fontFor);
  // pdf-lib writes an operator as its operands then its name: one with no operands and the content as its name
  // puts the content, as is, in the page's stream, in order with what pdf-lib draws there.
  if (content !== '') page.pushOperators(pdfLib.PDFOperator.of(content as PdfOperatorNames));
}
