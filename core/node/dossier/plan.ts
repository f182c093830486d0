/**
 * What each exhibit becomes in the dossier, decided before anything is drawn: its pages (drawn by us, photos, or
 * copied from a PDF), the files attached to the PDF for it, its line of the bordereau, and the warnings for the
 * user. Page counts are exact here, so the bordereau can list them.
 */
import { PDFDocument } from 'pdf-lib';
import { formatLongDate } from '../../common/format/dates.js';
import { isExecutable } from '../evidence/executable.js';
import { formatSize } from '../evidence/format.js';
import { ENCRYPTED_PDF } from '../evidence/pdf-check.js';
import type { ImageFrame } from '../evidence/types.js';
import type { DrawOp } from '../pdf/page-layout.js';
import type { BordereauEntry } from './bordereau.js';
import type { DossierText } from './canvas.js';
import { attachmentPages, emailPages, pieceLabel, placeholderPages, textPages } from './exhibit-pages.js';
import type { ExhibitInfo } from './exhibit-pages.js';
import type { PreparedExhibit } from './prepare.js';
import { displayFileName } from '../../common/format/display-name.js';

export type ExhibitPages =
  | { kind: 'drawn'; pages: DrawOp[][] }
  | { kind: 'image'; frames: ImageFrame[] }
  | { kind: 'pdf'; source: PDFDocument; pageCount: number };

export interface FileAttachment {
  name: string;
  bytes: Uint8Array;
  mediaType: string;
  description: string;
}

export interface PlannedExhibit {
  info: ExhibitInfo;
  pages: ExhibitPages;
  pageCount: number;
  attachments: FileAttachment[];
  entry: BordereauEntry;
  warnings: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Attachment names sort in exhibit order and say which exhibit they belong to. */
function attachmentName(number: number, name: string): string {
  // Characters no file system accepts in a name (control characters included) become '_'.
  const safe = [...name].map((ch) => (/[\\/:*?"<>|]/.test(ch) || ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  return `piece-${pad(number)}-${safe}`;
}

function hint(reason: string): string {
  if (reason === ENCRYPTED_PDF) {
    return ' Ouvrez-le avec son mot de passe, enregistrez-en une copie sans protection (Imprimer → Enregistrer au format PDF) et remplacez la pièce.';
  }
  if (reason === 'fichier introuvable') return ' Vérifiez le chemin du fichier (il est relatif au fichier du dossier).';
  return '';
}

export async function planExhibit(text: DossierText, item: PreparedExhibit, attachOriginals: boolean): Promise<PlannedExhibit> {
  const { exhibit, fileName, prepared } = item;
  const { report, content, original } = prepared;
  const who = `${pieceLabel(exhibit.number)} (« ${fileName} »)`;
  const warnings: string[] = [];
  const attachments: FileAttachment[] = [];
  const description = `${pieceLabel(exhibit.number)} — ${exhibit.title}`;
  const attachOriginal = () => {
    if (original && !attachments.some((a) => a.bytes === original)) {
      attachments.push({ name: attachmentName(exhibit.number, fileName), bytes: original, mediaType: report.mediaType || 'application/octet-stream', description });
    }
  };

  const takenAt = report.takenAt ?? undefined;
  const date = exhibit.date ?? takenAt;
  const info: ExhibitInfo = {
    number: exhibit.number,
    title: exhibit.title,
    ...(exhibit.note ? { note: exhibit.note } : {}),
    ...(date ? { date } : {}),
    ...(!exhibit.date && takenAt ? { dateFromExif: true } : {}),
    fileName,
    report,
  };
  if (exhibit.date && takenAt && exhibit.date !== takenAt) {
    warnings.push(`${who} : la date indiquée (${formatLongDate(exhibit.date)}) diffère de la date de prise de vue de la photo (${formatLongDate(takenAt)}).`);
  }
  for (const problem of report.problems) if (problem !== report.unreadable) warnings.push(`${who} : ${problem}.`);

  let pages: ExhibitPages;
  let held: string[] = [];
  let status: string | undefined;
  const placeholder = (reason: string, attach: boolean) => {
    if (attach) attachOriginal();
    warnings.unshift(`${who} non reproduite : ${reason}.${hint(reason)}`);
    status = `non reproduite : ${reason}${attach && original ? ' (fichier joint au PDF)' : ''}`;
    return { kind: 'drawn' as const, pages: placeholderPages(text, info, reason, attach && original !== undefined) };
  };

  switch (content.kind) {
    case 'image':
      pages = { kind: 'image', frames: content.frames };
      break;
    case 'pdf': {
      // Only the copy cleaned in the worker is ever read: the original may carry scripts, actions or files.
      let source: PDFDocument | undefined;
      try {
        if (content.clean) source = await PDFDocument.load(content.clean, { updateMetadata: false });
      } catch {
        source = undefined;
      }
      if (content.removed && content.removed.length > 0) {
        warnings.push(`${who} : contenu actif retiré du PDF (${content.removed.join(', ')}) ; seules les pages sont reproduites.`);
      }
      pages = source ? { kind: 'pdf', source, pageCount: source.getPageCount() } : placeholder('le PDF est endommagé ou illisible', false);
      break;
    }
    case 'text':
      if (content.truncated) {
        attachOriginal();
        status = 'début reproduit, fichier complet joint au PDF';
      }
      pages = { kind: 'drawn', pages: textPages(text, info, content.text, content.truncated) };
      break;
    case 'email':
      if (content.truncated) {
        attachOriginal();
        status = 'début reproduit, fichier complet joint au PDF';
      }
      content.attachments.forEach((a, i) => {
        if (!attachOriginals && isExecutable(a.name, a.mediaType, a.bytes)) return;
        attachments.push({ name: attachmentName(exhibit.number, `pj${i + 1}-${displayFileName(a.name)}`), bytes: a.bytes, mediaType: a.mediaType, description: `${description} : pièce jointe du message « ${displayFileName(a.name)} »` });
      });
      held = content.attachments.filter((a) => !attachOriginals && isExecutable(a.name, a.mediaType, a.bytes)).map((a) => displayFileName(a.name));
      if (held.length > 0) {
        warnings.push(`${who} : ${held.length === 1 ? 'la pièce jointe' : 'les pièces jointes'} ${held.map((n) => `« ${n} »`).join(', ')} du message, ${held.length === 1 ? 'un fichier exécutable, est listée' : 'des fichiers exécutables, sont listées'} mais pas jointe${held.length === 1 ? '' : 's'} au PDF (--attach-originals pour les joindre).`);
      }
      pages = {
        kind: 'drawn',
        pages: emailPages(text, info, {
          headers: content.headers,
          text: content.text,
          truncated: content.truncated,
          attachments: content.attachments.map((a) => ({ name: displayFileName(a.name), mediaType: a.mediaType, size: a.bytes.byteLength, held: held.includes(displayFileName(a.name)) })),
        }),
      };
      break;
    case 'other': {
      const executable = original !== undefined && isExecutable(fileName, report.mediaType, original);
      if (executable && !attachOriginals) {
        status = `non jointe : ${report.label}, fichier exécutable`;
        warnings.push(`${who} : fichier exécutable (${report.label}, ${formatSize(report.size)}) : il est listé mais pas joint au PDF (--attach-originals pour le joindre).`);
      } else {
        attachOriginal();
        status = `jointe au PDF : ${report.label}, non imprimable`;
        warnings.push(`${who} : ${report.label} (${formatSize(report.size)}), non imprimable : le fichier est joint au PDF, une page le signale.`);
      }
      pages = { kind: 'drawn', pages: attachmentPages(text, info, !(executable && !attachOriginals)) };
      break;
    }
    case 'unreadable':
      // A protected PDF cannot be cleaned of active content: it is embedded only when the originals are asked for.
      pages = placeholder(content.reason, content.attach && attachOriginals);
      break;
  }
  if (attachOriginals) attachOriginal();

  const pageCount = pages.kind === 'drawn' ? pages.pages.length : pages.kind === 'image' ? pages.frames.length : pages.pageCount;
  const entry: BordereauEntry = {
    number: exhibit.number,
    title: exhibit.title,
    ...(exhibit.note ? { note: exhibit.note } : {}),
    ...(date ? { date } : {}),
    ...(info.dateFromExif ? { dateFromExif: true } : {}),
    pages: pageCount,
    fileName,
    sha256: report.sha256,
    ...(status ? { status } : {}),
  };
  return { info, pages, pageCount, attachments, entry, warnings };
}
