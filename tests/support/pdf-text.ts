/**
 * What a reader gets out of a PDF: the text of each page (as pdf.js extracts it, the engine of Firefox and of
 * many viewers), the document information, and the fonts with whether each is really embedded.
 *
 * pdf.js already turns U+00A0 and U+202F into plain spaces; `normaliseSpaces` does the same for any other source,
 * explicitly, so that a test says when it does not care about no-break spaces.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFObject } from 'pdf-lib';

export interface ExtractedPdf {
  /** One string per page, lines separated by '\n', runs of spaces collapsed, lines trimmed. */
  pages: string[];
  /** All pages, separated by '\n'. */
  text: string;
  info: { Title?: string; Author?: string; Subject?: string; Keywords?: string; Language?: string; Creator?: string; Producer?: string };
  /** Fonts used by the pages (BaseFont), once each. */
  fonts: { name: string; embedded: boolean }[];
}

/** No-break spaces (U+00A0, U+202F, U+2007) shown as plain spaces, runs of spaces folded. */
export function normaliseSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/ {2,}/g, ' ');
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && 'str' in item;
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdf.js may transfer (detach) the buffer it is given, and refuses Node Buffers: hand it a plain copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        const y = item.transform[5];
        // A new line when pdf.js says so, or when the baseline moves (items drawn out of reading order).
        if (lastY !== undefined && y !== undefined && item.str !== '' && Math.abs(y - lastY) > 1 && line !== '') {
          lines.push(line);
          line = '';
        }
        line += item.str;
        if (item.str !== '' && y !== undefined) lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      pages.push(
        lines
          .map((l) => l.replace(/ {2,}/g, ' ').trim())
          .filter((l) => l !== '')
          .join('\n'),
      );
      page.cleanup();
    }
    const meta = await pdf.getMetadata();
    const rawInfo = (meta.info ?? {}) as Record<string, unknown>;
    const info: ExtractedPdf['info'] = {};
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Language', 'Creator', 'Producer'] as const) {
      const value = rawInfo[key];
      if (typeof value === 'string') info[key] = value;
    }
    return { pages, text: pages.join('\n'), info, fonts: await pdfFonts(bytes) };
  } finally {
    await pdf.destroy();
  }
}

/**
 * Fonts referenced by the pages' /Resources /Font dictionaries. A font counts as embedded when its font
 * descriptor (for Type0 fonts: the descendant font's) points to a non-empty FontFile, FontFile2 or FontFile3 stream.
 */
export async function pdfFonts(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = doc.context;
  const resolve = (obj: PDFObject | undefined): PDFObject | undefined => (obj instanceof PDFRef ? ctx.lookup(obj) : obj);
  const found = new Map<string, boolean>();
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    const fonts = resolve(resources?.get(PDFName.of('Font')));
    if (!(fonts instanceof PDFDict)) continue;
    for (const [, ref] of fonts.entries()) {
      const font = resolve(ref);
      if (!(font instanceof PDFDict)) continue;
      const name = resolve(font.get(PDFName.of('BaseFont')))?.toString().replace(/^\//, '') ?? '?';
      let descriptorOwner: PDFDict = font;
      const descendants = resolve(font.get(PDFName.of('DescendantFonts')));
      if (descendants instanceof PDFArray) {
        const first = resolve(descendants.get(0));
        if (first instanceof PDFDict) descriptorOwner = first;
      }
      const descriptor = resolve(descriptorOwner.get(PDFName.of('FontDescriptor')));
      let embedded = false;
      if (descriptor instanceof PDFDict) {
        for (const key of ['FontFile', 'FontFile2', 'FontFile3']) {
          const stream = resolve(descriptor.get(PDFName.of(key)));
          if (stream instanceof PDFStream && streamLength(stream) > 0) embedded = true;
        }
      }
      found.set(name, (found.get(name) ?? false) || embedded);
    }
  }
  return [...found].map(([name, embedded]) => ({ name, embedded }));
}

function streamLength(stream: PDFStream): number {
  if (stream instanceof PDFRawStream) return stream.contents.length;
  return stream.getContentsSize();
}
