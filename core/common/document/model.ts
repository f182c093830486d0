/**
 * The document model: what a rendered template becomes before any writer sees it.
 * Both the PDF and the DOCX writers take exactly this, so a letter reads the same in both.
 * Pure data, no runtime dependency: it may travel through IPC to the renderer for the live preview.
 */

/** A run of text with its emphasis. Text is final: typography already applied (no-break spaces, « », ’). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  /** Default 'justify' for body text. */
  align?: 'justify' | 'left' | 'right' | 'center';
}

/** A heading inside the body: kept on the same page as the block that follows it. */
export interface HeadingBlock {
  type: 'heading';
  runs: Run[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  /** Each item is one paragraph of runs. */
  items: Run[][];
}

export interface TableBlock {
  type: 'table';
  /** Header row, repeated when the table breaks across pages. */
  header?: Run[][];
  rows: Run[][][];
  /** Relative column widths (any positive numbers; normalised by the writer). Equal widths when absent. */
  widths?: number[];
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | TableBlock;

export interface LetterDocument {
  meta: {
    /** Document title (PDF Title, DOCX title), e.g. « Mise en demeure — commande n° 402-… ». */
    title: string;
    /** The claimant's full name (PDF Author, DOCX creator). */
    author: string;
    /** Always 'fr-FR' for now; kept explicit for the writers. */
    language: string;
    /** The template that produced the document. */
    templateId: string;
    /** Short label for footers / keywords, e.g. the document kind in French. */
    kindLabel: string;
  };
  /** Sender block, top left: name, address lines, then contact lines (e-mail, phone, customer id). */
  sender: string[];
  /** Recipient block, placed in the window of a French DL window envelope (right side, ~5.5 cm from the top). */
  recipient: string[];
  /** « Lyon, le 25 novembre 2026 ». */
  placeDate: string;
  /** Sending mode line(s), e.g. « Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2 ». */
  sending: string[];
  /** References shown above the subject: pairs of label and value, e.g. ['Commande', 'n° 402-…']. */
  references: [string, string][];
  /** Subject text without the « Objet : » label, which the writers add in bold. */
  subject: string;
  /** « Madame, Monsieur, ». */
  salutation: string;
  body: Block[];
  /** The closing formula paragraph, kept on the page of the signature. */
  closing: string;
  /** Signature block: the name, and optional lines under it. Kept together, right side. */
  signature: string[];
  /** « Pièces jointes » list (exhibit labels). Empty: no section. */
  enclosures: string[];
}
