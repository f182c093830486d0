/**
 * PDF bookmarks (the « signets » panel): pdf-lib 1.17 has no outline API, so the /Outlines tree is built from
 * low-level objects (ISO 32000-1 §12.3.3): one flat level, one item per part, each opening its first page.
 */
import { PDFHexString, PDFName, PDFNull } from 'pdf-lib';
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  page: PDFPage;
}

export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const root = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), root);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    // [page /XYZ null null null]: open the page, keep the reader's zoom.
    item.set(PDFName.of('Dest'), context.obj([entry.page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]));
    context.assign(refs[i] as PDFRef, item);
  });
  const outlines = context.obj({});
  outlines.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outlines.set(PDFName.of('First'), refs[0] as PDFRef);
  outlines.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  outlines.set(PDFName.of('Count'), context.obj(entries.length));
  context.assign(root, outlines);
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
