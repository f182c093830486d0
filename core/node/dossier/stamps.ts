/**
 * The dossier's numbering on every page, in the margin of the page as the reader sees it (rotation and crop box
 * taken into account): « Pièce n° N — page i / n » at the top right of each exhibit page, and the dossier's own
 * page number « Dossier — page k / T » at the bottom right of every page.
 */
import type { PDFPage } from 'pdf-lib';
import type { DossierCanvas } from './canvas.js';
import { EXHIBIT_PAGE } from './geometry.js';
import { displaySize } from './page-frame.js';
import { pieceLabel } from './exhibit-pages.js';

const PIECE_SIZE = 8.5;
const FOOTER_SIZE = 7.5;

/** « Pièce n° 3 — page 1 / 2 » (plain spaces around the slash: every extractor reads it back). */
export function pieceStamp(number: number, page: number, pages: number): string {
  return `${pieceLabel(number)} — page ${page} / ${pages}`;
}

export function dossierFolio(page: number, pages: number): string {
  return `Dossier — page ${page} / ${pages}`;
}

export function stampPage(canvas: DossierCanvas, page: PDFPage, stamp: { piece?: string; folio: string }): void {
  const { width, height } = displaySize(page);
  // Small pages (receipts, tickets) get the stamps closer to their edges.
  const inset = Math.min(EXHIBIT_PAGE.stampInset, width * 0.04, height * 0.04);
  if (stamp.piece) {
    canvas.label(page, stamp.piece, { x: width - inset, y: height - inset - PIECE_SIZE, size: PIECE_SIZE, style: 'bold', alignRight: true, boxed: true });
  }
  canvas.label(page, stamp.folio, { x: width - inset, y: inset + 2, size: FOOTER_SIZE, gray: 0.3, alignRight: true, boxed: stamp.piece !== undefined });
}
