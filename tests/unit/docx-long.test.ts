import { describe, expect, it } from 'vitest';
import type { Block } from '../../core/common/document/model.js';
import { writeLetterDocx } from '../../core/node/docx/index.js';
import { extractDocx } from '../support/docx-text.js';
import { fixtureLetter } from './docx-fixture.js';

const WORDS = ['délivrance', 'colis', 'remboursement', 'transporteur', 'l’article', 'consommateur', 'à', 'défaut', 'n°\u00a0402', '1\u202f249,00\u202f€'];

function longBody(): { body: Block[]; words: string[] } {
  const words: string[] = [];
  const body: Block[] = [];
  for (let p = 0; p < 50; p++) {
    const paragraph = Array.from({ length: 100 }, (_, i) => `${WORDS[(p + i) % WORDS.length]}${p}x${i}`);
    words.push(...paragraph);
    body.push({ type: 'paragraph', runs: [{ text: paragraph.slice(0, 50).join(' ') + ' ' }, { text: paragraph.slice(50).join(' '), italic: p % 2 === 0 }] });
    if (p === 25) {
      body.push({
        type: 'table',
        header: [[{ text: 'N°' }], [{ text: 'Date' }], [{ text: 'Montant' }]],
        rows: Array.from({ length: 30 }, (_, r) => [[{ text: `ligne ${r + 1}` }], [{ text: `${r + 1} octobre 2026` }], [{ text: `${r + 1},00\u202f€` }]]),
        widths: [1, 2, 1],
      });
    }
  }
  return { body, words };
}

describe('writeLetterDocx: a long document', () => {
  it('keeps every one of 5 000 words, in order, and every row of a 30-row table', async () => {
    const { body, words } = longBody();
    expect(words).toHaveLength(5000);
    const docx = await extractDocx(await writeLetterDocx(fixtureLetter({ body })));
    const bodyWords = docx.paragraphs
      .filter((p) => p.style === 'Corps')
      .flatMap((p) => p.text.split(' '))
      .filter((w) => w !== '');
    expect(bodyWords).toEqual(words);
    const cells = docx.paragraphs.filter((p) => p.style === 'Tableau').map((p) => p.text);
    expect(cells).toHaveLength(90);
    for (let r = 1; r <= 30; r++) expect(cells).toContain(`${r},00\u202f€`);
    expect(docx.paragraphs.filter((p) => p.style === 'TableauEntete').map((p) => p.text)).toEqual(['N°', 'Date', 'Montant']);
  });
});
