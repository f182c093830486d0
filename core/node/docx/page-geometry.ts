/**
 * Page geometry of the letter, in twips (1/20 pt), the unit of WordprocessingML.
 * A4 portrait, 25 mm margins, recipient block placed for a French DL window envelope.
 */

const TWIPS_PER_MM = 1440 / 25.4;

export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);
export const pt = (points: number): number => Math.round(points * 20);

export const PAGE_WIDTH = mm(210);
export const PAGE_HEIGHT = mm(297);
export const MARGIN_TOP = mm(25);
export const MARGIN_BOTTOM = mm(25);
export const MARGIN_LEFT = mm(25);
export const MARGIN_RIGHT = mm(25);
/** Distance from the page's bottom edge to the footer's baseline area. */
export const FOOTER_DISTANCE = mm(12);
export const HEADER_DISTANCE = mm(12);

/** Width available to text between the margins. */
export const TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

/** Left edge of the envelope window, measured from the page's left edge. */
const WINDOW_LEFT_FROM_PAGE = mm(110);
/** Top of the address in the envelope window, measured from the page's top edge. */
const WINDOW_TOP_FROM_PAGE = mm(55);

/** Left indent of the recipient block (and of the signature block, for a tidy right column). */
export const RECIPIENT_INDENT = WINDOW_LEFT_FROM_PAGE - MARGIN_LEFT;

/** Exact line heights of the blocks above the recipient, so its vertical position can be computed. */
export const SENDER_LINE_HEIGHT = pt(12.5);
export const RECIPIENT_LINE_HEIGHT = pt(14);
/** Smallest gap between sender and recipient when the sender block is too long to reach the window's top. */
const MIN_SENDER_RECIPIENT_GAP = pt(6);

/**
 * Space before the first recipient line so that it starts at the window's top,
 * given how many (one-line) paragraphs the sender block has above it.
 */
export function recipientSpaceBefore(senderLines: number): number {
  const available = WINDOW_TOP_FROM_PAGE - MARGIN_TOP;
  return Math.max(MIN_SENDER_RECIPIENT_GAP, available - senderLines * SENDER_LINE_HEIGHT);
}

/** Left tab / hanging indent after the « Objet : » label, so wrapped subject lines align. */
export const SUBJECT_TEXT_INDENT = mm(19);

/** Space left above the typed name for the handwritten signature. */
export const SIGNATURE_SPACE = pt(36);
