/**
 * Makes any string drawable with a given font: never a crash, never a tofu box.
 *
 * - NFC normalisation (a decomposed "é" becomes one code point the font has);
 * - U+00AD (soft hyphen) is dropped: the layout hyphenates by itself;
 * - tab → space, CR LF / CR → LF (a forced line break for the layout), other control characters dropped;
 * - U+2009 (thin space) → U+202F when the font lacks it; zero-width characters and variation selectors the font
 *   lacks are dropped;
 * - any other grapheme with a code point the font lacks (emoji, emoji sequences, rare scripts) → '?'.
 *
 * U+2011 (non-breaking hyphen) is kept: the line breaker needs it to forbid the break; it is drawn as '-'
 * (see drawnCodePoint in font-metrics.ts).
 */

export type HasGlyph = (codePoint: number) => boolean;

const REPLACEMENT = '?';

/** Characters we may silently drop when the font lacks them (they have no visible shape). */
function isInvisible(cp: number): boolean {
  return (
    cp === 0x200b || // zero width space
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x200e && cp <= 0x200f) || // LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings
    (cp >= 0x2066 && cp <= 0x2069)
  );
}

function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

/** Combining marks: dropped when missing, the base letter stays. */
function isCombiningMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f)
  );
}

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): Iterable<string> {
  segmenter ??= new Intl.Segmenter('fr', { granularity: 'grapheme' });
  const segments = segmenter.segment(text);
  return {
    *[Symbol.iterator]() {
      for (const s of segments) yield s.segment;
    },
  };
}

/** The fast pre-pass: what does not depend on the font. */
function normaliseControls(text: string): string {
  let out = text.normalize('NFC');
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  if (out.includes('\t')) out = out.replace(/\t/g, ' ');
  if (out.includes('\u00ad')) out = out.replace(/\u00ad/g, '');
  return out;
}

/**
 * Returns the text with every character drawable by the font described by `hasGlyph`.
 * '\n' is kept (forced line break); the result never contains other control characters.
 */
export function sanitiseText(text: string, hasGlyph: HasGlyph): string {
  // A hyphen between digits (order numbers such as 402-1234567-8901234) must never end a line.
  const input = normaliseControls(text).replace(/(?<=\d)-(?=\d)/g, '\u2011');
  // Fast path: everything is drawable (the overwhelmingly common case).
  let clean = true;
  for (const ch of input) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x0a) continue;
    if (isControl(cp) || !hasGlyph(cp)) {
      clean = false;
      break;
    }
  }
  if (clean) return input;

  let out = '';
  for (const grapheme of graphemes(input)) {
    const cps = [...grapheme].map((c) => c.codePointAt(0) ?? 0);
    const first = cps[0];
    if (first === undefined) continue;
    if (first === 0x0a) {
      out += '\n';
      continue;
    }
    if (cps.every((cp) => !isControl(cp) && hasGlyph(cp))) {
      out += grapheme;
      continue;
    }
    if (cps.length === 1) {
      if (isControl(first) || isInvisible(first)) continue;
      if (first === 0x2009 && hasGlyph(0x202f)) {
        out += '\u202f';
        continue;
      }
      if (first === 0x2011 && hasGlyph(0x2d)) {
        out += '\u2011';
        continue;
      }
      out += REPLACEMENT;
      continue;
    }
    // A cluster: keep the drawable base when only marks / invisible characters are missing.
    if (!isControl(first) && hasGlyph(first)) {
      const rest = cps.slice(1);
      if (rest.every((cp) => hasGlyph(cp) || isCombiningMark(cp) || isInvisible(cp))) {
        out += String.fromCodePoint(first, ...rest.filter((cp) => hasGlyph(cp)));
        continue;
      }
    }
    out += REPLACEMENT;
  }
  return out;
}
