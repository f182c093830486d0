import { Document, Packer, Paragraph, Table } from 'docx';
import type { LetterDocument } from '../../common/document/model.js';
import { runningHeaderText } from '../../common/document/page-geometry.js';
import { loadLetterFonts } from '../fonts.js';
import type { FontSet } from '../fonts.js';
import { ListCounter, bodyToDocx } from './body-blocks.js';
import { coreProperties, withLanguageProperty } from './core-properties.js';
import { fontEmbedding, withWholeFonts } from './font-embedding.js';
import {
  closingParagraphs,
  enclosureParagraphs,
  placeDateParagraphs,
  recipientParagraphs,
  referenceParagraphs,
  salutationParagraphs,
  senderParagraphs,
  sendingParagraphs,
  signatureParagraphs,
  subjectParagraphs,
} from './letter-parts.js';
import { letterNumbering } from './numbering.js';
import {
  FOOTER_DISTANCE,
  HEADER_DISTANCE,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
} from './page-geometry.js';
import { emptyHeader, fittedRunningHeader, pageNumberFooter, runningHeader } from './page-footer.js';
import { StyleId, letterStyles, withUnhyphenatedStyles } from './styles.js';
import { deflateStored, readZip, writeZip } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';

/** [Content_Types].xml and the package relationships first, as Word writes them (file-type sniffers look there). */
function packageOrder(entries: ZipEntry[]): ZipEntry[] {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return [...entries].sort((a, b) => rank(a.name) - rank(b.name));
}

export interface WriteLetterDocxOptions {
  /** The four DejaVu Serif faces to embed; read from the dejavu-fonts-ttf package when absent. */
  fonts?: FontSet;
  /** The build's cache of the faces' deflated tails (font-tails.ts); dist/font-tails/ by default. */
  fontTailDir?: string;
}

/**
 * The letter as an editable Word document (.docx): named paragraph styles (Expediteur, Destinataire, LieuDate,
 * ModeEnvoi, Objet, References, Salutation, Corps, Titre, Liste, Tableau, Cloture, Signature, PiecesJointes…),
 * the page of core/common/document/page-geometry.ts (A4, recipient in the window of a DL envelope, running header
 * on pages 2+, footer « x / y »), DejaVu Serif embedded
 * (regular, bold, italic, bold italic), French language and automatic hyphenation.
 */
export async function writeLetterDocx(doc: LetterDocument, options: WriteLetterDocxOptions = {}): Promise<Uint8Array> {
  const language = doc.meta.language || 'fr-FR';
  const fontSet = options.fonts ?? loadLetterFonts();
  const fonts = fontEmbedding(fontSet, options.fontTailDir);
  const lists = new ListCounter();

  const children = [
    ...senderParagraphs(doc),
    ...recipientParagraphs(doc),
    ...placeDateParagraphs(doc),
    ...sendingParagraphs(doc),
    ...referenceParagraphs(doc),
    ...subjectParagraphs(doc),
    ...salutationParagraphs(doc),
    ...bodyToDocx(doc.body, lists, { keepLastWithNext: doc.closing !== '' || doc.signature.length > 0 }),
    ...closingParagraphs(doc),
    ...signatureParagraphs(doc),
    ...enclosureParagraphs(doc, () => lists.take()),
  ];
  // Word ends a document with a paragraph, never with a table.
  if (children.at(-1) instanceof Table) children.push(new Paragraph({ style: StyleId.body }));

  const document = new Document({
    ...coreProperties(doc),
    fonts: fonts.options,
    styles: letterStyles(language),
    numbering: letterNumbering(),
    hyphenation: { autoHyphenation: true, consecutiveHyphenLimit: 2, doNotHyphenateCaps: true },
    sections: [
      {
        properties: {
          // Page 1 carries the sender block; pages 2+ the running header.
          titlePage: true,
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
            },
          },
        },
        headers: { first: emptyHeader(), default: runningHeader(fittedRunningHeader(runningHeaderText(doc.sender, doc.subject), fontSet)) },
        footers: { first: pageNumberFooter(), default: pageNumberFooter() },
        children,
      },
    ],
  });

  const packed = await Packer.toBuffer(document);
  let entries = readZip(packed);
  entries = await withWholeFonts(entries, document.FontTable.files, fonts);
  entries = withLanguageProperty(entries, language);
  entries = withUnhyphenatedStyles(entries);
  return writeZip(packageOrder(await deflateStored(entries)));
}
