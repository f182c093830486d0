/**
 * PDF exhibits, in the evidence worker: parsed and copied once into a scratch document, so that a file pdf-lib
 * cannot read (or would take forever to read) is found here, where the worker can be stopped, and never in the
 * dossier's own process. pdf-lib refuses any file with an /Encrypt dictionary (even « owner password » only
 * files that open without a password): those are reported as protected.
 */
import type { PDFDocument } from 'pdf-lib';
import { pdfLib } from '../pdf/cjs-libraries.js';
import { EvidenceProblem } from './problem.js';

export class PdfProblem extends EvidenceProblem {}

export const ENCRYPTED_PDF = 'le PDF est protégé par un mot de passe';

/** Number of pages of a PDF that can be merged into the dossier; throws PdfProblem otherwise. */
export async function checkPdf(bytes: Uint8Array): Promise<number> {
  let doc: PDFDocument;
  try {
    doc = await pdfLib.PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    // pdf-lib's errors are ES5 classes: `instanceof EncryptedPDFError` is always false; its message is stable.
    if (e instanceof Error && /is encrypted/.test(e.message)) throw new PdfProblem(ENCRYPTED_PDF, { attach: true });
    throw new PdfProblem('le PDF est endommagé ou tronqué (illisible)');
  }
  let count: number;
  try {
    count = doc.getPageCount();
    if (count > 0) {
      const scratch = await pdfLib.PDFDocument.create({ updateMetadata: false });
      await scratch.copyPages(doc, doc.getPageIndices());
    }
  } catch {
    throw new PdfProblem('le PDF est endommagé ou tronqué (pages illisibles)');
  }
  if (count === 0) throw new PdfProblem('le PDF ne contient aucune page lisible');
  return count;
}
