/** Every string is made drawable before layout: no crash, no tofu. */
import { describe, expect, it } from 'vitest';
import { sanitiseText } from '../../core/node/pdf/glyph-sanitiser.js';
import { drawnCodePoint, fontMetricsFor } from '../../core/node/pdf/font-metrics.js';
import { loadLetterFonts } from '../../core/node/fonts.js';

const dejavu = fontMetricsFor(loadLetterFonts());
const hasDejaVu = (cp: number) => dejavu.regular.hasGlyph(drawnCodePoint(cp));

describe('glyph sanitiser', () => {
  it('leaves French typography untouched with DejaVu Serif', () => {
    const text = 'Édouard œuvre à Noël\u202f: «\u202ffaçade\u202f» — 1\u202f299,00\u00a0€\u202f; l’été… Œ ç\u202f!';
    expect(sanitiseText(text, hasDejaVu)).toBe(text);
  });

  it('replaces what the font cannot draw, drops soft hyphens, keeps U+2011 for the line breaker', () => {
    const out = sanitiseText('a😀b\u00adc\u2011d 👍🏽 🇫🇷 👨‍👩‍👧 ❤️', hasDejaVu);
    expect(out).toBe('a?bc\u2011d ? ? ? ' + (hasDejaVu(0x2764) ? '❤' : '?'));
  });

  it('maps U+2009 to U+202F only when the font lacks it', () => {
    expect(sanitiseText('1\u2009000', hasDejaVu)).toBe(hasDejaVu(0x2009) ? '1\u2009000' : '1\u202f000');
    const noThin = (cp: number) => cp !== 0x2009;
    expect(sanitiseText('1\u2009000', noThin)).toBe('1\u202f000');
  });

  it('normalises control characters and decomposed accents', () => {
    expect(sanitiseText('a\tb\r\nc\u0007d', hasDejaVu)).toBe('a b\ncd');
    expect(sanitiseText('e\u0301te\u0301', hasDejaVu)).toBe('été');
    // A combining mark the font lacks is dropped, its base letter kept.
    const noMarks = (cp: number) => cp < 0x300 || cp > 0x36f;
    expect(sanitiseText('q\u0307', noMarks)).toBe('q');
  });

  it('draws U+2011 as a hyphen-minus', () => {
    expect(drawnCodePoint(0x2011)).toBe(0x2d);
    expect(dejavu.regular.widthEm('\u2011')).toBe(dejavu.regular.widthEm('-'));
  });
});
