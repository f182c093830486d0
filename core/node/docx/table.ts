import { BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { IBorderOptions } from 'docx';
import type { Run, TableBlock } from '../../common/document/model.js';
import { LETTER_TABLE } from '../../common/document/page-geometry.js';
import { TEXT_WIDTH, eighths, grayHex, twips } from './page-geometry.js';
import { StyleId } from './styles.js';
import { runsToDocx } from './text-runs.js';

const BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: eighths(LETTER_TABLE.ruleWidth), color: grayHex(LETTER_TABLE.ruleGray) };
const HEADER_FILL = grayHex(LETTER_TABLE.headerFillGray);
const padY = twips(LETTER_TABLE.padY);
const padX = twips(LETTER_TABLE.padX);
const CELL_MARGINS = { top: padY, bottom: padY, left: padX, right: padX };

/**
 * Column widths in twips summing to the text width: the model's relative `widths` normalised,
 * equal columns when absent or unusable.
 */
export function columnWidths(columns: number, widths: readonly number[] | undefined): number[] {
  if (columns <= 0) return [];
  const relative = Array.from({ length: columns }, (_, i) => {
    const w = widths?.[i];
    return w !== undefined && Number.isFinite(w) && w > 0 ? w : undefined;
  });
  const known = relative.filter((w): w is number => w !== undefined);
  // Columns without a usable width get the average of the others (all equal when none is usable).
  const fallback = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
  const values = relative.map((w) => w ?? fallback);
  const total = values.reduce((a, b) => a + b, 0);
  const twips = values.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const used = twips.reduce((a, b) => a + b, 0);
  twips[twips.length - 1]! += TEXT_WIDTH - used;
  return twips;
}

function cell(runs: Run[] | undefined, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
    children: [
      new Paragraph({
        style: header ? StyleId.tableHeader : StyleId.tableCell,
        children: runsToDocx(runs ?? []),
      }),
    ],
  });
}

function row(cells: Run[][], widths: number[], header: boolean): TableRow {
  return new TableRow({
    ...(header ? { tableHeader: true } : {}),
    cantSplit: true,
    children: widths.map((width, i) => cell(cells[i], width, header)),
  });
}

/** A model table as a Word table: full text width, borders, header row repeated on each page. Null when empty. */
export function tableToDocx(block: TableBlock): Table | null {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 0);
  if (columns === 0) return null;
  const widths = columnWidths(columns, block.widths);
  const rows = [
    ...(block.header && block.header.length > 0 ? [row(block.header, widths, true)] : []),
    ...block.rows.map((cells) => row(cells, widths, false)),
  ];
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}
