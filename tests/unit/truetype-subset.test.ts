/**
 * The letter's PDF embeds subsets cut by truetype-subset.ts. A subset must draw each glyph exactly as the full font
 * does (same outline, same advance, same hinting programs), composites included, and hold nothing else.
 */
import { describe, expect, it } from 'vitest';
import { loadLetterFonts } from '../../core/node/fonts.js';
import { FONT_STYLES } from '../../core/node/pdf/font-metrics.js';
import { parseFont } from '../../core/node/pdf/parsed-fonts.js';
import { fontkit } from '../../core/node/pdf/cjs-libraries.js';
import { TrueTypeSubset } from '../../core/node/pdf/truetype-subset.js';

const FRENCH = 'Madame, Monsieur, « façade » œuvre Noël à l’été… 1 234,56 € — n° Ÿ ÉÈÊËÀÂÎÏÔÛÙÇ';

describe('TrueType subsets', () => {
  const fonts = loadLetterFonts();

  for (const style of FONT_STYLES) {
    it(`draw every glyph of a French text as DejaVu Serif ${style} does, composites included`, () => {
      const full = parseFont(fonts[style]);
      const subset = new TrueTypeSubset(fonts[style]);
      const original = [...new Set([...FRENCH].map((ch) => full.glyphForCodePoint(ch.codePointAt(0) ?? 0).id))];
      const ids = original.map((id) => subset.include(id));
      expect(ids).toEqual(original.map((_, i) => i + 1)); // numbered from 1 in order, 0 being .notdef
      const cut = fontkit.create(subset.encode());
      // Composites bring their components: at least one such glyph in this text (accented capitals).
      const composites = original.filter((id) => ((full.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0) < 0);
      expect(composites.length).toBeGreaterThan(0);
      expect(cut.numGlyphs).toBeGreaterThan(original.length);
      expect(cut.numGlyphs).toBeLessThan(original.length * 3);
      original.forEach((id, i) => {
        const from = full.getGlyph(id);
        const to = cut.getGlyph(i + 1);
        expect(to.path.toSVG(), `glyph ${id}`).toBe(from.path.toSVG());
        expect(to.advanceWidth, `glyph ${id}`).toBe(from.advanceWidth);
      });
      expect(cut.getGlyph(0).path.toSVG()).toBe(full.getGlyph(0).path.toSVG());
      // The hinting programs, copied whole.
      const tables = (font: typeof cut) => (font as unknown as { directory: { tables: Record<string, { length: number }> } }).directory.tables;
      for (const tag of ['cvt ', 'fpgm', 'prep']) expect(tables(cut)[tag]?.length, tag).toBe(tables(full)[tag]?.length);
      expect(Object.keys(tables(cut)).sort()).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep']);
      expect(cut.unitsPerEm).toBe(full.unitsPerEm);
      expect(cut.ascent).toBe(full.ascent);
    });
  }

  it('writes table checksums that add up (head checkSumAdjustment)', () => {
    const subset = new TrueTypeSubset(fonts.regular);
    subset.include(parseFont(fonts.regular).glyphForCodePoint(0x41).id);
    const bytes = subset.encode();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let sum = 0;
    for (let i = 0; i < bytes.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
  });

  it('names a font that is not one, and a glyph it does not have', () => {
    expect(() => new TrueTypeSubset(new Uint8Array(8))).toThrow(/Police illisible/);
    const subset = new TrueTypeSubset(fonts.regular);
    expect(() => subset.include(60_000)).toThrow(/Police illisible : glyphe 60000/);
  });
});
