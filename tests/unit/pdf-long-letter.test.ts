/**
 * A long letter — about 5 000 words of body in 40 paragraphs, headings, a 30-row table and a table row taller
 * than a page — paginates without losing or reordering a word, never writes below the bottom margin, and
 * follows the keep rules (widows/orphans, headings, closing + signature).
 */
import { describe, expect, it } from 'vitest';
import type { Block, Run } from '../../core/common/document/model.js';
import { loadLetterFonts } from '../../core/node/fonts.js';
import { fontMetricsFor } from '../../core/node/pdf/font-metrics.js';
import { layoutLetterPdf, writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { LETTER_GEOMETRY } from '../../core/node/pdf/letter-layout.js';
import type { DrawOp, TextOp } from '../../core/node/pdf/page-layout.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { sampleLetter } from '../support/sample-letter.js';

const VOCABULARY = (
  'le la les de du des un une et à pour par sur colis livraison transporteur commande remboursement conseiller ' +
  'réclamation appel promesse enquête ordinateur vendeur plateforme justificatif attestation gardien immeuble ' +
  'signature photographie responsabilité professionnelle consommateur délai supplémentaire résolution contrat ' +
  'indemnisation conformément régulariser procédure démarche interlocuteur extraordinairement incompréhensible ' +
  'non-réception ci-dessus 1\u202f299,00\u00a0€ n°\u00a0402-1234567-8901234 service-client@example.com «\u202flivré\u202f» ' +
  'L.\u00a0216\u20116 https://www.exemple.fr/suivi/colis'
).split(' ');

function pseudoRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s;
  };
}

/** 40 paragraphs of 125 words (some in bold), a heading every 8 paragraphs. */
function longBody(): { blocks: Block[]; words: string[] } {
  const next = pseudoRandom(7);
  const blocks: Block[] = [];
  const words: string[] = [];
  let n = 0;
  for (let p = 0; p < 40; p++) {
    if (p % 8 === 0) {
      const title = `Partie ${p / 8 + 1} : chronologie détaillée des événements`;
      blocks.push({ type: 'heading', runs: [{ text: title }] });
      words.push(...normaliseSpaces(title).split(' '));
    }
    const runs: Run[] = [];
    const paragraphWords: string[] = [];
    for (let w = 0; w < 125; w++, n++) {
      const word = n % 50 === 0 ? `repère${n}` : (VOCABULARY[next() % VOCABULARY.length] ?? 'mot');
      paragraphWords.push(word);
    }
    paragraphWords[paragraphWords.length - 1] += '.';
    // Every 9th word in bold: runs change font inside lines.
    paragraphWords.forEach((word, i) => {
      const text = (i === 0 ? '' : ' ') + word;
      runs.push(i % 9 === 4 ? { text, bold: true } : { text });
    });
    blocks.push({ type: 'paragraph', runs });
    // U+2011 is drawn (and extracted) as '-'.
    words.push(...normaliseSpaces(paragraphWords.join(' ')).replace(/\u2011/g, '-').split(' '));
  }
  return { blocks, words };
}

const cellWords = Array.from({ length: 600 }, (_, i) => `cellule${i}`);

function contactsTable(): Block {
  const cell = (text: string): Run[] => [{ text }];
  const rows = Array.from({ length: 30 }, (_, i) => [
    cell(`${String((i % 28) + 1).padStart(2, '0')}/10/2026`),
    cell(i % 2 ? 'Téléphone' : 'Courriel'),
    cell(`Conseiller ${i + 1}`),
    cell(`REF-${1000 + i} : il a fallu tout réexpliquer depuis le début, sans résultat.`),
  ]);
  rows.splice(15, 0, [cell('15/10/2026'), cell('Courrier'), cell('Service juridique'), cell(cellWords.join(' '))]);
  return {
    type: 'table',
    header: [cell('Date'), cell('Canal'), cell('Interlocuteur'), cell('Référence et résumé')],
    widths: [2, 2, 3, 6],
    rows,
  };
}

/** Tokens of the extracted letter, without footers and running headers; `lineEnd` marks the last of a line. */
function tokens(pages: string[]): { text: string; lineEnd: boolean }[] {
  const out: { text: string; lineEnd: boolean }[] = [];
  pages.forEach((page, p) => {
    const lines = page.split('\n');
    expect(lines.at(-1)).toBe(`${p + 1} / ${pages.length}`);
    lines.pop();
    if (p > 0) {
      expect(lines[0]).toMatch(/^M\. Jean Dupont — /);
      lines.shift();
    }
    for (const line of lines) {
      const parts = normaliseSpaces(line).split(' ').filter(Boolean);
      parts.forEach((t, i) => out.push({ text: t, lineEnd: i === parts.length - 1 }));
    }
  });
  return out;
}

/**
 * Checks that `expected` appears in `found` contiguously and in order. A word may only be rebuilt from pieces
 * that end a line: « procé- » + « dure » (hyphenation: the hyphen is dropped), « non- » + « réception » (a break
 * after a real hyphen), or pieces of a token broken by characters. Returns the number of hyphenations undone.
 */
function expectSameWords(found: { text: string; lineEnd: boolean }[], expected: string[]): number {
  const start = found.findIndex((_, k) => expected.slice(0, 6).every((w, d) => found[k + d]?.text === w));
  expect(start, 'start of the body not found').toBeGreaterThanOrEqual(0);
  let k = start;
  let hyphenations = 0;
  for (const [index, word] of expected.entries()) {
    let token = found[k];
    let acc = token?.text ?? '';
    k++;
    while (acc !== word && token?.lineEnd && word.length > acc.length) {
      const next = found[k];
      if (!next) break;
      if (acc.endsWith('-') && !word.startsWith(acc) && word.startsWith(acc.slice(0, -1))) {
        acc = acc.slice(0, -1);
        hyphenations++;
      }
      acc += next.text;
      token = next;
      k++;
    }
    if (acc !== word) {
      const context = found.slice(Math.max(0, k - 6), k + 3).map((t) => t.text).join(' ');
      expect.fail(`word ${index} « ${word} » not found in order; got « ${acc} » near: ${context}`);
    }
  }
  return hyphenations;
}

describe('a long letter', async () => {
  const body = longBody();
  const doc = sampleLetter({
    body: [...body.blocks, contactsTable(), { type: 'paragraph', runs: [{ text: 'Dernier paragraphe avant la formule de politesse, qui doit rester avec elle.' }] }],
  });
  const bytes = await writeLetterPdf(doc);
  const pdf = await extractPdf(bytes);
  const layout = layoutLetterPdf(doc);
  const metrics = fontMetricsFor(loadLetterFonts()).regular;

  it('paginates and numbers every page', () => {
    expect(pdf.pages.length).toBeGreaterThan(3);
    expect(layout.pages.length).toBe(pdf.pages.length);
    pdf.pages.forEach((page, i) => expect(page.split('\n').at(-1)).toBe(`${i + 1} / ${pdf.pages.length}`));
  });

  it('keeps every word of the body, in order', () => {
    const hyphenations = expectSameWords(tokens(pdf.pages), body.words);
    expect(hyphenations).toBeGreaterThan(0); // the check did meet hyphenated words
  });

  it('keeps every cell of the table, the header repeated on each page it spans', () => {
    const text = normaliseSpaces(pdf.text);
    for (let i = 0; i < 30; i++) expect(text).toContain(`REF-${1000 + i} : il a fallu`);
    const found = text.split(/\s+/).filter((t) => t.startsWith('cellule'));
    expect(found).toEqual(cellWords);
    const tablePages = pdf.pages.filter((p) => /REF-10\d\d|cellule\d/.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(3); // the tall row spans pages
    for (const page of tablePages) expect(page).toContain('Date Canal Interlocuteur Référence et résumé');
  });

  it('never draws below the bottom margin nor beyond the right margin', () => {
    const right = LETTER_GEOMETRY.pageWidth - LETTER_GEOMETRY.marginRight + 0.01;
    const bottom = layout.bodyBottom + 0.01;
    const lowest = (op: DrawOp): number => {
      switch (op.kind) {
        case 'text':
          return op.y - metrics.descent * op.size;
        case 'line':
          return Math.max(op.y1, op.y2);
        case 'rect':
          return op.y + op.height;
      }
    };
    for (const page of layout.pages) {
      for (const op of page.ops) {
        if (op.kind === 'text' && op.role === 'footer') {
          expect(op.y).toBeLessThan(layout.pageHeight);
          continue;
        }
        expect(lowest(op)).toBeLessThanOrEqual(bottom);
        if (op.kind === 'text') for (const f of op.fragments) expect(op.x + f.x + f.width).toBeLessThanOrEqual(right);
      }
    }
  });

  it('leaves no orphan or widow line, no heading or hyphenated word at the foot of a page', () => {
    const pagesOf = new Map<string, Map<number, number>>();
    const lines = new Map<string, number>();
    layout.pages.forEach((page, p) => {
      const body = page.ops.filter((op): op is TextOp => op.kind === 'text' && op.role === 'body');
      for (const op of body) {
        if (!op.paragraph) continue;
        const counts = pagesOf.get(op.paragraph.id) ?? new Map<number, number>();
        counts.set(p, (counts.get(p) ?? 0) + 1);
        pagesOf.set(op.paragraph.id, counts);
        lines.set(op.paragraph.id, op.paragraph.lines);
      }
      const last = body.at(-1);
      if (p < layout.pages.length - 1 && last) {
        expect(last.size, 'a heading ends the page').not.toBe(11);
        expect(last.paragraph?.hyphenated, 'a hyphenated word is split across pages').not.toBe(true);
      }
    });
    let split = 0;
    for (const [id, counts] of pagesOf) {
      const n = lines.get(id) ?? 0;
      if (counts.size > 1) {
        split++;
        expect(n, `paragraph ${id} of ${n} lines split`).toBeGreaterThanOrEqual(4);
        for (const c of counts.values()) expect(c).toBeGreaterThanOrEqual(2);
      }
    }
    expect(split).toBeGreaterThan(0);
  });

  it('keeps the closing, the signature and the two lines before them on one page', () => {
    const last = pdf.pages.at(-1) ?? '';
    expect(last).toContain('avant la formule de politesse, qui doit rester avec elle.');
    expect(last).toContain('salutations distinguées');
    expect(last.indexOf('\nJean Dupont\n')).toBeGreaterThan(last.indexOf('salutations distinguées'));
  });
});
