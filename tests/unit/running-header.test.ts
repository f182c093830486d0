/**
 * The running header of pages 2+ (« sender — subject ») stays on one line in both writers: a long subject is cut
 * with « … » at the same place in the PDF and in the DOCX, where Word would otherwise wrap it onto a second line
 * and push every later page's text down.
 */
import { describe, expect, it } from 'vitest';
import { runningHeaderText } from '../../core/common/document/page-geometry.js';
import { writeLetterDocx } from '../../core/node/docx/index.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { extractDocx } from '../support/docx-text.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { fixtureLetter } from './docx-fixture.js';

const LONG_SUBJECT =
  'Mise en demeure de livrer ou de rembourser — commande n° 402-7719254-3381946 du 28 septembre 2026, ' +
  'ordinateur portable Lenovo IdeaPad Slim 5 indiqué livré le 2 octobre 2026 mais jamais reçu, après six contacts';

async function headers(subject?: string): Promise<{ full: string; docx: string[]; pdfPage2: string }> {
  const letter = fixtureLetter(subject === undefined ? {} : { subject });
  const docx = await extractDocx(await writeLetterDocx(letter));
  const pdf = await extractPdf(await writeLetterPdf(letter));
  expect(pdf.pages.length).toBeGreaterThan(1);
  return { full: runningHeaderText(letter.sender, letter.subject), docx: docx.headerTexts, pdfPage2: pdf.pages[1]!.split('\n')[0]! };
}

describe('running header of pages 2+', () => {
  it('is written whole when it fits on the line, in both writers', async () => {
    const { full, docx, pdfPage2 } = await headers('Mise en demeure de livrer');
    expect(docx).toEqual([full]);
    expect(normaliseSpaces(pdfPage2)).toBe(normaliseSpaces(full));
  });

  it('is cut with « … » at the same character in the DOCX as in the PDF when the subject is long', async () => {
    const { full, docx, pdfPage2 } = await headers(LONG_SUBJECT);
    expect(docx).toHaveLength(1);
    const cut = docx[0]!;
    expect(cut.endsWith('\u2026')).toBe(true);
    expect(full.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut.length).toBeLessThan(full.length);
    expect(normaliseSpaces(pdfPage2)).toBe(normaliseSpaces(cut));
  });
});
