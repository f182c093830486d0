import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { LETTER_GRAY, LETTER_SPACING as S, LETTER_TYPE as T } from '../../common/document/page-geometry.js';
import { LETTER_FONT_FAMILY } from '../fonts.js';
import { entryContent, replaceContent } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';
import {
  BODY_LINE,
  HEADING_LINE,
  RECIPIENT_INDENT,
  RECIPIENT_RIGHT_INDENT,
  SENDER_RIGHT_INDENT,
  SIGNATURE_INDENT,
  SUBJECT_TEXT_INDENT,
  TABLE_LINE,
  grayHex,
  halfPoints,
  twips,
} from './page-geometry.js';

/** Ids of the named paragraph styles of a letter: what a user sees and reuses in the word processor. */
export const StyleId = {
  sender: 'Expediteur',
  recipient: 'Destinataire',
  placeDate: 'LieuDate',
  sending: 'ModeEnvoi',
  subject: 'Objet',
  references: 'References',
  salutation: 'Salutation',
  body: 'Corps',
  heading: 'Titre',
  list: 'Liste',
  tableCell: 'Tableau',
  tableHeader: 'TableauEntete',
  closing: 'Cloture',
  signature: 'Signature',
  enclosuresHeading: 'PiecesJointes',
  enclosure: 'PieceJointe',
  runningHeader: 'EnTeteCourant',
  footer: 'PiedDePage',
} as const;

export type StyleIdValue = (typeof StyleId)[keyof typeof StyleId];

const BODY_SIZE = halfPoints(T.bodySize);
/** Exact line heights: every line sits where the PDF draws it. */
const exactly = (line: number) => ({ line, lineRule: LineRuleType.EXACT });
const bodyLines = exactly(BODY_LINE);
/** Space above a paragraph only, as in the PDF (the word processor drops it at the top of a page). */
const before = (points: number) => ({ spacing: { before: twips(points), after: 0, ...bodyLines } });

/** Display names start with « Lettre – » so the letter's styles are grouped in Word's style pane. */
const name = (label: string): string => `Lettre – ${label}`;

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: StyleId.sender,
    name: name('Expéditeur'),
    basedOn: 'Normal',
    next: StyleId.sender,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { right: SENDER_RIGHT_INDENT },
      spacing: { before: 0, after: 0, ...bodyLines },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: StyleId.recipient,
    name: name('Destinataire'),
    basedOn: 'Normal',
    next: StyleId.recipient,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: RECIPIENT_INDENT, ...(RECIPIENT_RIGHT_INDENT > 0 ? { right: RECIPIENT_RIGHT_INDENT } : {}) },
      spacing: { before: 0, after: 0, ...bodyLines },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: StyleId.placeDate,
    name: name('Lieu et date'),
    basedOn: 'Normal',
    next: StyleId.sending,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 0, ...bodyLines } },
  },
  {
    id: StyleId.sending,
    name: name('Mode d’envoi'),
    basedOn: 'Normal',
    next: StyleId.subject,
    quickFormat: true,
    run: { bold: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, ...bodyLines } },
  },
  {
    id: StyleId.subject,
    name: name('Objet'),
    basedOn: 'Normal',
    next: StyleId.salutation,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: SUBJECT_TEXT_INDENT, hanging: SUBJECT_TEXT_INDENT },
      leftTabStop: SUBJECT_TEXT_INDENT,
      ...before(S.subject),
      keepLines: true,
    },
  },
  {
    id: StyleId.references,
    name: name('Références'),
    basedOn: 'Normal',
    next: StyleId.references,
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, ...bodyLines }, keepNext: true },
  },
  {
    id: StyleId.salutation,
    name: name('Formule d’appel'),
    basedOn: 'Normal',
    next: StyleId.body,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.LEFT, ...before(S.salutation), keepNext: true },
  },
  {
    id: StyleId.body,
    name: name('Corps'),
    basedOn: 'Normal',
    next: StyleId.body,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.JUSTIFIED, ...before(S.paragraph) },
  },
  {
    id: StyleId.heading,
    name: name('Intertitre'),
    basedOn: StyleId.body,
    next: StyleId.body,
    quickFormat: true,
    run: { bold: true, size: halfPoints(T.headingSize) },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: twips(S.heading), after: 0, ...exactly(HEADING_LINE) },
      keepNext: true,
      keepLines: true,
      outlineLevel: 0,
    },
  },
  {
    id: StyleId.list,
    name: name('Liste'),
    basedOn: StyleId.body,
    next: StyleId.list,
    quickFormat: true,
    paragraph: before(S.listItem),
  },
  {
    id: StyleId.tableCell,
    name: name('Tableau'),
    basedOn: 'Normal',
    next: StyleId.tableCell,
    run: { size: halfPoints(T.tableSize) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, ...exactly(TABLE_LINE) } },
  },
  {
    id: StyleId.tableHeader,
    name: name('Tableau, en-tête'),
    basedOn: StyleId.tableCell,
    next: StyleId.tableCell,
    run: { bold: true },
    paragraph: { keepNext: true },
  },
  {
    id: StyleId.closing,
    name: name('Formule de politesse'),
    basedOn: StyleId.body,
    next: StyleId.signature,
    quickFormat: true,
    paragraph: { ...before(S.closing), keepNext: true, keepLines: true },
  },
  {
    id: StyleId.signature,
    name: name('Signature'),
    basedOn: 'Normal',
    next: StyleId.signature,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: SIGNATURE_INDENT },
      spacing: { before: 0, after: 0, ...bodyLines },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: StyleId.enclosuresHeading,
    name: name('Pièces jointes'),
    basedOn: 'Normal',
    next: StyleId.enclosure,
    quickFormat: true,
    run: { bold: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, ...bodyLines }, keepNext: true },
  },
  {
    id: StyleId.enclosure,
    name: name('Pièce jointe'),
    basedOn: 'Normal',
    next: StyleId.enclosure,
    paragraph: { alignment: AlignmentType.LEFT, ...before(S.listItem) },
  },
  {
    id: StyleId.runningHeader,
    name: name('En-tête courant'),
    basedOn: 'Normal',
    run: { size: halfPoints(T.smallSize), color: grayHex(LETTER_GRAY.runningHeader) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } },
  },
  {
    id: StyleId.footer,
    name: name('Pied de page'),
    basedOn: 'Normal',
    run: { size: halfPoints(T.footerSize), color: grayHex(LETTER_GRAY.footer) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
  },
];

/** The document's styles: DejaVu Serif at the body size everywhere, in the letter's language, plus the named letter styles. */
export function letterStyles(language: string): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: LETTER_FONT_FAMILY, size: BODY_SIZE, language: { value: language } },
        paragraph: { spacing: { before: 0, after: 0 } },
      },
    },
    paragraphStyles,
  };
}

/**
 * Styles whose text is never hyphenated, as in the PDF: addresses, subject, headings, the closing formula (read as
 * a whole), the signature. Body text, lists and tables are.
 */
const UNHYPHENATED: readonly StyleIdValue[] = [
  StyleId.sender,
  StyleId.recipient,
  StyleId.placeDate,
  StyleId.sending,
  StyleId.subject,
  StyleId.references,
  StyleId.salutation,
  StyleId.heading,
  StyleId.closing,
  StyleId.signature,
  StyleId.enclosuresHeading,
];

const STYLES_PATH = 'word/styles.xml';

/**
 * docx has no option for w:suppressAutoHyphens: it is added to those styles in word/styles.xml here, before
 * w:spacing (its place in the schema's sequence; every letter style has a spacing).
 */
export function withUnhyphenatedStyles(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.map((entry) => {
    if (entry.name !== STYLES_PATH) return entry;
    let xml = new TextDecoder().decode(entryContent(entry));
    for (const id of UNHYPHENATED) {
      xml = xml.replace(
        new RegExp(`(<w:style [^>]*w:styleId="${id}">(?:(?!</w:style>).)*?<w:pPr>(?:(?!</w:pPr>).)*?)(<w:spacing )`, 's'),
        '$1<w:suppressAutoHyphens/>$2',
      );
    }
    return replaceContent(entry, new TextEncoder().encode(xml));
  });
}
