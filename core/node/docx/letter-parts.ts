import { Paragraph, Tab, TextRun } from 'docx';
import type { LetterDocument } from '../../common/document/model.js';
import { NumberingReference } from './numbering.js';
import { SIGNATURE_SPACE, recipientSpaceBefore } from './page-geometry.js';
import { StyleId } from './styles.js';
import type { StyleIdValue } from './styles.js';
import { plainRuns } from './text-runs.js';

/** The label the writers add before the subject, in bold (French typography: no-break space before the colon). */
export const SUBJECT_LABEL = 'Objet\u00a0:';
export const ENCLOSURES_LABEL = 'Pièces jointes\u00a0:';

/**
 * One paragraph per line in the given style. The style keeps each line with the next; the last line of a block
 * lets go (keepNext off) unless the block must stay with what follows.
 */
function lines(texts: readonly string[], style: StyleIdValue, options: { keepLastWithNext: boolean }): Paragraph[] {
  return texts.map(
    (text, i) =>
      new Paragraph({
        style,
        ...(i === texts.length - 1 && !options.keepLastWithNext ? { keepNext: false } : {}),
        children: plainRuns(text),
      }),
  );
}

/** Sender block, top left. */
export function senderParagraphs(doc: LetterDocument): Paragraph[] {
  return lines(doc.sender, StyleId.sender, { keepLastWithNext: false });
}

/** Recipient block, in the envelope window: its first line is pushed down to the window's top. */
export function recipientParagraphs(doc: LetterDocument): Paragraph[] {
  const before = recipientSpaceBefore(doc.sender.length);
  return doc.recipient.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.recipient,
        ...(i === 0 ? { spacing: { before } } : {}),
        ...(i === doc.recipient.length - 1 ? { keepNext: false } : {}),
        children: plainRuns(text),
      }),
  );
}

/** « Lyon, le 25 novembre 2026 », right-aligned under the recipient. */
export function placeDateParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.placeDate === '' ? [] : [new Paragraph({ style: StyleId.placeDate, children: plainRuns(doc.placeDate) })];
}

/** Sending mode line(s), bold (in the style). */
export function sendingParagraphs(doc: LetterDocument): Paragraph[] {
  return lines(doc.sending, StyleId.sending, { keepLastWithNext: true });
}

/** « Objet : » in bold, a tab, then the subject; wrapped lines align with the subject's start. */
export function subjectParagraphs(doc: LetterDocument): Paragraph[] {
  return [
    new Paragraph({
      style: StyleId.subject,
      children: [new TextRun({ text: SUBJECT_LABEL, bold: true }), new TextRun({ children: [new Tab()] }), ...plainRuns(doc.subject)],
    }),
  ];
}

/** References above the subject, one per line: « Commande Amazon : n° 402-… ». */
export function referenceParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.references.map(
    ([label, value], i) =>
      new Paragraph({
        style: StyleId.references,
        ...(i === 0 ? { spacing: { before: 200 } } : {}),
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

/** Signature block, right column, with room above the typed name for the handwritten signature; kept together. */
export function signatureParagraphs(doc: LetterDocument): Paragraph[] {
  return doc.signature.map(
    (text, i) =>
      new Paragraph({
        style: StyleId.signature,
        ...(i === 0 ? { spacing: { before: SIGNATURE_SPACE } } : {}),
        ...(i === doc.signature.length - 1 ? { keepNext: false } : {}),
        children: plainRuns(text),
      }),
  );
}

/** « Pièces jointes : » and one dash-list item per exhibit; nothing when there is none. */
export function enclosureParagraphs(doc: LetterDocument, bulletInstance: () => number): Paragraph[] {
  if (doc.enclosures.length === 0) return [];
  const instance = bulletInstance();
  return [
    new Paragraph({ style: StyleId.enclosuresHeading, children: plainRuns(ENCLOSURES_LABEL) }),
    ...doc.enclosures.map(
      (text) =>
        new Paragraph({
          style: StyleId.enclosure,
          numbering: { reference: NumberingReference.bullet, level: 0, instance },
          children: plainRuns(text),
        }),
    ),
  ];
}
