import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import type { Table } from 'docx';
import type { Block, ListBlock, ParagraphBlock } from '../../common/document/model.js';
import { NumberingReference } from './numbering.js';
import { LETTER_SPACING as S } from '../../common/document/page-geometry.js';
import { BODY_LINE, twips } from './page-geometry.js';
import { StyleId } from './styles.js';
import { tableToDocx } from './table.js';
import { runsToDocx } from './text-runs.js';

const ALIGNMENT = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;

/**
 * A table has no space of its own: the paragraph before it leaves the table's space below itself (the PDF puts
 * it above the table).
 */
const SPACE_ABOVE_TABLE = { spacing: { before: twips(S.paragraph), after: twips(S.table), line: BODY_LINE, lineRule: LineRuleType.EXACT } };

/** How a block's paragraphs join their neighbours. */
interface Joins {
  /** The next block is a table. */
  beforeTable: boolean;
  /** The last block of the body: kept with the closing and the signature, as the PDF keeps its last lines. */
  keepWithNext: boolean;
}

/** Numbers the lists of a document, so that every numbered list starts again at 1. */
export class ListCounter {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function paragraphToDocx(block: ParagraphBlock, joins: Joins): Paragraph {
  const align = block.align ?? 'justify';
  return new Paragraph({
    style: StyleId.body,
    // Justified is the style's own alignment: only other alignments are direct formatting.
    ...(align === 'justify' ? {} : { alignment: ALIGNMENT[align] }),
    ...(joins.beforeTable ? SPACE_ABOVE_TABLE : {}),
    ...(joins.keepWithNext ? { keepNext: true } : {}),
    // Never a single line of a paragraph alone at the bottom or the top of a page (the PDF's rule too).
    widowControl: true,
    children: runsToDocx(block.runs),
  });
}

function listToDocx(block: ListBlock, lists: ListCounter, joins: Joins): Paragraph[] {
  const reference = block.ordered ? NumberingReference.ordered : NumberingReference.bullet;
  const instance = lists.take();
  const last = block.items.length - 1;
  return block.items.map(
    (item, i) =>
      new Paragraph({
        style: StyleId.list,
        numbering: { reference, level: 0, instance },
        ...(i === 0 ? { spacing: { before: twips(S.list), after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT } } : {}),
        ...(i === last && joins.beforeTable ? { spacing: { before: twips(i === 0 ? S.list : S.listItem), after: twips(S.table), line: BODY_LINE, lineRule: LineRuleType.EXACT } } : {}),
        ...(i === last && joins.keepWithNext ? { keepNext: true } : {}),
        widowControl: true,
        children: runsToDocx(item),
      }),
  );
}

/** The letter's body blocks as Word paragraphs and tables, in order. */
export function bodyToDocx(blocks: readonly Block[], lists: ListCounter, options: { keepLastWithNext?: boolean } = {}): (Paragraph | Table)[] {
  return blocks.flatMap((block, i): (Paragraph | Table)[] => {
    const joins: Joins = {
      beforeTable: blocks[i + 1]?.type === 'table',
      keepWithNext: options.keepLastWithNext === true && i === blocks.length - 1,
    };
    const afterTable = blocks[i - 1]?.type === 'table';
    switch (block.type) {
      case 'paragraph':
        return [paragraphToDocx(block, joins)];
      case 'heading':
        return [new Paragraph({ style: StyleId.heading, children: runsToDocx(block.runs) })];
      case 'list':
        return listToDocx(block, lists, joins);
      case 'table': {
        const table = tableToDocx(block);
        if (!table) return [];
        // Two tables with nothing between them would be merged into one by the word processor.
        return afterTable ? [new Paragraph({ style: StyleId.body, ...SPACE_ABOVE_TABLE }), table] : [table];
      }
    }
  });
}
