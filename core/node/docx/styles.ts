import { AlignmentType, LineRuleType } from 'docx';
import type { IParagraphStyleOptions, IStylesOptions } from 'docx';
import { LETTER_FONT_FAMILY } from '../fonts.js';
import {
  RECIPIENT_INDENT,
  RECIPIENT_LINE_HEIGHT,
  SENDER_LINE_HEIGHT,
  SUBJECT_TEXT_INDENT,
  pt,
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
  footer: 'PiedDePage',
} as const;

export type StyleIdValue = (typeof StyleId)[keyof typeof StyleId];

/** Body text size in half-points (11 pt). */
const BODY_SIZE = 22;
const SMALL_SIZE = 20;
const FOOTER_SIZE = 18;
/** Body line spacing: 1.15 (in 240ths of a line). */
const BODY_LINE = 276;

/** Display names start with « Lettre – » so the letter's styles are grouped in Word's style pane. */
const name = (label: string): string => `Lettre – ${label}`;

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: StyleId.sender,
    name: name('Expéditeur'),
    basedOn: 'Normal',
    next: StyleId.sender,
    quickFormat: true,
    run: { size: SMALL_SIZE },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: SENDER_LINE_HEIGHT, lineRule: LineRuleType.EXACT },
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
      indent: { left: RECIPIENT_INDENT },
      spacing: { before: 0, after: 0, line: RECIPIENT_LINE_HEIGHT, lineRule: LineRuleType.EXACT },
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
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: pt(28), after: pt(6) } },
  },
  {
    id: StyleId.sending,
    name: name('Mode d’envoi'),
    basedOn: 'Normal',
    next: StyleId.subject,
    quickFormat: true,
    run: { bold: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(10), after: 0 }, keepNext: true },
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
      spacing: { before: pt(14), after: pt(2) },
      keepNext: true,
      keepLines: true,
    },
  },
  {
    id: StyleId.references,
    name: name('Références'),
    basedOn: 'Normal',
    next: StyleId.references,
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0 },
      keepNext: true,
    },
    run: { size: SMALL_SIZE },
  },
  {
    id: StyleId.salutation,
    name: name('Formule d’appel'),
    basedOn: 'Normal',
    next: StyleId.body,
    quickFormat: true,
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(18), after: pt(8) }, keepNext: true },
  },
  {
    id: StyleId.body,
    name: name('Corps'),
    basedOn: 'Normal',
    next: StyleId.body,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { before: 0, after: pt(6), line: BODY_LINE, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: StyleId.heading,
    name: name('Intertitre'),
    basedOn: StyleId.body,
    next: StyleId.body,
    quickFormat: true,
    run: { bold: true },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: pt(10), after: pt(4) },
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
    paragraph: { spacing: { before: 0, after: pt(3) } },
  },
  {
    id: StyleId.tableCell,
    name: name('Tableau'),
    basedOn: 'Normal',
    next: StyleId.tableCell,
    run: { size: SMALL_SIZE },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } },
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
    paragraph: { spacing: { before: pt(6), after: 0 }, keepNext: true, keepLines: true },
  },
  {
    id: StyleId.signature,
    name: name('Signature'),
    basedOn: 'Normal',
    next: StyleId.signature,
    quickFormat: true,
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: RECIPIENT_INDENT },
      spacing: { before: 0, after: 0 },
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
    run: { bold: true, size: SMALL_SIZE },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: pt(24), after: pt(3) }, keepNext: true },
  },
  {
    id: StyleId.enclosure,
    name: name('Pièce jointe'),
    basedOn: 'Normal',
    next: StyleId.enclosure,
    run: { size: SMALL_SIZE },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0 } },
  },
  {
    id: StyleId.footer,
    name: name('Pied de page'),
    basedOn: 'Normal',
    run: { size: FOOTER_SIZE, color: '595959' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
  },
];

/** The document's styles: DejaVu Serif 11 pt everywhere, in the letter's language, plus the named letter styles. */
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
