/**
 * Cases with evidence folders made on the fly, and what a reader of the dossier PDF can check: bookmarks,
 * attached files, how a page is turned, which way its text runs, the images it shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { CaseFile } from '../../core/common/case/schema.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import { compileTemplate, type CompiledTemplate } from '../../core/common/templates/compile.js';
import { parseTemplateSource } from '../../core/common/templates/template-source.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { EXAMPLES_DIR } from './examples.js';

/** The laptop case of examples/, with the given evidence list. */
export function caseWith(evidence: CaseFile['evidence']): CaseFile {
  const c = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json'), 'utf8')) as CaseFile;
  return { ...c, evidence };
}

/** A one-paragraph letter that cites exhibits by key: `{{piece "key"}}`. */
export function citingTemplate(body: string): CompiledTemplate {
  const source = [
    '---',
    'id: lettre-essai',
    'title: Lettre d’essai',
    'kind: complaint',
    'disputes: all',
    'description: Pour les tests.',
    'responseDays: 8',
    'subject: "Réclamation — commande n° {{order.number}}"',
    'closing: "Salutations."',
    'checked: 2026-11-25',
    'sources:',
    '  - ref: C. conso, art. L216-6',
    '    url: https://example.org/l216-6',
    '---',
    body,
  ].join('\n');
  return compileTemplate(parseTemplateSource('lettre-essai', source));
}

export async function letterFor(c: CaseFile, template?: CompiledTemplate) {
  const t = template ?? loadTemplateRegistry().get('mise-en-demeure-livraison');
  if (!t) throw new Error('template missing');
  const document = composeLetter(c, t, { today: '2026-11-25' });
  return { document, pdf: await writeLetterPdf(document), title: document.meta.title };
}

export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

async function withPdf<T>(bytes: Uint8Array, fn: (pdf: Awaited<ReturnType<typeof getDocument>['promise']>) => Promise<T>): Promise<T> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    return await fn(pdf);
  } finally {
    await pdf.destroy();
  }
}

/** Titles of the bookmarks, in order, and the 1-based page each one opens. */
export function pdfOutline(bytes: Uint8Array): Promise<{ title: string; page: number }[]> {
  return withPdf(bytes, async (pdf) => {
    const outline = (await pdf.getOutline()) ?? [];
    return Promise.all(outline.map(async (item) => {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : item.dest;
      const ref = dest?.[0] as { num: number; gen: number } | undefined;
      return { title: item.title, page: ref ? (await pdf.getPageIndex(ref)) + 1 : 0 };
    }));
  });
}

/** Names of the files attached to the PDF. */
export function pdfAttachments(bytes: Uint8Array): Promise<string[]> {
  return withPdf(bytes, async (pdf) => Object.values((await pdf.getAttachments()) ?? {}).map((a) => (a as { filename: string }).filename).sort());
}

/**
 * How a page is shown (its /Rotate) and, for the text items containing `needle`, the direction they run on
 * screen: 0° is upright, left to right.
 */
export interface TextPlacement {
  /** The page's /Rotate. */
  rotate: number;
  /** Width and height of the page as shown. */
  width: number;
  height: number;
  landscape: boolean;
  /** For each matching text item: the direction it runs on screen (0 = upright, left to right) and where it starts (y down). */
  angles: number[];
  origins: { x: number; y: number }[];
}

/** How a page is shown and, for the text items containing `needle`, which way they run and where, as seen on screen. */
export function textDirection(bytes: Uint8Array, pageNumber: number, needle: string): Promise<TextPlacement> {
  return withPdf(bytes, async (pdf) => {
    const page = await pdf.getPage(pageNumber);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const placed = content.items
      .filter((i): i is TextItem => 'str' in i && i.str.replace(/\s+/g, ' ').includes(needle))
      .map((i) => Util.transform(viewport.transform, i.transform));
    return {
      rotate: page.rotate,
      width: viewport.width,
      height: viewport.height,
      landscape: viewport.width > viewport.height,
      // Viewport space has y going down: an upright run has m = [s, 0, 0, -s, …].
      angles: placed.map((m) => Math.round((Math.atan2(m[1] ?? 0, m[0] ?? 0) * 180) / Math.PI) || 0),
      origins: placed.map((m) => ({ x: m[4] ?? 0, y: m[5] ?? 0 })),
    };
  });
}

/** The images drawn on a page (0-based index): size, filter, and their bytes as stored. */
export async function pageImages(bytes: Uint8Array, pageIndex: number): Promise<{ width: number; height: number; filter: string; data: Uint8Array }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(pageIndex);
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const out: { width: number; height: number; filter: string; data: Uint8Array }[] = [];
  for (const [, ref] of xobjects?.entries() ?? []) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const dict = stream.dict;
    if (dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') continue;
    out.push({
      width: Number(dict.get(PDFName.of('Width'))?.toString()),
      height: Number(dict.get(PDFName.of('Height'))?.toString()),
      filter: dict.get(PDFName.of('Filter'))?.toString() ?? '',
      data: stream.contents,
    });
  }
  return out;
}
