/**
 * A PDF exhibit reduced to its pages' content, in the evidence worker: nothing that can act survives — no
 * JavaScript, no /Launch or other action, no page or annotation actions (/AA), no form fields, no embedded files,
 * no XFA, no /OpenAction. The dossier copies its pages from the result only, never from the original.
 *
 * Pages keep a whitelist of keys. Annotations with a visible appearance (filled form fields, highlights, stamps)
 * are flattened into the page, so what the exhibit shows is kept while the annotation itself goes. Links stay
 * only as plain web or mail links, rebuilt from scratch: an invoice's link is part of the evidence, and a
 * /URI action runs nothing (the reader asks before opening it). Finally every object of the result is scrubbed
 * of any key or action type that can act, wherever an attacker may have hidden it (resources, custom keys).
 */
import type {
  PDFArray as PDFArrayT, PDFDict as PDFDictT, PDFDocument as PDFDocumentT, PDFName as PDFNameT, PDFRef as PDFRefT, PDFObject, PDFPage,
} from 'pdf-lib';
import { pdfLib } from '../pdf/cjs-libraries.js';

// Through require (see cjs-libraries.ts): the same classes, so `instanceof` holds, without the ES loader's scan.
const {
  PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFStream, PDFString,
  concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState,
} = pdfLib;
type PDFArray = PDFArrayT;
type PDFDict = PDFDictT;
type PDFDocument = PDFDocumentT;
type PDFName = PDFNameT;
type PDFRef = PDFRefT;

/** French names of what was removed, for the warning. */
export type RemovedContent = 'JavaScript' | 'actions' | 'fichiers incorporés' | 'formulaire';

/** Keys a page keeps; the rest (/AA, /B, /PieceInfo, /Metadata, /Trans…) goes. */
const PAGE_KEYS = new Set(['Type', 'MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox', 'Rotate', 'Resources', 'Contents', 'Group', 'UserUnit', 'Annots']);
/** Keys that never stay anywhere in the result. */
const ACTIVE_KEYS = new Map<string, RemovedContent>([
  ['JS', 'JavaScript'], ['JavaScript', 'JavaScript'], ['AA', 'actions'], ['OpenAction', 'actions'], ['A', 'actions'],
  ['Next', 'actions'], ['EmbeddedFile', 'fichiers incorporés'], ['EmbeddedFiles', 'fichiers incorporés'], ['EF', 'fichiers incorporés'],
  ['RF', 'fichiers incorporés'], ['XFA', 'formulaire'], ['AcroForm', 'formulaire'],
]);
/** Subtypes of annotation that are never flattened: they stand for something active or for a file. */
const DROPPED_ANNOTS = new Set(['Link', 'Popup', 'FileAttachment', 'Screen', 'Movie', 'Sound', 'RichMedia', '3D', 'Widget']);
/** Action types (PDF 32000, 12.6.4) other than /URI: each can run, open, send or change something. */
const ACTIONS = /^(JavaScript|Launch|SubmitForm|ResetForm|ImportData|GoTo|GoToE|GoToR|GoToDp|Rendition|Movie|Sound|Hide|Named|SetOCGState|Trans|GoTo3DView|RichMediaExecute|Thread)$/;
const WEB_LINK = /^(https?:|mailto:)/i;
const HIDDEN_FLAG = 2;

const name = (v: PDFObject | undefined): string | undefined => (v instanceof PDFName ? v.decodeText() : undefined);
const text = (v: PDFObject | undefined): string | undefined => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

function numbers(doc: PDFDocument, v: PDFObject | undefined): number[] | undefined {
  const array = doc.context.lookupMaybe(v, PDFArray);
  if (!array) return undefined;
  const out = array.asArray().map((x) => doc.context.lookup(x)).map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN));
  return out.every(Number.isFinite) ? out : undefined;
}

/** The appearance an annotation shows (its /AP /N stream, for its /AS state), if it shows one. */
function appearance(doc: PDFDocument, annot: PDFDict): PDFRef | undefined {
  const ap = doc.context.lookupMaybe(annot.get(PDFName.of('AP')), PDFDict);
  const normal = ap?.get(PDFName.of('N'));
  if (normal instanceof PDFRef && doc.context.lookup(normal) instanceof PDFStream) return normal;
  const states = doc.context.lookupMaybe(normal, PDFDict);
  const state = states?.get(annot.get(PDFName.of('AS')) instanceof PDFName ? (annot.get(PDFName.of('AS')) as PDFName) : PDFName.of('Off'));
  return state instanceof PDFRef && doc.context.lookup(state) instanceof PDFStream ? state : undefined;
}

/** Draws an annotation's appearance where the annotation sits (PDF 32000, 12.5.5), then the annotation can go. */
function flatten(doc: PDFDocument, page: PDFPage, annot: PDFDict, ref: PDFRef): void {
  const rect = numbers(doc, annot.get(PDFName.of('Rect')));
  const form = doc.context.lookup(ref, PDFStream);
  const bbox = numbers(doc, form.dict.get(PDFName.of('BBox')));
  if (!rect || rect.length !== 4 || !bbox || bbox.length !== 4) return;
  const [a, b, c, d, e, f] = numbers(doc, form.dict.get(PDFName.of('Matrix'))) ?? [1, 0, 0, 1, 0, 0];
  const corners = [[bbox[0], bbox[1]], [bbox[2], bbox[1]], [bbox[0], bbox[3]], [bbox[2], bbox[3]]].map(([x = 0, y = 0]) => [a! * x + c! * y + e!, b! * x + d! * y + f!]);
  const xs = corners.map((p) => p[0]!);
  const ys = corners.map((p) => p[1]!);
  const [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  if (x1 - x0 <= 0 || y1 - y0 <= 0) return;
  const [rx0, ry0, rx1, ry1] = [Math.min(rect[0]!, rect[2]!), Math.min(rect[1]!, rect[3]!), Math.max(rect[0]!, rect[2]!), Math.max(rect[1]!, rect[3]!)];
  const sx = (rx1 - rx0) / (x1 - x0);
  const sy = (ry1 - ry0) / (y1 - y0);
  const key = page.node.newXObject('Aplati', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(sx, 0, 0, sy, rx0 - x0 * sx, ry0 - y0 * sy), drawObject(key), popGraphicsState());
}

/** A plain web or mail link rebuilt with nothing but its rectangle and address; undefined when it is anything else. */
function plainLink(doc: PDFDocument, annot: PDFDict): PDFRef | undefined {
  const action = doc.context.lookupMaybe(annot.get(PDFName.of('A')), PDFDict);
  const uri = action && name(action.get(PDFName.of('S'))) === 'URI' ? text(doc.context.lookup(action.get(PDFName.of('URI')))) : undefined;
  const rect = numbers(doc, annot.get(PDFName.of('Rect')));
  if (!uri || !WEB_LINK.test(uri) || !rect || rect.length !== 4 || action?.has(PDFName.of('Next'))) return undefined;
  return doc.context.register(doc.context.obj({
    Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0],
    A: { S: 'URI', URI: PDFString.of(uri) },
  }));
}

/** Everything that can act, found in an object graph (for the warning), without following references twice. */
function findActive(doc: PDFDocument, root: PDFObject | undefined, found: Set<RemovedContent>, seen = new Set<PDFObject>()): void {
  const value = root instanceof PDFRef ? doc.context.lookup(root) : root;
  if (!value || seen.has(value) || seen.size > 20_000) return;
  seen.add(value);
  const dict = value instanceof PDFStream ? value.dict : value instanceof PDFDict ? value : undefined;
  if (dict) {
    for (const [key, v] of dict.entries()) {
      const k = key.decodeText();
      if (k === 'S' && name(v) === 'JavaScript') found.add('JavaScript');
      else if (k === 'S' && ACTIONS.test(name(v) ?? '') && name(v) !== 'GoTo') found.add('actions');
      if (k === 'JS' || k === 'JavaScript') found.add('JavaScript');
      else if (k === 'EmbeddedFiles' || k === 'EF') found.add('fichiers incorporés');
      else if (k === 'XFA') found.add('formulaire');
      if (k !== 'Parent' && k !== 'P') findActive(doc, v, found, seen);
    }
  } else if (value instanceof PDFArray) {
    for (const v of value.asArray()) findActive(doc, v, found, seen);
  }
}

function cleanPage(doc: PDFDocument, page: PDFPage, found: Set<RemovedContent>): void {
  const node = page.node;
  if (node.has(PDFName.of('AA'))) findActive(doc, node.get(PDFName.of('AA')), found);
  const annots = node.Annots();
  const kept: PDFRef[] = [];
  for (const entry of annots?.asArray() ?? []) {
    const annot = doc.context.lookupMaybe(entry, PDFDict);
    if (!annot) continue;
    const subtype = name(annot.get(PDFName.of('Subtype'))) ?? '';
    const flags = doc.context.lookupMaybe(annot.get(PDFName.of('F')), PDFNumber)?.asNumber() ?? 0;
    if (subtype === 'Link') {
      const link = plainLink(doc, annot);
      if (link) kept.push(link);
      if (annot.has(PDFName.of('AA'))) findActive(doc, annot.get(PDFName.of('AA')), found);
      if (!link) findActive(doc, annot.get(PDFName.of('A')), found);
      continue;
    }
    if (subtype === 'Widget' || annot.has(PDFName.of('FT'))) found.add('formulaire');
    for (const key of ['A', 'AA', 'Parent']) findActive(doc, annot.get(PDFName.of(key)), found);
    if (subtype === 'FileAttachment') found.add('fichiers incorporés');
    const shown = appearance(doc, annot);
    if (shown && (flags & HIDDEN_FLAG) === 0 && (subtype === 'Widget' || !DROPPED_ANNOTS.has(subtype))) flatten(doc, page, annot, shown);
  }
  for (const key of node.keys()) if (!PAGE_KEYS.has(key.decodeText())) node.delete(key);
  if (kept.length > 0) node.set(PDFName.of('Annots'), doc.context.obj(kept));
  else node.delete(PDFName.of('Annots'));
}

/** Removes, in every object of the document, what can act, noting what it found. */
function scrub(doc: PDFDocument, found: Set<RemovedContent>): void {
  const visit = (value: PDFObject, depth: number): void => {
    if (depth > 64) return;
    const dict = value instanceof PDFStream ? value.dict : value instanceof PDFDict ? value : undefined;
    if (dict) {
      const action = name(dict.get(PDFName.of('S'))) ?? '';
      const type = name(dict.get(PDFName.of('Type')));
      if (ACTIONS.test(action) || dict.has(PDFName.of('JS')) || type === 'EmbeddedFile' || type === 'Filespec') {
        found.add(action === 'JavaScript' ? 'JavaScript' : type === 'EmbeddedFile' || type === 'Filespec' ? 'fichiers incorporés' : 'actions');
        for (const key of dict.keys()) dict.delete(key);
        return;
      }
      for (const key of dict.keys()) {
        const why = ACTIVE_KEYS.get(key.decodeText());
        // A plain URI action under /A of a link annotation rebuilt by plainLink is the only /A kept.
        if (why && !(key.decodeText() === 'A' && isPlainUri(dict.get(key)))) {
          found.add(why);
          dict.delete(key);
          continue;
        }
        const v = dict.get(key);
        if (v && !(v instanceof PDFRef)) visit(v, depth + 1);
      }
    } else if (value instanceof PDFArray) {
      for (const v of value.asArray()) if (!(v instanceof PDFRef)) visit(v, depth + 1);
    }
  };
  const isPlainUri = (v: PDFObject | undefined) => v instanceof PDFDict && name(v.get(PDFName.of('S'))) === 'URI' && WEB_LINK.test(text(v.get(PDFName.of('URI'))) ?? '');
  for (const [, object] of doc.context.enumerateIndirectObjects()) visit(object, 0);
}

/**
 * The pages of `source` in a new PDF with nothing active; `removed` says what was taken out (empty when the file
 * had nothing active). Mutates `source`, which the caller throws away.
 */
export async function cleanPdf(source: PDFDocument): Promise<{ bytes: Uint8Array; pageCount: number; removed: RemovedContent[] }> {
  const found = new Set<RemovedContent>();
  const catalog = source.catalog;
  for (const key of ['OpenAction', 'AA', 'Names', 'AcroForm']) findActive(source, catalog.get(PDFName.of(key)), found);
  if (catalog.has(PDFName.of('OpenAction')) || catalog.has(PDFName.of('AA'))) found.add('actions');
  for (const page of source.getPages()) cleanPage(source, page, found);
  const clean = await PDFDocument.create({ updateMetadata: false });
  const pages = await clean.copyPages(source, source.getPageIndices());
  for (const page of pages) clean.addPage(page);
  scrub(clean, found);
  const bytes = await clean.save({ objectsPerTick: Number.POSITIVE_INFINITY });
  return { bytes, pageCount: pages.length, removed: [...found].sort() };
}
