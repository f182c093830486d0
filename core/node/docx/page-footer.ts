import { BorderStyle, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx';
import { LETTER_GEOMETRY as G, LETTER_GRAY, LETTER_LABELS, LETTER_TYPE as T, TEXT_WIDTH } from '../../common/document/page-geometry.js';
import type { FontSet } from '../fonts.js';
import { fontMetricsFor, TextMeasurer } from '../pdf/font-metrics.js';
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

/** No glyph of DejaVu Serif is wider than 1.75 em (U+2031 is 1.73): a header this short fits without measuring. */
const WIDEST_GLYPH_EM = 1.75;

/**
 * The running header cut with « … » where the PDF cuts it: Word would wrap a long one onto a second line and push
 * every page's text down.
 */
export function fittedRunningHeader(text: string, fonts: FontSet): string {
  if ([...text].length * WIDEST_GLYPH_EM * T.smallSize <= TEXT_WIDTH) return text;
  return new TextMeasurer(fontMetricsFor(fonts)).truncate(text, 'regular', T.smallSize, TEXT_WIDTH);
}

/** Pages 2+: « sender — subject » over a thin rule, as in the PDF (`text` already fitted to one line). */
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
