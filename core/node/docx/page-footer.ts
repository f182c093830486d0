import { Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { StyleId } from './styles.js';

/** Footer « x / y », centred: PAGE and NUMPAGES fields, computed by the word processor. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: StyleId.footer,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}
