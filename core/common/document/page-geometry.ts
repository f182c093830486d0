/**
 * The page of a letter, once for both writers: A4 margins, the address window of a French DL window envelope,
 * the signature space, the footer and running header, font sizes, line heights, paragraph spacing and the fixed
 * labels. Points (1/72 in), y measured down from the page's top edge. The PDF writer draws in points; the DOCX
 * writer only converts them (twips, half-points) — so a letter starts, breaks and ends alike in both
 * (tests/integration/writers-agree.test.ts).
 */

export const PT_PER_MM = 72 / 25.4;
/** Millimetres to points. */
export const mm = (millimetres: number): number => millimetres * PT_PER_MM;

/** A4 portrait, points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Line height as a multiple of the font size: the letters' body text, and the texts the dossier reproduces. */
export const LINE_SPACING = 1.32;

export const LETTER_TYPE = {
  bodySize: 10.5,
  lineHeight: 10.5 * LINE_SPACING,
  headingSize: 11,
  headingLineHeight: 11 * 1.3,
  tableSize: 9.5,
  tableLineHeight: 9.5 * 1.28,
  /** Running header (pages 2+). */
  smallSize: 8,
  footerSize: 9,
} as const;

const LINE = LETTER_TYPE.lineHeight;

export const LETTER_GEOMETRY = {
  pageWidth: A4.width,
  pageHeight: A4.height,
  marginLeft: mm(25),
  marginRight: mm(25),
  /** Top of the sender block on page 1, top of the flow on pages 2+. */
  marginTop: mm(20),
  /** No body text below this distance from the bottom edge. */
  marginBottom: mm(22),
  /** Baseline of « k / n », from the bottom edge. */
  footerFromBottom: mm(12),
  /** Pages 2+: baseline of the running header (sender — subject), from the top edge, and its rule below. */
  runningHeaderBaseline: mm(13),
  runningHeaderRuleGap: mm(2.5),
  senderWidth: mm(80),
  /** DL window envelope: the window's left edge is 110 mm from the page's left edge, its top ~55 mm. */
  recipientLeft: mm(110),
  recipientTop: mm(55),
  recipientWidth: mm(75),
  /** The signature block shares the recipient's column. */
  signatureLeft: mm(110),
  /** Room left under the typed name for the handwritten signature. */
  signatureSpace: mm(14),
  /** Where the subject text starts after the bold « Objet : » label (wrapped lines align with it). */
  subjectIndent: mm(15.5),
  /** List markers (– or 1.) sit here from the margin; the item's text starts at `listIndent`. */
  listMarkerLeft: mm(4),
  listIndent: mm(9),
  /** Least room between a wide marker (« 10. ») and the item's text, which then starts further right. */
  listMarkerGap: mm(2.5),
} as const;

/** Width available to text between the margins. */
export const TEXT_WIDTH = LETTER_GEOMETRY.pageWidth - LETTER_GEOMETRY.marginLeft - LETTER_GEOMETRY.marginRight;
/** Lowest y of body text. */
export const BODY_BOTTOM = LETTER_GEOMETRY.pageHeight - LETTER_GEOMETRY.marginBottom;

/**
 * Space above each part of a letter, points. Space sits above a block only (none below), and is dropped at the
 * top of a page.
 */
export const LETTER_SPACING = {
  /** Under the address blocks, to the first line of the flow (place and date). */
  afterRecipient: 1.5 * LINE,
  afterSender: LINE,
  /** Smallest gap between sender and recipient when the sender block reaches down to the window. */
  minSenderRecipientGap: 6,
  sending: LINE,
  references: LINE,
  subject: LINE,
  salutation: 1.5 * LINE,
  paragraph: 6,
  heading: LINE,
  list: 6,
  listItem: 3,
  table: 8,
  closing: 6,
  signature: 1.5 * LINE,
  enclosureList: 2,
} as const;

export const LETTER_TABLE = {
  /** Cell padding, left/right and top/bottom. */
  padX: 4,
  padY: 3,
  ruleWidth: 0.5,
  ruleGray: 0.35,
  headerFillGray: 0.9,
} as const;

/** Grey levels, 0 = black, 1 = white. */
export const LETTER_GRAY = { footer: 0.3, runningHeader: 0.4, runningHeaderRule: 0.6, runningHeaderRuleWidth: 0.3 } as const;

/** The words the writers add around the model's text (French typography: no-break space before the colon). */
export const LETTER_LABELS = {
  subject: 'Objet\u00a0:',
  enclosures: 'Pièces jointes\u00a0:',
  bullet: '\u2013',
  /** Joins the sender's name and the subject in the running header: « Jean Dupont — Objet ». */
  runningHeaderJoin: ' \u2014 ',
  /** « 1 / 2 »: plain spaces, so every extractor (pdf.js, poppler) reads it alike. */
  pageNumberSeparator: ' / ',
} as const;

export const pageNumberText = (page: number, total: number): string => `${page}${LETTER_LABELS.pageNumberSeparator}${total}`;

/** The running header of pages 2+: the sender's first line and the subject. '' when both are empty. */
export function runningHeaderText(sender: readonly string[], subject: string): string {
  return [sender[0] ?? '', subject].filter((s) => s.trim() !== '').join(LETTER_LABELS.runningHeaderJoin);
}

/** Bottom of a block of `lines` body lines starting at `top`. */
export const blockBottom = (top: number, lines: number): number => top + lines * LINE;

/** Where the flow (place and date…) starts on page 1, under the sender and the recipient blocks. */
export function firstPageFlowTop(senderBottom: number, recipientBottom: number): number {
  return Math.max(recipientBottom + LETTER_SPACING.afterRecipient, senderBottom + LETTER_SPACING.afterSender);
}
