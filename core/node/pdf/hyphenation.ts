/**
 * French hyphenation points (Liang patterns from `hyphen/fr`), cached per process.
 * The layout asks only for words it could not fit; which words may be hyphenated at all is decided by
 * text-layout.ts (no digits, e-mail addresses, URLs, short words).
 */
import hy from 'hyphen/fr/index.js';
import { MAX_HYPHENATED_WORD_LENGTH } from './text-layout.js';

const MARK = '\u00ad';
const MAX_CACHE = 20_000;
const cache = new Map<string, readonly number[]>();

/**
 * Offsets (UTF-16 indices into `word`) where a hyphen may be inserted, ascending.
 * `word` is a run of letters; an empty array when it cannot be hyphenated.
 */
export function frenchHyphenationPoints(word: string): readonly number[] {
  // Liang's patterns are cheap per letter, but a blob is no French word: its points would be noise.
  if (word.length > MAX_HYPHENATED_WORD_LENGTH) return [];
  const cached = cache.get(word);
  if (cached) return cached;
  const marked = hy.hyphenateSync(word, { hyphenChar: MARK, minWordLength: 6 });
  const points: number[] = [];
  let offset = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === MARK) points.push(i - offset++);
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, points);
  return points;
}
