/**
 * The PDF writer for letters: LetterDocument → PDF bytes (A4, DejaVu Serif embedded as subsets).
 * Layout first (letter-layout.ts, which knows the page count for the « k / n » footers), then drawing.
 */
import type { PDFFont } from 'pdf-lib';
import { pdfLib } from './cjs-libraries.js';
import type { LetterDocument } from '../../common/document/model.js';
import { loadLetterFonts } from '../fonts.js';
import type { FontSet } from '../fonts.js';
import { fontMetricsFor } from './font-metrics.js';
import { cachingFontkit, parseFont } from './parsed-fonts.js';
import { layoutLetter } from './letter-layout.js';
import type { LetterLayout } from './letter-layout.js';
import { charactersByStyle, EMBED_FEATURES, GlyphEncoder, renderPage } from './pdf-render.js';
import type { RenderContext } from './pdf-render.js';
import type { FontStyle } from './text-layout.js';

export interface WriteLetterPdfOptions {
  /** The four TTF styles; DejaVu Serif from loadLetterFonts() by default. */
  fonts?: FontSet;
}

/** Lays out a letter with the given (or default) fonts, without drawing it: what the PDF will contain. */
export function layoutLetterPdf(doc: LetterDocument, options: WriteLetterPdfOptions = {}): LetterLayout {
  return layoutLetter(doc, fontMetricsFor(options.fonts ?? loadLetterFonts()));
}

/** Reads the fonts and parses the two faces every letter uses, ahead of the first letter (the PDF thread). */
export function warmUpLetterPdf(): void {
  const fonts = loadLetterFonts();
  parseFont(fonts.regular);
  parseFont(fonts.bold);
}

export async function writeLetterPdf(doc: LetterDocument, options: WriteLetterPdfOptions = {}): Promise<Uint8Array> {
  const fontSet = options.fonts ?? loadLetterFonts();
  const layout = layoutLetter(doc, fontMetricsFor(fontSet));

  const pdf = await pdfLib.PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);

  // Embed only the styles the letter uses, as subsets.
  const chars = charactersByStyle(layout.pages);
  const fonts: Partial<Record<FontStyle, PDFFont>> = {};
  const encoders: Partial<Record<FontStyle, GlyphEncoder>> = {};
  for (const [style, codePoints] of chars) {
    const font = await pdf.embedFont(fontSet[style], { subset: true, features: { ...EMBED_FEATURES } });
    fonts[style] = font;
    encoders[style] = new GlyphEncoder(font, codePoints);
  }

  const ctx: RenderContext = { doc: pdf, pageHeight: layout.pageHeight, fonts, encoders };
  for (const page of layout.pages) {
    renderPage(pdf.addPage([layout.pageWidth, layout.pageHeight]), page.ops, ctx);
  }

  pdf.setTitle(doc.meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(doc.meta.author);
  pdf.setSubject(doc.subject);
  pdf.setLanguage(doc.meta.language || 'fr-FR');
  pdf.setCreator('Recours');
  pdf.setProducer('Recours');
  pdf.setKeywords([doc.meta.kindLabel]);

  return pdf.save({ objectsPerTick: Number.POSITIVE_INFINITY });
}
