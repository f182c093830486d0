/**
 * Paragraph layout, pure: styled text + a width function → positioned lines.
 *
 * - Break opportunities come from UAX #14 (`linebreak`): U+00A0, U+202F and U+2011 never break.
 * - Greedy first-fit filling. When a word does not fit, it is hyphenated (visible '-') if the policy allows it
 *   (letters only, 6 to 40 letters, no digits, no e-mail address or URL, not all capitals), else it moves to the
 *   next line. A token wider than a whole line is broken by characters (no hyphen added) instead of overflowing.
 * - Bounded work: a token is never measured past what a line can hold (prefixes of doubling length), so a
 *   paragraph costs O(n log L) measured characters for n characters and lines of L characters, however long
 *   its words (a pasted link or blob of 300 000 characters included).
 * - Justification stretches U+0020 only; U+00A0, U+202F and every other character keep their natural width.
 *   The last line of a paragraph and lines ended by a forced break ('\n') are not justified.
 * - Runs keep their style, and are measured with it.
 *
 * Fragments are cut after every run of U+0020 and at style changes, so a renderer can draw each fragment at its
 * x (word spacing with Tw does not work with Identity-H fonts). A fragment's text keeps its trailing spaces.
 */
import LineBreaker from 'linebreak';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface StyledText {
  text: string;
  style: FontStyle;
}

/** Width of `text` drawn in `style`, in the unit of `width` (points). */
export type MeasureText = (text: string, style: FontStyle) => number;

/** Offsets in `word` (a run of letters) where a hyphen may be inserted. */
export type HyphenationPoints = (word: string) => readonly number[];

export type TextAlign = 'justify' | 'left' | 'right' | 'center';

export interface ParagraphLayoutOptions {
  /** Line width. */
  width: number;
  measure: MeasureText;
  /** Default 'left'. */
  align?: TextAlign;
  /** No hyphenation when absent. */
  hyphenate?: HyphenationPoints;
  /** Hyphenated words need at least this many letters. Default 6. */
  minHyphenatedWordLength?: number;
  /**
   * A justified line whose spaces would have to grow beyond this multiple of a normal space is left
   * aligned instead (typically a line ending before a long URL). Default 8: letters are expected justified.
   */
  maxSpaceStretch?: number;
}

export interface LineFragment {
  /** Text drawn, trailing U+0020 included (except at the end of the line). */
  text: string;
  style: FontStyle;
  /** Offset from the left edge of the text box. */
  x: number;
  /** Natural width of `text`. */
  width: number;
}

export interface TextLine {
  fragments: LineFragment[];
  /** Sum of the natural widths. */
  naturalWidth: number;
  /** Extra width given to each U+0020 (0 unless justified). */
  spaceStretch: number;
  /** The line ends with a hyphen inserted by the layout. */
  hyphenated: boolean;
  /** The line ends inside a token too long for a line (broken by characters). */
  brokenToken: boolean;
  /** Last line of the paragraph, or ended by a forced break. */
  last: boolean;
}

const HYPHEN = '-';
const EPSILON = 1e-6;
/** Longer runs of letters are not words of a language (a blob, a pasted key): never hyphenated. */
export const MAX_HYPHENATED_WORD_LENGTH = 40;
/** First prefix measured when probing a token against a line (doubled until it overflows). */
const PROBE_LENGTH = 32;

/** Breakable white space that linebreak leaves at the end of a segment (not drawn at a line end). */
function isTrailingSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x0a ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b && code !== 0x2007) ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Text of a line, for tests and debugging. */
export function lineText(line: TextLine): string {
  return line.fragments.map((f) => f.text).join('');
}

/**
 * Whether a token may be hyphenated at all: never numbers, references, e-mail addresses, URLs, paths or
 * dotted abbreviations/domains.
 */
export function isHyphenatableToken(token: string): boolean {
  if (/[0-9@/\\_|=<>{}[\]#~]/.test(token)) return false;
  if (/^www\./i.test(token)) return false;
  if (/\p{L}\.\p{L}/u.test(token)) return false;
  return /\p{L}/u.test(token);
}

interface Segment {
  start: number;
  /** End of the visible content (before trailing spaces). */
  contentEnd: number;
  /** End of the trailing spaces, newline excluded. */
  tailEnd: number;
  forced: boolean;
}

interface LineItem {
  start: number;
  end: number;
  /** Tail [end, tailEnd) drawn only when the item is not the last of its line. */
  tailEnd: number;
  hyphen: boolean;
  broken: boolean;
}

class StyledString {
  readonly text: string;
  private readonly starts: number[] = [];
  private readonly styles: FontStyle[] = [];

  constructor(spans: readonly StyledText[]) {
    let text = '';
    for (const span of spans) {
      if (span.text === '') continue;
      const lastStyle = this.styles[this.styles.length - 1];
      if (lastStyle === span.style) {
        text += span.text;
        continue;
      }
      this.starts.push(text.length);
      this.styles.push(span.style);
      text += span.text;
    }
    this.text = text;
  }

  /** Index of the span holding `index` (binary search: a paragraph may alternate styles many times). */
  private spanAt(index: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  styleAt(index: number): FontStyle {
    return this.styles[this.spanAt(index)] ?? 'regular';
  }

  /** [start, end) cut at style changes. */
  pieces(start: number, end: number): StyledText[] {
    const out: StyledText[] = [];
    for (let i = this.spanAt(start); i < this.starts.length; i++) {
      const spanStart = this.starts[i] ?? 0;
      if (spanStart >= end) break;
      const spanEnd = this.starts[i + 1] ?? this.text.length;
      const a = Math.max(start, spanStart);
      const b = Math.min(end, spanEnd);
      if (a < b) out.push({ text: this.text.slice(a, b), style: this.styles[i] ?? 'regular' });
    }
    return out;
  }
}

function trimParagraph(spans: readonly StyledText[]): StyledText[] {
  const out = spans.filter((s) => s.text !== '').map((s) => ({ ...s }));
  while (out.length > 0) {
    const first = out[0];
    if (!first) break;
    first.text = first.text.replace(/^[ \n]+/, '');
    if (first.text !== '') break;
    out.shift();
  }
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (!last) break;
    last.text = last.text.replace(/[ \n]+$/, '');
    if (last.text !== '') break;
    out.pop();
  }
  return out;
}

/** Lays out one paragraph. Always returns at least one line (empty for an empty paragraph). */
export function layoutParagraph(spans: readonly StyledText[], options: ParagraphLayoutOptions): TextLine[] {
  const str = new StyledString(trimParagraph(spans));
  const text = str.text;
  const { width, measure } = options;
  const align = options.align ?? 'left';
  const minWord = options.minHyphenatedWordLength ?? 6;

  const widthOf = (start: number, end: number): number => {
    let w = 0;
    for (const p of str.pieces(start, end)) w += measure(p.text, p.style);
    return w;
  };
  const tailWidth = (item: LineItem): number =>
    item.tailEnd > item.end ? widthOf(item.end, item.tailEnd) : 0;

  // 1. Segments between break opportunities.
  const segments: Segment[] = [];
  if (text !== '') {
    const breaker = new LineBreaker(text);
    let last = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      const end = bk.position;
      let contentEnd = end;
      while (contentEnd > last && isTrailingSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
      let tailEnd = end;
      while (tailEnd > contentEnd && text.charCodeAt(tailEnd - 1) === 0x0a) tailEnd--;
      const forced = bk.required || text.slice(contentEnd, end).includes('\n');
      segments.push({ start: last, contentEnd, tailEnd, forced });
      last = end;
    }
  }

  // Hyphenation candidates of a segment, computed once: absolute offsets, ascending.
  const hyphenCache = new Map<number, readonly number[]>();
  const hyphenPoints = (seg: Segment): readonly number[] => {
    const cached = hyphenCache.get(seg.start);
    if (cached) return cached;
    const points: number[] = [];
    const token = text.slice(seg.start, seg.contentEnd);
    if (options.hyphenate && isHyphenatableToken(token)) {
      for (const m of token.matchAll(/\p{L}+/gu)) {
        const word = m[0];
        const letters = [...word].length;
        if (letters < minWord || letters > MAX_HYPHENATED_WORD_LENGTH) continue;
        if (word === word.toUpperCase()) continue; // acronyms, names in capitals
        for (const p of options.hyphenate(word)) {
          if (p < 2 || word.length - p < 3) continue;
          points.push(seg.start + (m.index ?? 0) + p);
        }
      }
    }
    hyphenCache.set(seg.start, points);
    return points;
  };

  /**
   * Whether [start, end) fits in `available`, measuring at most about twice what fits: prefixes of doubling
   * length are measured first, and the first one that overflows answers (widths only grow with the text).
   * Gives the range's width when it fits, else the end of a prefix that already overflows.
   */
  const probe = (start: number, end: number, available: number): { width: number } | { overflow: number } => {
    for (let len = PROBE_LENGTH; start + len < end; len *= 2) {
      const probeEnd = codePointBoundary(text, start + len);
      if (widthOf(start, probeEnd) > available + EPSILON) return { overflow: probeEnd };
    }
    const w = widthOf(start, end);
    return w > available + EPSILON ? { overflow: end } : { width: w };
  };

  /** Largest end (≥ one code point, ≤ `limit`) such that [start, end) fits; [start, limit) must overflow. */
  const fitChars = (start: number, limit: number, available: number): number => {
    const bounds: number[] = [];
    for (let i = start; i < limit; ) {
      const cp = text.codePointAt(i) ?? 0;
      i += cp > 0xffff ? 2 : 1;
      bounds.push(i);
    }
    let lo = 0;
    let hi = bounds.length - 1;
    // Find the last bound that fits; at least the first one.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (widthOf(start, bounds[mid] ?? limit) <= available + EPSILON) lo = mid;
      else hi = mid - 1;
    }
    return bounds[lo] ?? limit;
  };

  /** The last hyphenation point whose part (hyphen included) fits before `overflow`. */
  const tryHyphenate = (seg: Segment, start: number, overflow: number, available: number): { at: number; width: number } | null => {
    const points = hyphenPoints(seg);
    for (let i = lastIndexBefore(points, overflow); i >= 0; i--) {
      const at = points[i] ?? 0;
      if (at <= start + 1) break;
      const w = widthOf(start, at) + measure(HYPHEN, str.styleAt(at - 1));
      if (w <= available + EPSILON) return { at, width: w };
    }
    return null;
  };

  // 2. Greedy filling.
  const rawLines: { items: LineItem[]; forced: boolean }[] = [];
  let current: LineItem[] = [];
  let currentWidth = 0;
  const flush = (forced: boolean) => {
    rawLines.push({ items: current, forced });
    current = [];
    currentWidth = 0;
  };

  for (const seg of segments) {
    let start = seg.start;
    for (;;) {
      const lastItem = current[current.length - 1];
      const prevTail = lastItem ? tailWidth(lastItem) : 0;
      const available = width - currentWidth - prevTail;
      const fit = probe(start, seg.contentEnd, available);
      if ('width' in fit || (!lastItem && start >= seg.contentEnd)) {
        current.push({ start, end: seg.contentEnd, tailEnd: seg.tailEnd, hyphen: false, broken: false });
        currentWidth += prevTail + ('width' in fit ? fit.width : 0);
        if (seg.forced) flush(true);
        break;
      }
      const overflow = fit.overflow;
      const hyphenated = tryHyphenate(seg, start, overflow, available);
      if (hyphenated) {
        current.push({ start, end: hyphenated.at, tailEnd: hyphenated.at, hyphen: true, broken: false });
        flush(false);
        start = hyphenated.at;
        continue;
      }
      if (!lastItem) {
        const end = fitChars(start, overflow, width);
        current.push({ start, end, tailEnd: end, hyphen: false, broken: true });
        flush(false);
        start = end;
        continue;
      }
      flush(false); // retry on an empty line
    }
  }
  if (current.length > 0 || rawLines.length === 0) flush(false);

  // 3. Fragments, alignment, justification.
  const spaceWidth = measure(' ', 'regular');
  const maxStretch = (options.maxSpaceStretch ?? 8) * spaceWidth;

  return rawLines.map((raw, index) => {
    const isLast = index === rawLines.length - 1;
    const pieces: StyledText[] = [];
    raw.items.forEach((item, i) => {
      pieces.push(...str.pieces(item.start, item.end));
      if (item.hyphen) pieces.push({ text: HYPHEN, style: str.styleAt(item.end - 1) });
      if (i < raw.items.length - 1 && item.tailEnd > item.end) pieces.push(...str.pieces(item.end, item.tailEnd));
    });
    const fragments = toFragments(pieces, measure);
    const naturalWidth = fragments.reduce((w, f) => w + f.width, 0);
    let spaces = 0;
    for (const f of fragments) spaces += countSpaces(f.text);
    const lastItem = raw.items[raw.items.length - 1];

    let stretch = 0;
    let offset = 0;
    if (align === 'justify' && !isLast && !raw.forced && spaces > 0) {
      const extra = (width - naturalWidth) / spaces;
      if (extra > 0 && extra <= maxStretch) stretch = extra;
    } else if (align === 'right') {
      offset = Math.max(0, width - naturalWidth);
    } else if (align === 'center') {
      offset = Math.max(0, (width - naturalWidth) / 2);
    }
    let x = offset;
    for (const f of fragments) {
      f.x = x;
      x += f.width + stretch * countSpaces(f.text);
    }
    return {
      fragments,
      naturalWidth,
      spaceStretch: stretch,
      hyphenated: lastItem?.hyphen ?? false,
      brokenToken: lastItem?.broken ?? false,
      last: isLast || raw.forced,
    };
  });
}

/** `index`, moved back by one when it would split a surrogate pair. */
function codePointBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}

/** Index of the last element of ascending `values` that is ≤ `limit`, or -1. */
function lastIndexBefore(values: readonly number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function countSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x20) n++;
  return n;
}

/** Cuts pieces after each run of U+0020 and at style changes; merges adjacent same-style text otherwise. */
function toFragments(pieces: readonly StyledText[], measure: MeasureText): LineFragment[] {
  const out: LineFragment[] = [];
  let text = '';
  let style: FontStyle | undefined;
  const close = () => {
    if (text !== '' && style) out.push({ text, style, x: 0, width: measure(text, style) });
    text = '';
  };
  for (const piece of pieces) {
    if (piece.style !== style) {
      close();
      style = piece.style;
    }
    const t = piece.text;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i] ?? '';
      if (ch !== ' ' && text.endsWith(' ')) close();
      text += ch;
    }
  }
  close();
  return out;
}
