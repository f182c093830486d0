/**
 * A letter as plain text, the way a user pastes it into a web form (SignalConso's « Description », the CEC France or
 * A-to-z claim forms): salutation, body and closing, blocks separated by a blank line, list items on their own lines.
 * No-break spaces are kept: they count as one character each, as in the form's counter.
 */
import type { Block, LetterDocument, Run } from '../document/model.js';
import type { TemplateMeta } from '../templates/metadata.js';

/** « 5 000 »: thousands separated by a narrow no-break space. */
const formatNumber = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202F');

const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return runsText(b.runs);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${runsText(item)}`).join('\n');
    case 'table':
      return [...(b.header ? [b.header] : []), ...b.rows].map((row) => row.map(runsText).join(' | ')).join('\n');
  }
}

export function formText(doc: Pick<LetterDocument, 'salutation' | 'body' | 'closing'>): string {
  return [doc.salutation, ...doc.body.map(blockText), doc.closing].filter((s) => s.trim() !== '').join('\n\n');
}

/** What the user must fix before using the document, in French: today, a text too long for its form. */
export function letterWarnings(doc: LetterDocument, meta: Pick<TemplateMeta, 'maxLength' | 'title'>): string[] {
  const warnings: string[] = [];
  if (meta.maxLength !== undefined) {
    // UTF-16 code units, as a browser's textarea counts them against `maxlength`.
    const length = formText(doc).length;
    if (length > meta.maxLength) {
      warnings.push(
        `« ${meta.title} » : le texte compte ${formatNumber(length)} caractères, au-delà des ${formatNumber(meta.maxLength)} acceptés par le formulaire ; raccourcissez le récit des faits (dispute.facts) de ${formatNumber(length - meta.maxLength)} caractères au moins.`,
      );
    }
  }
  return warnings;
}
