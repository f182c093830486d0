import { BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { LETTER_GEOMETRY as G, LETTER_GRAY, LETTER_LABELS, LETTER_TYPE as T } from '../../common/document/page-geometry.js';
import { eighths, grayHex } from './page-geometry.js';
import { StyleId } from './styles.js';
import { plainRuns } from './text-runs.js';

/** Footer « x / y », centred: PAGE and NUMPAGES fields, computed by the word processor. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: StyleId.footer,
        children: [new TextRun({ children: [PageNumber.CURRENT, LETTER_LABELS.pageNumberSeparator, PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** Pages 2+: « sender — subject » over a thin rule, as in the PDF. */
export function runningHeader(text: string): Header {
  return new Header({
    children: [
      new Paragraph({
        style: StyleId.runningHeader,
        border: {
          bottom: {
            style: BorderStyle.SINGLE,
            size: eighths(LETTER_GRAY.runningHeaderRuleWidth),
            color: grayHex(LETTER_GRAY.runningHeaderRule),
            // Border spacing is in whole points, from the line's bottom (about a quarter of the size under the baseline).
            space: Math.round(G.runningHeaderRuleGap - T.smallSize / 4),
          },
        },
        children: plainRuns(text),
      }),
    ],
  });
}

/** Page 1 has no running header: the sender block is there. */
export const emptyHeader = (): Header => new Header({ children: [new Paragraph({ style: StyleId.runningHeader })] });
