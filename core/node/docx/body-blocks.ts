import { AlignmentType, Paragraph } from 'docx';
import type { Table } from 'docx';
import type { Block, ListBlock, ParagraphBlock } from '../../common/document/model.js';
import { NumberingReference } from './numbering.js';
import { pt } from './page-geometry.js';
import { StyleId } from './styles.js';
import { tableToDocx } from './table.js';
import { runsToDocx } from './text-runs.js';

const ALIGNMENT = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
} as const;

/** Space between a table and the text that follows it (paragraph styles have no space before). */
const SPACE_AFTER_TABLE = { spacing: { before: pt(8) } };

/** Numbers the lists of a document, so that every numbered list starts again at 1. */
export class ListCounter {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

function paragraphToDocx(block: ParagraphBlock, afterTable: boolean): Paragraph {
  const align = block.align ?? 'justify';
  return new Paragraph({
    style: StyleId.body,
    // Justified is the style's own alignment: only other alignments are direct formatting.
    ...(align === 'justify' ? {} : { alignment: ALIGNMENT[align] }),
    ...(afterTable ? SPACE_AFTER_TABLE : {}),
    children: runsToDocx(block.runs),
  });
}

function listToDocx(block: ListBlock, lists: ListCounter, afterTable: boolean): Paragraph[] {
  const reference = block.ordered ? NumberingReference.ordered : NumberingReference.bullet;
  const instance = lists.take();
  return block.items.map(
    (item, i) =>
      new Paragraph({
        style: StyleId.list,
        numbering: { reference, level: 0, instance },
        ...(afterTable && i === 0 ? SPACE_AFTER_TABLE : {}),
        children: runsToDocx(item),
      }),
  );
}

/** The letter's body blocks as Word paragraphs and tables, in order. */
export function bodyToDocx(blocks: readonly Block[], lists: ListCounter): (Paragraph | Table)[] {
  let afterTable = false;
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    const follows = afterTable;
    afterTable = false;
    switch (block.type) {
      case 'paragraph':
        return [paragraphToDocx(block, follows)];
      case 'heading':
        return [
          new Paragraph({ style: StyleId.heading, ...(follows ? SPACE_AFTER_TABLE : {}), children: runsToDocx(block.runs) }),
        ];
      case 'list':
        return listToDocx(block, lists, follows);
      case 'table': {
        const table = tableToDocx(block);
        if (!table) return [];
        afterTable = true;
        // Two tables with nothing between them would be merged into one by the word processor.
        return follows ? [new Paragraph({ style: StyleId.body }), table] : [table];
      }
    }
  });
}
