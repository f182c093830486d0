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

/** Reads the four TTF styles once per process from the dejavu-fonts-ttf package. */
export function loadLetterFonts(): FontSet {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));
  cached = {
    regular: read('DejaVuSerif.ttf'),
    bold: read('DejaVuSerif-Bold.ttf'),
    italic: read('DejaVuSerif-Italic.ttf'),
    boldItalic: read('DejaVuSerif-BoldItalic.ttf'),
  };
  return cached;
}
