/**
 * Writes dist/font-tails/, the letter faces deflated once for every DOCX to come (run by `npm run build:core`, after
 * tsc and before the bundle; see core/node/docx/font-tails.ts). dist/core/ and dist/bundle/ both find it from the
 * package root; a letter that finds it missing or stale deflates the faces itself.
 */
import { defaultFontTailDir, writeFontTailCache } from '../dist/core/node/docx/font-tails.js';
import { loadLetterFonts } from '../dist/core/node/fonts.js';

const fonts = loadLetterFonts();
const dir = defaultFontTailDir();
if (!dir) throw new Error('package root not found from dist/core/');
await writeFontTailCache([fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic], dir);
