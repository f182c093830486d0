import { LineRuleType, Paragraph, Tab, TextRun } from 'docx';
import type { LetterDocument } from '../../common/document/model.js';
import { NumberingReference } from './numbering.js';
import { LETTER_LABELS, LETTER_SPACING as S } from '../../common/document/page-geometry.js';
import { BODY_LINE, SIGNATURE_SPACE, recipientSpaceBefore, twips } from './page-geometry.js';
import { StyleId } from './styles.js';
import { plainRuns } from './text-runs.js';

/** A paragraph's own space before/after, with its style's exact line height restated. */
const spacing = (before: number, after = 0) => ({ spacing: { before, after, line: BODY_LINE, lineRule: LineRuleType.EXACT } });

/** Sender block, top left, the name in bold. */
export function senderParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.sender.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.sender,
        ...(i === doc.sender.length - 1 ? { keepNext: false } : {}),
        children: plainRuns(text, i === 0 ? { bold: true } : {}),
      }),
  );
}

/**
 * Recipient block, in the envelope window: its first line is pushed down to the window's top, its last line
 * leaves the gap to the place and date.
 */
export function recipientParagraphs(doc: LetterDocument): Paragraph[] {
  const last = doc.recipient.length - 1;
  const before = recipientSpaceBefore(doc.sender.length);
  const after = twips(S.afterRecipient);
  return doc.recipient.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.recipient,
        ...(i === 0 || i === last ? spacing(i === 0 ? before : 0, i === last ? after : 0) : {}),
        ...(i === last ? { keepNext: false } : {}),
        children: plainRuns(text),
      }),
  );
}

/** « Lyon, le 25 novembre 2026 », right-aligned under the recipient. */
export function placeDateParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.placeDate === '' ? [] : [new Paragraph({ style: StyleId.placeDate, children: plainRuns(doc.placeDate) })];
}

/** Sending mode line(s), bold (in the style), a line under the date. */
export function sendingParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.sending.map(
    (text, i) =>
      new Paragraph({ style: StyleId.sending, ...(i === 0 ? spacing(twips(S.sending)) : {}), children: plainRuns(text) }),
  );
}

/** « Objet : » in bold, a tab, then the subject; wrapped lines align with the subject's start. */
export function subjectParagraphs(doc: LetterDocument): Paragraph[] {
  return [
    new Paragraph({
      style: StyleId.subject,
      children: [new TextRun({ text: LETTER_LABELS.subject, bold: true }), new TextRun({ children: [new Tab()] }), ...plainRuns(doc.subject)],
    }),
  ];
}

/** References above the subject, one per line: « Commande Amazon : n° 402-… ». */
export function referenceParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.references.map(
    ([label, value], i) =>
      new Paragraph({
        style: StyleId.references,
        ...(i === 0 ? spacing(twips(S.references)) : {}),
        children: [...plainRuns(`${label}\u00a0: `), ...plainRuns(value)],
      }),
  );
}

/** « Madame, Monsieur, ». */
export function salutationParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.salutation === '' ? [] : [new Paragraph({ style: StyleId.salutation, children: plainRuns(doc.salutation) })];
}

/** The closing formula, kept with the signature (style: keep with next, keep lines together). */
export function closingParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.closing === '' ? [] : [new Paragraph({ style: StyleId.closing, children: plainRuns(doc.closing) })];
}

/** Signature block, right column, with room under the typed name for the handwritten signature; kept together. */
export function signatureParagraphs(doc: LetterDocument): Paragraph[] {
  const last = doc.signature.length - 1;
  return doc.signature.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.signature,
        ...(i === 0 || i === last ? spacing(i === 0 ? twips(S.signature) : 0, i === last ? SIGNATURE_SPACE : 0) : {}),
        ...(i === last ? { keepNext: false } : {}),
        children: plainRuns(text),
      }),
  );
}

/** « Pièces jointes : » and one dash-list item per exhibit; nothing when there is none. */
export function enclosureParagraphs(doc: LetterDocument, bulletInstance: () => number): Paragraph[] {
  if (doc.enclosures.length === 0) return [];
  const instance = bulletInstance();
  return [
    new Paragraph({ style: StyleId.enclosuresHeading, children: plainRuns(LETTER_LABELS.enclosures) }),
    ...doc.enclosures.map(
      (text, i) =>
        new Paragraph({
          style: StyleId.enclosure,
          ...(i === 0 ? spacing(twips(S.enclosureList)) : {}),
          numbering: { reference: NumberingReference.bullet, level: 0, instance },
          children: plainRuns(text),
        }),
    ),
  ];
}
