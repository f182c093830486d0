/**
 * The letter's page (core/common/document/page-geometry.ts, points) in the units of WordprocessingML: twips
 * (1/20 pt) for lengths, half-points for font sizes, eighths of a point for borders, hex RGB for greys.
 * Nothing is declared here: only converted.
 */
import {
  LETTER_GEOMETRY as G,
  LETTER_SPACING,
  LETTER_TYPE as T,
  TEXT_WIDTH as TEXT_WIDTH_PT,
} from '../../common/document/page-geometry.js';

/** Points to twips. */
export const twips = (points: number): number => Math.round(points * 20);
/** Points to half-points (w:sz). */
export const halfPoints = (points: number): number => Math.round(points * 2);
/** Points to eighths of a point (border widths). */
export const eighths = (points: number): number => Math.round(points * 8);
/** A grey level (0 = black) as Word's hex RGB colour. */
export const grayHex = (gray: number): string => Math.round(gray * 255).toString(16).padStart(2, '0').toUpperCase().repeat(3);

export const PAGE_WIDTH = twips(G.pageWidth);
export const PAGE_HEIGHT = twips(G.pageHeight);
export const MARGIN_TOP = twips(G.marginTop);
export const MARGIN_BOTTOM = twips(G.marginBottom);
export const MARGIN_LEFT = twips(G.marginLeft);
export const MARGIN_RIGHT = twips(G.marginRight);
/** Word measures to the bottom of the footer's line, the PDF to its baseline: the figures sit ~2 pt higher. */
export const FOOTER_DISTANCE = twips(G.footerFromBottom);
/** Word measures to the top of the header's line: one font size above the PDF's baseline. */
export const HEADER_DISTANCE = twips(G.runningHeaderBaseline - T.smallSize);

/** Width available to text between the margins, as the word processor computes it from the section. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/** Left indent of the recipient block, from the margin. */
export const RECIPIENT_INDENT = twips(G.recipientLeft - G.marginLeft);
/** Right indent of the recipient block, so that it wraps at the window's width. */
export const RECIPIENT_RIGHT_INDENT = Math.max(0, twips(TEXT_WIDTH_PT - (G.recipientLeft - G.marginLeft) - G.recipientWidth));
/** Right indent of the sender block, so that it wraps at its width as in the PDF. */
export const SENDER_RIGHT_INDENT = twips(TEXT_WIDTH_PT - G.senderWidth);
/** Left indent of the signature block, from the margin. */
export const SIGNATURE_INDENT = twips(G.signatureLeft - G.marginLeft);

/** Exact line heights, so the vertical positions are those of the PDF. */
export const BODY_LINE = twips(T.lineHeight);
export const HEADING_LINE = twips(T.headingLineHeight);
export const TABLE_LINE = twips(T.tableLineHeight);

/**
 * Space before the first recipient line so that it starts at the window's top, given how many (one-line)
 * paragraphs the sender block has above it. The PDF places both blocks side by side; the word processor stacks
 * them, so a sender block that reaches the window pushes the recipient down.
 */
export function recipientSpaceBefore(senderLines: number): number {
  const available = G.recipientTop - G.marginTop - senderLines * T.lineHeight;
  return twips(Math.max(LETTER_SPACING.minSenderRecipientGap, available));
}

/** Where the subject's text starts after « Objet : » (tab stop and hanging indent). */
export const SUBJECT_TEXT_INDENT = twips(G.subjectIndent);

/** Room left under the typed name for the handwritten signature. */
export const SIGNATURE_SPACE = twips(G.signatureSpace);
