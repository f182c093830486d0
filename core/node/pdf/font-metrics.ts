/**
 * Font metrics for both writers, from the letter's TTF files (truetype-metrics.ts reads the tables: measuring needs
 * neither fontkit nor pdf-lib, which only the dossier's own text loads, see parsed-fonts.ts).
 *
 * Widths are the sum of the glyph advance widths, exactly what pdf-font.ts writes in the /W array of an embedded
 * Identity-H font (no kerning is applied when drawing, so none is measured).
 */
import type { FontSet } from '../fonts.js';
import { readTrueTypeMetrics } from './truetype-metrics.js';
import type { TrueTypeMetrics } from './truetype-metrics.js';

import type { FontStyle } from './text-layout.js';
export type { FontStyle };

export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

/**
 * The character actually drawn for a code point. U+2011 (non-breaking hyphen) stays in the text given to the
 * line breaker, so that it still forbids a break, but is drawn as '-' so that copy/paste and search find it.
 */
export function drawnCodePoint(cp: number): number {
  return cp === 0x2011 ? 0x2d : cp;
}

/** Metrics of one font style: glyph coverage and advance widths, in em (multiply by the font size). */
export class FontMetrics {
  /** Ascender and descender (negative), in em. */
  readonly ascent: number;
  readonly descent: number;
  readonly unitsPerEm: number;
  private readonly advances = new Map<number, number>();
  private readonly coverage = new Map<number, boolean>();

  constructor(private readonly font: TrueTypeMetrics) {
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = font.ascent / font.unitsPerEm;
    this.descent = font.descent / font.unitsPerEm;
  }

  /** The glyph drawn for a code point (cmap), 0 when the font has none. */
  glyphId(cp: number): number {
    return this.font.glyphId(cp);
  }

  hasGlyph(cp: number): boolean {
    let has = this.coverage.get(cp);
    if (has === undefined) {
      has = this.font.glyphId(cp) !== 0;
      this.coverage.set(cp, has);
    }
    return has;
  }

  /** Advance width of one code point, in em. */
  advance(cp: number): number {
    let width = this.advances.get(cp);
    if (width === undefined) {
      width = this.font.advanceWidth(this.font.glyphId(drawnCodePoint(cp))) / this.unitsPerEm;
      this.advances.set(cp, width);
    }
    return width;
  }

  /** Width of a string in em (sum of advances; the caller multiplies by the font size). */
  widthEm(text: string): number {
    let width = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        cp = text.codePointAt(i) ?? cp;
        i++;
      }
      width += this.advance(cp);
    }
    return width;
  }
}

export type FontMetricsSet = Record<FontStyle, FontMetrics>;

const metricsCache = new WeakMap<Uint8Array, FontMetrics>();

function metricsFor(bytes: Uint8Array): FontMetrics {
  let metrics = metricsCache.get(bytes);
  if (!metrics) {
    metrics = new FontMetrics(readTrueTypeMetrics(bytes));
    metricsCache.set(bytes, metrics);
  }
  return metrics;
}

/**
 * Metrics for the four styles of a font set, cached per process. Each face is parsed when first measured: a letter
 * without italics never pays for them.
 */
export function fontMetricsFor(fonts: FontSet): FontMetricsSet {
  return {
    get regular() {
      return metricsFor(fonts.regular);
    },
    get bold() {
      return metricsFor(fonts.bold);
    },
    get italic() {
      return metricsFor(fonts.italic);
    },
    get boldItalic() {
      return metricsFor(fonts.boldItalic);
    },
  };
}

export function styleOf(bold: boolean | undefined, italic: boolean | undefined): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

const MAX_CACHED_LENGTH = 64;

/**
 * Measures text at a size, with a per-document cache of word widths (one Map per style).
 * Create one per document: it is the hot path of the line breaker.
 */
export class TextMeasurer {
  private readonly caches: Record<FontStyle, Map<string, number>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
    boldItalic: new Map(),
  };

  constructor(readonly metrics: FontMetricsSet) {}

  /** Width in points. */
  width(text: string, style: FontStyle, size: number): number {
    // Only words are worth keeping: the layout also measures long prefixes of a token it breaks.
    if (text.length > MAX_CACHED_LENGTH) return this.metrics[style].widthEm(text) * size;
    const cache = this.caches[style];
    let em = cache.get(text);
    if (em === undefined) {
      em = this.metrics[style].widthEm(text);
      cache.set(text, em);
    }
    return em * size;
  }

  /**
   * The longest start of `text` that fits `maxWidth` with `ellipsis` after it, or `text` itself when it fits. Prefix
   * widths grow with the length, so a binary search over code points keeps a pasted blob cheap to cut.
   */
  truncate(text: string, style: FontStyle, size: number, maxWidth: number, ellipsis = '\u2026'): string {
    if (this.width(text, style, size) <= maxWidth) return text;
    const chars = [...text];
    const cut = (n: number) => chars.slice(0, n).join('').trimEnd() + ellipsis;
    let fits = 0;
    let tooLong = chars.length;
    while (tooLong - fits > 1) {
      const middle = (fits + tooLong) >> 1;
      if (this.width(cut(middle), style, size) <= maxWidth) fits = middle;
      else tooLong = middle;
    }
    return cut(fits);
  }

  /** A (text, style) → width function bound to a size, the shape text-layout expects. */
  at(size: number): (text: string, style: FontStyle) => number {
    return (text, style) => this.width(text, style, size);
  }
}
