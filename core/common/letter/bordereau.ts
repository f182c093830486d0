/**
 * The « Bordereau des pièces jointes » (title used before any lawsuit, see legal-facts-fr.md §4.2) as a document
 * of the letter model: the same PDF and DOCX writers, French typography, page numbers « k / n », sender and
 * recipient blocks, date and signature (a bordereau is dated and signed). Its body is two tables: the exhibits
 * (number, title and description, date, pages, original file name) and their SHA-256 fingerprints, on one line
 * each so that they can be read and compared. Pure: composed beside the letters, from the same sender block.
 */
import type { CaseFile } from '../case/schema.js';
import type { Block, LetterDocument, Run } from '../document/model.js';
import { formatLongDate, formatShortDate } from '../format/dates.js';
import { frenchTypography } from '../format/typography.js';
import { buildView } from '../templates/view-model.js';
import { placeDateLine, recipientBlock, senderBlock } from './compose.js';
import { recipientOf } from './recipients.js';

export interface BordereauEntry {
  number: number;
  title: string;
  note?: string;
  /** ISO date of the exhibit: the case's, else the date the photo was taken. */
  date?: string;
  dateFromExif?: boolean;
  /** Pages the exhibit occupies in the dossier. */
  pages: number;
  fileName: string;
  /** '' when the file could not be read. */
  sha256: string;
  /** What the reader should know: « non reproduite : … », « vidéo jointe au PDF »… (French, lower case). */
  status?: string;
}

export const BORDEREAU_TITLE = 'Bordereau des pièces jointes';

const cell = (text: string, extra: Partial<Run> = {}): Run[] => [{ text: frenchTypography(text), ...extra }];

export function composeBordereau(c: CaseFile, entries: readonly BordereauEntry[], options: { letterTitle: string; today: string }): LetterDocument {
  const view = buildView(c, { today: options.today, defaultResponseDays: 8 });
  const date = view.letter.date;
  // Addressed to the professional (the dossier request does not say which letter it goes with).
  const to = recipientOf(c, { recipient: 'respondent' });
  if (!to) throw new Error('Le professionnel (respondent) n’est pas renseigné dans le dossier.');

  const count = entries.length;
  const intro: Block = {
    type: 'paragraph',
    runs: cell(
      count === 0
        ? 'Aucune pièce n’est jointe à cette lettre.'
        : `${count === 1 ? 'Une pièce est jointe' : `${count} pièces sont jointes`} à ma lettre du ${formatLongDate(date)}. ` +
          `Chaque page reproduite porte la mention « Pièce n° N — page i / n ».`,
    ),
  };
  const list: Block = {
    type: 'table',
    header: [cell('N°'), cell('Pièce'), cell('Date'), cell('Pages'), cell('Fichier d’origine')],
    widths: [7, 43, 16, 9, 25],
    rows: entries.map((e) => [
      cell(String(e.number)),
      [
        ...cell(e.title),
        ...(e.note ? cell(` — ${e.note}`, { italic: true }) : []),
        ...(e.status ? cell(` — ${e.status}`, { bold: true }) : []),
      ],
      e.date ? cell(`${formatShortDate(e.date)}${e.dateFromExif ? ' (prise de vue)' : ''}`) : cell('—'),
      cell(String(e.pages)),
      cell(e.fileName),
    ]),
  };
  const fingerprints: Block[] = [
    { type: 'heading', runs: cell('Empreintes numériques (SHA-256)') },
    {
      type: 'paragraph',
      runs: cell(
        'L’empreinte SHA-256 identifie le contenu exact de chaque fichier d’origine : le moindre changement la modifie. ' +
          'Pour vérifier un fichier reçu : « certutil -hashfile FICHIER SHA256 » sous Windows, « shasum -a 256 FICHIER » sous macOS ou Linux.',
      ),
    },
    {
      type: 'table',
      header: [cell('N°'), cell('Empreinte SHA-256 du fichier d’origine')],
      widths: [7, 93],
      rows: entries.map((e) => [cell(String(e.number)), e.sha256 ? [{ text: e.sha256 }] : cell('— (fichier illisible)', { italic: true })]),
    },
  ];

  return {
    meta: {
      title: `${BORDEREAU_TITLE} — ${options.letterTitle}`,
      author: view.claimant.fullName,
      language: 'fr-FR',
      templateId: 'bordereau-pieces',
      kindLabel: 'Bordereau de pièces',
    },
    sender: senderBlock(c, view, to),
    recipient: recipientBlock(to),
    placeDate: placeDateLine(view),
    sending: [],
    references: [['Lettre', frenchTypography(options.letterTitle)]],
    subject: frenchTypography(`${BORDEREAU_TITLE} à ma lettre du ${formatLongDate(date)}`),
    salutation: '',
    body: count === 0 ? [intro] : [intro, list, ...fingerprints],
    closing: '',
    signature: [view.claimant.fullName],
    enclosures: [],
  };
}
