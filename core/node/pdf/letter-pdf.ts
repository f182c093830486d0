/**
 * The PDF writer for letters: LetterDocument → PDF bytes (A4, DejaVu Serif embedded as subsets).
 * Layout first (letter-layout.ts, which knows the page count for the « k / n » footers), then the file: pages drawn
 * by content-stream.ts, fonts by pdf-font.ts, objects by pdf-objects.ts.
 *
 * Why not pdf-lib here (the dossier still merges with it): a letter draws text and rules only, and loading pdf-lib
 * and fontkit took a one-shot letter longer than writing it; this file is written in a few milliseconds.
 */
import type { LetterDocument } from '../../common/document/model.js';
import { loadLetterFonts } from '../fonts.js';
import type { FontSet } from '../fonts.js';
import { charactersByStyle, pageContent } from './content-stream.js';
import { fontMetricsFor } from './font-metrics.js';
import { layoutLetter } from './letter-layout.js';
import type { LetterLayout } from './letter-layout.js';
import { PdfFont } from './pdf-font.js';
import { latin1, name, PdfFile, PdfString } from './pdf-objects.js';
import type { PdfDict, PdfRef } from './pdf-objects.js';
import type { FontStyle } from './text-layout.js';

export interface WriteLetterPdfOptions {
  /** The four TTF styles; DejaVu Serif from loadLetterFonts() by default. */
  fonts?: FontSet;
  /** The creation date written in the metadata; now by default. */
  now?: Date;
}

/** Lays out a letter with the given (or default) fonts, without drawing it: what the PDF will contain. */
export function layoutLetterPdf(doc: LetterDocument, options: WriteLetterPdfOptions = {}): LetterLayout {
  return layoutLetter(doc, fontMetricsFor(options.fonts ?? loadLetterFonts()));
}

export async function writeLetterPdf(doc: LetterDocument, options: WriteLetterPdfOptions = {}): Promise<Uint8Array> {
  const fontSet = options.fonts ?? loadLetterFonts();
  const metrics = fontMetricsFor(fontSet);
  const layout = layoutLetter(doc, metrics);
  const file = new PdfFile();

  // Only the styles the letter draws, as subsets of the glyphs it draws.
  const fonts = new Map<FontStyle, { font: PdfFont; ref: PdfRef; resource: string }>();
  for (const [style, codePoints] of charactersByStyle(layout.pages)) {
    fonts.set(style, { font: new PdfFont(fontSet[style], metrics[style], codePoints), ref: file.reserve(), resource: `F${fonts.size + 1}` });
  }
  const fontFor = (style: FontStyle) => {
    const entry = fonts.get(style);
    if (!entry) throw new Error(`Font style ${style} was not embedded`);
    return { resource: entry.resource, hex: (text: string) => entry.font.hex(text) };
  };

  const pagesRef = file.reserve();
  const kids = layout.pages.map((page) => {
    const used = new Set<FontStyle>();
    const content = pageContent(page.ops, layout.pageHeight, (style) => {
      used.add(style);
      return fontFor(style);
    });
    const resources: Record<string, PdfRef> = {};
    for (const style of used) {
      const entry = fonts.get(style);
      if (entry) resources[entry.resource] = entry.ref;
    }
    return file.add({
      Type: name('Page'),
      Parent: pagesRef,
      MediaBox: [0, 0, layout.pageWidth, layout.pageHeight],
      Resources: { Font: resources },
      Contents: file.addStream(latin1(content)),
    });
  });
  file.set(pagesRef, { Type: name('Pages'), Kids: kids, Count: kids.length });
  for (const entry of fonts.values()) entry.font.write(file, entry.ref);

  const now = options.now ?? new Date();
  const info: PdfDict = {
    Title: PdfString.text(doc.meta.title),
    Author: PdfString.text(doc.meta.author),
    Subject: PdfString.text(doc.subject),
    Keywords: PdfString.text(doc.meta.kindLabel),
    Creator: PdfString.text('Recours'),
    Producer: PdfString.text('Recours'),
    CreationDate: PdfString.date(now),
    ModDate: PdfString.date(now),
  };
  const root = file.add({
    Type: name('Catalog'),
    Pages: pagesRef,
    Lang: PdfString.ascii(/^[A-Za-z0-9-]+$/.test(doc.meta.language) ? doc.meta.language : 'fr-FR'),
    // Viewers show the title, not the file name, in their window's title bar.
    ViewerPreferences: { DisplayDocTitle: true },
  });
  return file.save(root, file.add(info));
}
