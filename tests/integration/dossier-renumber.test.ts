/**
 * Exhibit numbers never drift: reordering the evidence list renumbers together the letter's citations
 * (`{{piece "key"}}`), its list of enclosures, the bordereau, the stamps and the bookmarks.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDossier } from '../../core/node/dossier/index.js';
import type { CaseFile } from '../../core/common/case/schema.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { messageExport, photoOrientation6, simplePdf } from '../support/fixtures-evidence.js';
import { caseWith, citingTemplate, letterFor, pageCount, pdfOutline } from '../support/fixtures-dossier.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-renumber-'));
const template = citingTemplate(
  'Voir la facture {{piece "facture"}}, la photo du carton {{piece "photo"}} et la conversation {{piece "conversation"}}.',
);
const EVIDENCE: NonNullable<CaseFile['evidence']> = [
  { id: 'facture', file: 'pieces/facture.pdf', title: 'Facture', date: '2026-09-28' },
  { id: 'photo', file: 'pieces/carton.jpg', title: 'Photo du carton vide' },
  { id: 'conversation', file: 'pieces/chat.txt', title: 'Conversation avec le service client', date: '2026-10-02' },
];

async function dossierFor(evidence: NonNullable<CaseFile['evidence']>) {
  const c = caseWith(evidence);
  const letter = await letterFor(c, template);
  const result = await assembleDossier({ caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25' });
  const pages = (await extractPdf(result.dossierPdf)).pages.map(normaliseSpaces);
  // The letter read as one line: its paragraphs wrap.
  const letterText = normaliseSpaces((await extractPdf(letter.pdf)).text.replace(/\n/g, ' '));
  const bordereau = normaliseSpaces((await extractPdf(result.bordereauPdf)).text);
  const firstExhibitPage = (await pageCount(letter.pdf)) + (await pageCount(result.bordereauPdf));
  return { result, pages, letterText, bordereau, firstExhibitPage, outline: await pdfOutline(result.dossierPdf) };
}

beforeAll(async () => {
  mkdirSync(join(dir, 'pieces'));
  writeFileSync(join(dir, 'pieces/facture.pdf'), await simplePdf('FACTURE 2026-118'));
  writeFileSync(join(dir, 'pieces/carton.jpg'), await photoOrientation6());
  writeFileSync(join(dir, 'pieces/chat.txt'), messageExport());
});

describe('renumbering after a reorder', () => {
  it('numbers in case order everywhere', async () => {
    const d = await dossierFor(EVIDENCE);
    expect(d.letterText).toContain('Voir la facture (pièce n° 1), la photo du carton (pièce n° 2) et la conversation (pièce n° 3).');
    expect(d.letterText).toContain('Pièce n° 1 : Facture');
    expect(d.bordereau).toMatch(/\n1 Facture 28\/09\/2026 2 facture\.pdf\n/);
    const facture = d.pages[d.firstExhibitPage] ?? '';
    expect(facture).toContain('FACTURE 2026-118 page 1');
    expect(facture).toContain('Pièce n° 1 — page 1 / 2');
    expect(d.pages[d.firstExhibitPage + 2]).toContain('Pièce n° 2 — page 1 / 1');
    expect(d.pages[d.firstExhibitPage + 2]).toContain('Pièce n° 2 — Photo du carton vide');
  });

  it('moves every number together when the list is reordered', async () => {
    const [facture, photo, conversation] = EVIDENCE;
    if (!facture || !photo || !conversation) throw new Error('fixture');
    const d = await dossierFor([conversation, photo, facture]);

    // The letter cites by key: the numbers follow the new order.
    expect(d.letterText).toContain('Voir la facture (pièce n° 3), la photo du carton (pièce n° 2) et la conversation (pièce n° 1).');
    expect(d.letterText).toContain('Pièce n° 1 : Conversation avec le service client');
    expect(d.letterText).toContain('Pièce n° 3 : Facture');

    // The bordereau lists them in the new order, with their fingerprints.
    expect(d.bordereau).toMatch(/\n1 Conversation avec le service client 02\/10\/2026 1 chat\.txt\n/);
    expect(d.bordereau).toMatch(/\n3 Facture 28\/09\/2026 2 facture\.pdf\n/);
    expect(d.bordereau.indexOf('Conversation avec')).toBeLessThan(d.bordereau.indexOf('Photo du carton'));

    // The stamps: the invoice is now pièce n° 3, its pages last.
    const first = d.firstExhibitPage;
    expect(d.pages[first]).toContain('Pièce n° 1 — page 1 / 1');
    expect(d.pages[first]).toContain('Pièce n° 1 — Conversation avec le service client');
    expect(d.pages[first + 1]).toContain('Pièce n° 2 — page 1 / 1');
    expect(d.pages[first + 2]).toContain('FACTURE 2026-118 page 1');
    expect(d.pages[first + 2]).toContain('Pièce n° 3 — page 1 / 2');
    expect(d.pages[first + 3]).toContain('Pièce n° 3 — page 2 / 2');
    expect(d.pages.length).toBe(first + 4);

    // And the bookmarks.
    expect(d.outline.slice(2).map((o) => [normaliseSpaces(o.title), o.page])).toEqual([
      ['Pièce n° 1 — Conversation avec le service client', first + 1],
      ['Pièce n° 2 — Photo du carton vide', first + 2],
      ['Pièce n° 3 — Facture', first + 3],
    ]);
  });
});
