/**
 * The paragraph layout on its own, with simple metrics so that every position can be checked by hand:
 * each character is 1 unit wide (bold: 2 units, U+202F: 0.5).
 */
import { describe, expect, it } from 'vitest';
import { isHyphenatableToken, layoutParagraph, lineText, MAX_HYPHENATED_WORD_LENGTH } from '../../core/node/pdf/text-layout.js';
import type { MeasureText, StyledText, TextLine } from '../../core/node/pdf/text-layout.js';
import { frenchHyphenationPoints } from '../../core/node/pdf/hyphenation.js';

const measure: MeasureText = (text, style) => {
  let w = 0;
  for (const ch of text) w += ch === '\u202f' ? 0.5 : style === 'bold' ? 2 : 1;
  return w;
};
const plain = (text: string): StyledText[] => [{ text, style: 'regular' }];
const texts = (lines: TextLine[]) => lines.map(lineText);
const right = (line: TextLine) => {
  const last = line.fragments[line.fragments.length - 1];
  return last ? last.x + last.width : 0;
};

describe('line breaking', () => {
  it('fills lines greedily at spaces and never draws a space at a line end', () => {
    const lines = layoutParagraph(plain('aaa bbb ccc ddd eee'), { width: 8, measure });
    expect(texts(lines)).toEqual(['aaa bbb', 'ccc ddd', 'eee']);
    expect(lines.map((l) => l.naturalWidth)).toEqual([7, 7, 3]);
    expect(lines[2]?.last).toBe(true);
  });

  it('keeps the spaces between words inside the fragments, so that extracted text has them', () => {
    const [line] = layoutParagraph(plain('un deux trois'), { width: 40, measure });
    expect(line?.fragments.map((f) => f.text)).toEqual(['un ', 'deux ', 'trois']);
  });

  it('never breaks at U+00A0, U+202F or U+2011', () => {
    const lines = layoutParagraph(plain('montant de 1\u202f299,00\u00a0€ n°\u00a0402\u20111234'), { width: 12, measure });
    expect(texts(lines)).toEqual(['montant de', '1\u202f299,00\u00a0€', 'n°\u00a0402\u20111234']);
  });

  it('honours forced line breaks and does not justify the line before them', () => {
    const lines = layoutParagraph(plain('aa bb\ncc dd ee ff'), { width: 9, measure, align: 'justify' });
    expect(texts(lines)).toEqual(['aa bb', 'cc dd ee', 'ff']);
    expect(lines[0]?.last).toBe(true);
    expect(lines[0]?.spaceStretch).toBe(0);
    expect(lines[1]?.spaceStretch).toBeGreaterThan(0);
  });

  it('returns one empty line for an empty paragraph', () => {
    expect(texts(layoutParagraph(plain('   '), { width: 10, measure }))).toEqual(['']);
  });
});

describe('justification', () => {
  it('stretches only U+0020 and fills the line exactly; the last line stays left-aligned', () => {
    const lines = layoutParagraph(plain('aa bb cc dd ee ff'), { width: 10, measure, align: 'justify' });
    expect(texts(lines)).toEqual(['aa bb cc', 'dd ee ff']);
    const first = lines[0]!;
    expect(first.spaceStretch).toBeCloseTo(1); // 2 units missing, 2 spaces
    expect(first.fragments.map((f) => f.x)).toEqual([0, 4, 8]);
    expect(right(first)).toBeCloseTo(10);
    expect(lines[1]?.spaceStretch).toBe(0);
    expect(right(lines[1]!)).toBe(8);
  });

  it('keeps U+00A0 and U+202F at their natural width in a justified line', () => {
    const lines = layoutParagraph(plain('soit 1\u202f311,99\u00a0€ payés le 3 octobre'), { width: 22, measure, align: 'justify' });
    const first = lines[0]!;
    expect(lineText(first)).toBe('soit 1\u202f311,99\u00a0€ payés');
    const amount = first.fragments.find((f) => f.text.startsWith('1\u202f'))!;
    // '1' + NNBSP (0.5) + '311,99' + NBSP + '€' + trailing U+0020: natural width, nothing added inside.
    expect(amount.width).toBe(1 + 0.5 + 6 + 1 + 1 + 1);
    const next = first.fragments[first.fragments.indexOf(amount) + 1]!;
    // The gap after the amount is its one U+0020 plus the stretch, nothing more.
    expect(next.x - (amount.x + amount.width)).toBeCloseTo(first.spaceStretch);
    expect(right(first)).toBeCloseTo(22);
  });

  it('aligns right and centre', () => {
    expect(layoutParagraph(plain('abc'), { width: 10, measure, align: 'right' })[0]?.fragments[0]?.x).toBe(7);
    expect(layoutParagraph(plain('abcd'), { width: 10, measure, align: 'center' })[0]?.fragments[0]?.x).toBe(3);
  });

  it('does not open huge gaps: a line that would need them stays left-aligned', () => {
    const lines = layoutParagraph(plain('aa bb REFERENCE01234567890123456 fin'), { width: 30, measure, align: 'justify', maxSpaceStretch: 4 });
    expect(texts(lines)).toEqual(['aa bb', 'REFERENCE01234567890123456 fin']);
    expect(lines[0]?.spaceStretch).toBe(0);
  });
});

describe('styled runs', () => {
  it('measures a bold run with its own metrics and keeps the style of each fragment', () => {
    const spans: StyledText[] = [
      { text: 'aaaa ', style: 'regular' },
      { text: 'bbbb', style: 'bold' },
      { text: ', cc', style: 'regular' },
    ];
    // 'aaaa ' (5) + 'bbbb' bold (8) = 13 > 12: the bold word goes to the next line.
    const lines = layoutParagraph(spans, { width: 12, measure });
    expect(texts(lines)).toEqual(['aaaa', 'bbbb, cc']);
    const second = lines[1]!;
    expect(second.fragments.map((f) => [f.text, f.style, f.x, f.width])).toEqual([
      ['bbbb', 'bold', 0, 8],
      [', ', 'regular', 8, 2],
      ['cc', 'regular', 10, 2],
    ]);
  });
});

describe('hyphenation', () => {
  const hyphenate = frenchHyphenationPoints;

  it('finds French hyphenation points', () => {
    expect(hyphenate('procédure')).toEqual([3, 5]); // pro-cé-dure
    expect(hyphenate('remboursement').length).toBeGreaterThan(1);
  });

  it('hyphenates only when the word does not fit, with a visible hyphen', () => {
    const roomy = layoutParagraph(plain('la procédure est longue'), { width: 30, measure, hyphenate });
    expect(texts(roomy)).toEqual(['la procédure est longue']);
    expect(roomy.some((l) => l.hyphenated)).toBe(false);

    const tight = layoutParagraph(plain('la procédure est longue'), { width: 9, measure, hyphenate });
    expect(texts(tight)).toEqual(['la procé-', 'dure est', 'longue']);
    expect(tight[0]?.hyphenated).toBe(true);
  });

  it('prefers moving the word to the next line when no point fits', () => {
    const lines = layoutParagraph(plain('abcdefgh procédure'), { width: 11, measure, hyphenate });
    // 'abcdefgh ' leaves 2 units: 'pro-' needs 4, so the word moves down whole.
    expect(texts(lines)).toEqual(['abcdefgh', 'procédure']);
  });

  it('never hyphenates numbers, references, e-mail addresses, URLs, short words or capitals', () => {
    for (const token of ['402-1234567', 'service-client@example.com', 'https://exemple.fr', 'www.exemple.fr', 'S.à', 'CS88412']) {
      expect(isHyphenatableToken(token), token).toBe(false);
    }
    expect(isHyphenatableToken('(procédure),')).toBe(true);
    const cases = ['aaaa courriel@exemple.fr', 'aaaa LUXEMBOURG', 'aaaa livré', 'aaaa REF12345678'];
    for (const text of cases) {
      const lines = layoutParagraph(plain(text), { width: 9, measure, hyphenate });
      expect(lines.some((l) => l.hyphenated), text).toBe(false);
      expect(texts(lines).join('|'), text).not.toMatch(/-\|/);
    }
  });

  it('keeps the punctuation around a hyphenated word', () => {
    const lines = layoutParagraph(plain('voir (procédure), puis'), { width: 10, measure, hyphenate });
    expect(texts(lines)).toEqual(['voir (pro-', 'cédure),', 'puis']);
  });
});

describe('tokens wider than a line', () => {
  it('breaks them by characters, without adding a hyphen, instead of overflowing', () => {
    const token = 'REF' + '0123456789'.repeat(3);
    const lines = layoutParagraph(plain(`voir ${token} fin`), { width: 10, measure, hyphenate: frenchHyphenationPoints });
    expect(texts(lines)).toEqual(['voir', 'REF0123456', '7890123456', '7890123456', '789 fin']);
    for (const line of lines) expect(line.naturalWidth).toBeLessThanOrEqual(10);
    expect(lines.filter((l) => l.brokenToken).length).toBe(3);
    expect(texts(lines).join('').includes('-')).toBe(false);
  });

  it('never splits a surrogate pair', () => {
    const lines = layoutParagraph(plain('𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁'), { width: 3, measure });
    for (const l of lines) expect(lineText(l)).toMatch(/^(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF])+$/);
    expect(texts(lines).join('')).toBe('𝔸𝔹ℂ𝔻𝔼𝔽𝔾ℍ𝕀𝕁');
  });
});

describe('bounded work on hostile text', () => {
  /** Characters handed to `measure` while laying out `text` (the layout's unit of work). */
  const measuredCharacters = (text: string, options: { width: number; hyphenate?: typeof frenchHyphenationPoints }) => {
    let characters = 0;
    const counting: MeasureText = (t, style) => {
      characters += t.length;
      return measure(t, style);
    };
    const lines = layoutParagraph(plain(text), { ...options, measure: counting, align: 'justify' });
    return { characters, lines };
  };

  it('measures a word of 40 000 letters a bounded number of times per character, whatever its length', () => {
    const word = 'anticonstitutionnellement'.repeat(1_600);
    const { characters, lines } = measuredCharacters(word, { width: 80, hyphenate: frenchHyphenationPoints });
    // Each line is probed with prefixes of doubling length (≤ 2 × 80), then cut by a binary search over ≤ 160
    // characters: about 12 characters measured per character laid out. Measuring the rest of the word at every
    // line, as before, cost 40 000² / 160 = 250 characters per character.
    expect(characters / word.length).toBeLessThan(20);
    expect(texts(lines).join('')).toBe(word);
    expect(lines.every((l) => l.naturalWidth <= 80)).toBe(true);
    expect(lines.slice(0, -1).every((l) => l.brokenToken && lineText(l).length === 80)).toBe(true);
  });

  it('costs the same per character for a word of 10 000 and of 40 000 letters (linear, not quadratic)', () => {
    const perChar = (n: number) => measuredCharacters('x'.repeat(n), { width: 80 }).characters / n;
    expect(perChar(40_000)).toBeLessThan(perChar(10_000) * 1.1);
  });

  it('never hyphenates a run of letters longer than a real word, and keeps hyphenating real ones', () => {
    const asked: string[] = [];
    const hyphenate = (word: string) => {
      asked.push(word);
      return frenchHyphenationPoints(word);
    };
    const blob = 'abcdefghij'.repeat(5_000);
    const lines = layoutParagraph(plain(`Une procédure ${blob} anticonstitutionnellement terminée`), { width: 30, measure, hyphenate });
    expect(asked.every((w) => w.length <= MAX_HYPHENATED_WORD_LENGTH)).toBe(true);
    expect(asked).toContain('anticonstitutionnellement');
    expect(texts(lines).join('')).toContain(blob);
  });

  it('keeps the cost bounded for one token made of thousands of hyphenatable words (l’appartement’…)', () => {
    const token = 'appartement’'.repeat(4_000);
    const { characters, lines } = measuredCharacters(token, { width: 50, hyphenate: frenchHyphenationPoints });
    expect(characters / token.length).toBeLessThan(30);
    expect(texts(lines).join('').replace(/-/g, '')).toBe(token);
  });
});
