/**
 * Fonts parsed by fontkit, for pdf-lib's embedding of the dossier's own text (dossier/canvas.ts; letters embed their
 * subsets themselves, pdf-font.ts): parsing a TTF and warming up its tables costs tens of milliseconds, so parsed
 * fonts are cached per process, keyed by the identity of the byte array (loadLetterFonts() returns the same arrays
 * every time), and pdf-lib is handed a fontkit whose create() returns them.
 */
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { fontkit } from './cjs-libraries.js';

/** The fontkit type pdf-lib's registerFontkit() expects. */
type PdfLibFontkit = Parameters<PDFDocument['registerFontkit']>[0];

const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/** Parses a font file once per process (per byte array). */
export function parseFont(bytes: Uint8Array): FontkitFont {
  let font = parsedFonts.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    parsedFonts.set(bytes, font);
  }
  return font;
}

/** A fontkit look-alike for pdf-lib whose create() returns the process-wide parsed font. */
export const cachingFontkit: PdfLibFontkit = {
  create: (buffer: Uint8Array) => parseFont(buffer) as unknown as ReturnType<PdfLibFontkit['create']>,
};
