/** Stamps on pages of every rotation and crop box: always upright, in the corner the reader expects. */
import { describe, expect, it } from 'vitest';
import { PDFDocument, concatTransformationMatrix, degrees } from 'pdf-lib';
import { DossierCanvas } from '../../core/node/dossier/canvas.js';
import { displaySize } from '../../core/node/dossier/page-frame.js';
import { stampPage } from '../../core/node/dossier/stamps.js';
import { normaliseSpaces } from '../support/pdf-text.js';
import { extractPdf } from '../support/pdf-text.js';
import { textDirection } from '../support/fixtures-dossier.js';

async function stampedPages(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const canvas = await DossierCanvas.create(doc);
  for (const rotation of [0, 90, 180, 270, -90, 450]) {
    const page = doc.addPage([420, 600]);
    // A crop box away from the origin, as scanners write them.
    page.setMediaBox(0, 0, 500, 700);
    page.setCropBox(40, 60, 420, 600);
    page.setRotation(degrees(rotation));
    stampPage(canvas, page, { piece: `Pièce n° 3 — page 1 / ${rotation}`, folio: `Dossier — page 7 / ${rotation}` });
  }
  return doc.save();
}

describe('stampPage', () => {
  it('writes the stamps upright, the piece at the top right and the folio at the bottom right, whatever the rotation', async () => {
    const bytes = await stampedPages();
    const rotations = [0, 90, 180, 270, -90, 450];
    for (const [i, rotation] of rotations.entries()) {
      const piece = await textDirection(bytes, i + 1, `Pièce n° 3 — page 1 / ${rotation}`);
      const folio = await textDirection(bytes, i + 1, `Dossier — page 7 / ${rotation}`);
      expect(piece.angles, `rotation ${rotation}`).toEqual([0]);
      expect(folio.angles, `rotation ${rotation}`).toEqual([0]);
      // Screen coordinates, y down: top right, and bottom right.
      const [p] = piece.origins;
      const [f] = folio.origins;
      expect(p && p.x > piece.width / 2 && p.y < piece.height * 0.1, `rotation ${rotation}: ${JSON.stringify(p)}`).toBe(true);
      expect(f && f.x > folio.width / 2 && f.y > folio.height * 0.9, `rotation ${rotation}: ${JSON.stringify(f)}`).toBe(true);
      // Inside the visible (cropped) page.
      expect(p && p.x > 0 && p.x < piece.width && p.y > 0).toBe(true);
      const turned = ((rotation % 360) + 360) % 180 !== 0;
      expect([piece.width, piece.height]).toEqual(turned ? [600, 420] : [420, 600]);
    }
  });

  it('is not moved by a page whose content leaves its graphics state changed', async () => {
    // A producer that scales its drawing and never restores the state (no q … Q around it).
    const source = await PDFDocument.create();
    source.addPage([595, 842]).pushOperators(concatTransformationMatrix(0.25, 0, 0, 0.25, 0, 0));
    const copy = await PDFDocument.create();
    const canvas = await DossierCanvas.create(copy);
    const [page] = await copy.copyPages(await PDFDocument.load(await source.save()), [0]);
    if (!page) throw new Error('no page');
    stampPage(canvas, copy.addPage(page), { piece: 'Pièce n° 1 — page 1 / 1', folio: 'Dossier — page 3 / 3' });
    const placed = await textDirection(await copy.save(), 1, 'Pièce n° 1 — page 1 / 1');
    const [origin] = placed.origins;
    expect(origin && origin.x > 595 / 2 && origin.y < 842 * 0.1, JSON.stringify(origin)).toBe(true);
  });

  it('measures pages as shown', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([420, 600]);
    page.setRotation(degrees(270));
    expect(displaySize(page)).toEqual({ width: 600, height: 420 });
  });

  it('is read back as text by a PDF reader', async () => {
    const text = normaliseSpaces((await extractPdf(await stampedPages())).pages[1] ?? '');
    expect(text).toContain('Pièce n° 3 — page 1 / 90');
    expect(text).toContain('Dossier — page 7 / 90');
  });
});
