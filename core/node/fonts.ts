import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The letter font: DejaVu Serif (free licence, TTF, covers French typography incl. U+202F). */
export const LETTER_FONT_FAMILY = 'DejaVu Serif';

export interface FontSet {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
}

let cached: FontSet | undefined;

const FILES: Record<keyof FontSet, string> = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  boldItalic: 'DejaVuSerif-BoldItalic.ttf',
};

/**
 * The four TTF styles from the dejavu-fonts-ttf package, each read once per process when first used: a PDF without
 * italics never reads them (the DOCX embeds all four).
 */
export function loadLetterFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const faces = new Map<keyof FontSet, Uint8Array>();
  const face = (style: keyof FontSet): Uint8Array => {
    let bytes = faces.get(style);
    if (!bytes) {
      // The file's own buffer (readFileSync does not pool files this large), seen as a plain Uint8Array.
      const read = readFileSync(join(dir, FILES[style]));
      bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
      faces.set(style, bytes);
    }
    return bytes;
  };
  cached = {
    get regular() {
      return face('regular');
    },
    get bold() {
      return face('bold');
    },
    get italic() {
      return face('italic');
    },
    get boldItalic() {
      return face('boldItalic');
    },
  };
  return cached;
}
