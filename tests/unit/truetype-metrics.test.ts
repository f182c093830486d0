/**
 * The letter's widths are read from the TrueType tables without fontkit (truetype-metrics.ts); fontkit still embeds
 * the glyphs. The two must agree on every code point, or a line measured by the layout would not be the line drawn.
 */
import { describe, expect, it } from 'vitest';
import { loadLetterFonts } from '../../core/node/fonts.js';
import { FONT_STYLES } from '../../core/node/pdf/font-metrics.js';
import { parseFont } from '../../core/node/pdf/parsed-fonts.js';
import { readTrueTypeMetrics } from '../../core/node/pdf/truetype-metrics.js';

describe('TrueType metrics read from the font file', () => {
  const fonts = loadLetterFonts();

  for (const style of FONT_STYLES) {
    it(`agree with fontkit on every code point of DejaVu Serif ${style}, and on code points it lacks`, () => {
      const fontkitFont = parseFont(fonts[style]);
      const metrics = readTrueTypeMetrics(fonts[style]);
      expect(metrics.unitsPerEm).toBe(fontkitFont.unitsPerEm);
      expect(metrics.ascent).toBe(fontkitFont.ascent);
      expect(metrics.descent).toBe(fontkitFont.descent);
      // Every mapped code point, then some it does not map (CJK, emoji, private use, past Unicode's planes in use).
      const missing = [0x4e00, 0x1f600, 0xe000, 0xfffd, 0x10ffff, 0x0378];
      const codePoints = [...fontkitFont.characterSet, ...missing];
      expect(fontkitFont.characterSet.length).toBeGreaterThan(2000);
      const differences = codePoints.filter((cp) => {
        const glyph = fontkitFont.glyphForCodePoint(cp);
        const id = metrics.glyphId(cp);
        return id !== glyph.id || metrics.advanceWidth(id) !== glyph.advanceWidth || (id !== 0) !== fontkitFont.hasGlyphForCodePoint(cp);
      });
      expect(differences.map((cp) => cp.toString(16))).toEqual([]);
      expect(missing.filter((cp) => metrics.glyphId(cp) !== 0).map((cp) => cp.toString(16))).toEqual(
        missing.filter((cp) => fontkitFont.hasGlyphForCodePoint(cp)).map((cp) => cp.toString(16)),
      );
    });
  }

  it('names a file that is not a font', () => {
    expect(() => readTrueTypeMetrics(new Uint8Array(8))).toThrow(/Police illisible/);
    expect(() => readTrueTypeMetrics(new TextEncoder().encode('pas une police du tout, juste du texte'))).toThrow(/Police illisible/);
  });
});
