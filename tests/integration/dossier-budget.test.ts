/** --max-size: photos are reduced until the dossier fits; when it cannot, the dossier says by how much. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDossier, type DossierResult } from '../../core/node/dossier/index.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { mediumPhoto, simplePdf } from '../support/fixtures-evidence.js';
import { caseWith, letterFor, pageCount, pageImages } from '../support/fixtures-dossier.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-budget-'));
const c = caseWith([
  { file: 'p1.jpg', title: 'Photo du carton' },
  { file: 'p2.jpg', title: 'Photo de l’étiquette' },
  { file: 'p3.jpg', title: 'Photo du bordereau de livraison' },
  { file: 'facture.pdf', title: 'Facture' },
]);
let letter: Awaited<ReturnType<typeof letterFor>>;
let free: DossierResult;

const build = (maxSize?: number) =>
  assembleDossier({ caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25', ...(maxSize ? { maxSize } : {}) });

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  for (const name of ['p1.jpg', 'p2.jpg', 'p3.jpg']) writeFileSync(join(dir, name), await mediumPhoto());
  writeFileSync(join(dir, 'facture.pdf'), await simplePdf('FACTURE'));
  letter = await letterFor(c);
  free = await build();
}, 60_000);

describe('size budget', () => {
  it('keeps print quality and says so when the dossier already fits', async () => {
    const r = await build(free.dossierPdf.byteLength + 1000);
    expect(normaliseSpaces(r.chosen ?? '')).toMatch(/^Limite de .* respectée sans réduction : photos à 200 dpi, qualité JPEG 80 ; dossier de /);
    expect(r.overBy).toBeUndefined();
  });

  it('reduces the photos until the dossier fits, and says what it chose', async () => {
    const limit = Math.floor(free.dossierPdf.byteLength * 0.5);
    const r = await build(limit);
    expect(r.dossierPdf.byteLength).toBeLessThanOrEqual(limit);
    expect(r.overBy).toBeUndefined();
    expect(normaliseSpaces(r.chosen ?? '')).toMatch(/^Pour tenir dans [\d,]+ Ko : photos à 1\d\d dpi, qualité JPEG \d\d \(compression optimisée\) ; dossier de [\d,]+ Ko\.$/);
    // Same pages, same stamps: only the photos' resolution changed.
    expect(await pageCount(r.dossierPdf)).toBe(await pageCount(free.dossierPdf));
    const first = (await pageCount(letter.pdf)) + (await pageCount(r.bordereauPdf));
    const [before] = await pageImages(free.dossierPdf, first);
    const [after] = await pageImages(r.dossierPdf, first);
    expect(after && before && after.width < before.width).toBe(true);
    const text = normaliseSpaces((await extractPdf(r.dossierPdf)).pages[first] ?? '');
    expect(text).toContain('Pièce n° 1 — page 1 / 1');
  });

  it('still writes the dossier when it cannot fit, and says by how much', async () => {
    const r = await build(20_000);
    expect(r.overBy).toBe(r.dossierPdf.byteLength - 20_000);
    expect(normaliseSpaces(r.chosen ?? '')).toMatch(/^Limite de 20 Ko impossible à tenir : photos à 200 dpi, qualité JPEG 80/);
    expect(normaliseSpaces(r.overBudget ?? '')).toMatch(/^Le dossier pèse [\d,]+ Ko : il dépasse de [\d,]+ Ko la limite de 20 Ko\. Même avec les photos au plus bas \(100 dpi\), il pèserait environ [\d,]+ Ko/);
    // Photos are not degraded for nothing: print quality, as without a limit.
    const first = (await pageCount(letter.pdf)) + (await pageCount(r.bordereauPdf));
    const [kept] = await pageImages(r.dossierPdf, first);
    const [printed] = await pageImages(free.dossierPdf, first);
    expect(kept?.data.byteLength).toBe(printed?.data.byteLength);
  });
});
