/**
 * The dossier PDF: the letter, the bordereau, then every exhibit in case order; each exhibit page stamped
 * « Pièce n° N — page i / n », every page numbered « Dossier — page k / T », one bookmark per part, and the files
 * that cannot be printed (or all originals, on request) attached. Pages of PDF exhibits are copied with
 * copyPages, which keeps their /Rotate; stamps are drawn in each page's display frame (see page-frame.ts).
 */
import { PDFDocument } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';
import type { ImageFrame } from '../evidence/types.js';
import { DossierCanvas } from './canvas.js';
import type { DossierText } from './canvas.js';
import { addImagePages, pieceLabel, placeholderPages } from './exhibit-pages.js';
import { A4 } from './geometry.js';
import { addOutline, type OutlineEntry } from './outline.js';
import type { PlannedExhibit } from './plan.js';
import { dossierFolio, pieceStamp, stampPage } from './stamps.js';
import { BORDEREAU_TITLE } from './bordereau.js';

export interface BuildInput {
  letterPdf: Uint8Array;
  letterTitle: string;
  bordereauPdf: Uint8Array;
  exhibits: readonly PlannedExhibit[];
  /** Photo frames to use instead of the planned ones (size budget), by exhibit index. */
  frames?: ReadonlyMap<number, ImageFrame[]>;
  meta: { title: string; author: string };
  text: DossierText;
  /** Called once per exhibit placed (progress). */
  onExhibit?: (index: number) => void;
  /** Problems met while building, French. */
  warnings: string[];
}

interface Part {
  pages: PDFPage[];
  outline: string;
  piece?: number;
}

async function copyAll(doc: PDFDocument, bytes: Uint8Array): Promise<PDFPage[]> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  return (await doc.copyPages(source, source.getPageIndices())).map((p) => doc.addPage(p));
}

export async function buildDossierPdf(input: BuildInput): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const doc = await PDFDocument.create();
  const canvas = await DossierCanvas.create(doc, input.text);
  const parts: Part[] = [
    { pages: await copyAll(doc, input.letterPdf), outline: `Lettre — ${input.letterTitle}` },
    { pages: await copyAll(doc, input.bordereauPdf), outline: BORDEREAU_TITLE },
  ];

  for (const [index, exhibit] of input.exhibits.entries()) {
    const pages: PDFPage[] = [];
    const drawn = (ops: ReturnType<typeof placeholderPages>) => {
      for (const pageOps of ops) {
        const page = doc.addPage([A4.width, A4.height]);
        canvas.draw(page, pageOps);
        pages.push(page);
      }
    };
    const plan = exhibit.pages;
    if (plan.kind === 'drawn') drawn(plan.pages);
    else if (plan.kind === 'image') pages.push(...(await addImagePages(doc, canvas, exhibit.info, input.frames?.get(index) ?? plan.frames)));
    else {
      try {
        const copied = await doc.copyPages(plan.source, plan.source.getPageIndices());
        for (const page of copied) pages.push(doc.addPage(page));
      } catch {
        // The worker copied these pages without trouble; should this copy fail all the same, keep the numbering.
        const reason = 'le PDF n’a pas pu être recopié';
        input.warnings.push(`${pieceLabel(exhibit.info.number)} (« ${exhibit.info.fileName} ») non reproduite : ${reason}.`);
        const placeholder = placeholderPages(input.text, exhibit.info, reason, false)[0] ?? [];
        drawn(Array.from({ length: plan.pageCount }, () => placeholder));
      }
    }
    parts.push({ pages, outline: `${pieceLabel(exhibit.info.number)} — ${exhibit.info.title}`, piece: exhibit.info.number });
    input.onExhibit?.(index);
  }

  const total = parts.reduce((n, p) => n + p.pages.length, 0);
  let folio = 0;
  const outline: OutlineEntry[] = [];
  for (const part of parts) {
    const first = part.pages[0];
    if (first) outline.push({ title: part.outline, page: first });
    part.pages.forEach((page, i) => {
      folio++;
      stampPage(canvas, page, {
        ...(part.piece !== undefined ? { piece: pieceStamp(part.piece, i + 1, part.pages.length) } : {}),
        folio: dossierFolio(folio, total),
      });
    });
  }
  addOutline(doc, outline);

  for (const exhibit of input.exhibits) {
    for (const a of exhibit.attachments) {
      await doc.attach(a.bytes, a.name, { mimeType: a.mediaType, description: a.description });
    }
  }

  doc.setTitle(input.meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(input.meta.author);
  doc.setSubject(input.letterTitle);
  doc.setLanguage('fr-FR');
  doc.setCreator('Recours');
  doc.setProducer('Recours');
  const bytes = await doc.save({ objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pageCount: total };
}
