/**
 * The text layer of a PDF (invoice, order page saved as PDF), with pdf.js, in a worker thread with a time limit:
 * a malformed or hostile PDF costs at most that time and never blocks the process. Nothing in the PDF runs
 * (no eval, no font loading: pdf.js only reads the text operators).
 *
 * The worker is plain JavaScript given as a data: URL, so that it loads pdf.js natively from sources and from the
 * compiled build alike (through tsx, the 2 MB pdf.js worker would be transformed first, for seconds).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { WorkerPool, TaskTimeoutError } from '../evidence/pool.js';
import { beyondLimit, IMPORT_LIMITS, ImportProblem } from './problem.js';

export interface PdfText {
  pages: string[];
  numPages: number;
}

const PDFJS = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;

const WORKER_SOURCE = `
import { parentPort } from 'node:worker_threads';
import { getDocument } from ${JSON.stringify(PDFJS)};
async function extract({ bytes, maxPages }) {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines = [];
      let line = '';
      let lastY;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5];
        // A new line when pdf.js says so, or when the baseline moves.
        if (lastY !== undefined && item.str !== '' && Math.abs(y - lastY) > 1 && line !== '') { lines.push(line); line = ''; }
        line += item.str;
        if (item.str !== '') lastY = y;
        if (item.hasEOL) { lines.push(line); line = ''; }
      }
      if (line !== '') lines.push(line);
      pages.push(lines.map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean).join('\\n'));
      page.cleanup();
    }
    return { pages, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
parentPort.on('message', (task) => {
  extract(task).then(
    (result) => parentPort.postMessage({ ok: true, result }),
    (e) => parentPort.postMessage({ ok: false, error: { name: e && e.name || 'Error', message: String(e && e.message || e) } }),
  );
});
`;

let pool: WorkerPool | null = null;

export async function pdfText(bytes: Uint8Array, source: string): Promise<PdfText> {
  if (bytes.length > IMPORT_LIMITS.pdfBytes) throw new ImportProblem(source, `le PDF ${beyondLimit(IMPORT_LIMITS.pdfBytes)}`);
  pool ??= new WorkerPool({ url: new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), size: 1, timeoutMs: IMPORT_LIMITS.pdfMs });
  const copy = new Uint8Array(bytes);
  try {
    return await pool.run<PdfText>({ bytes: copy, maxPages: IMPORT_LIMITS.pdfPages }, { transfer: [copy.buffer] });
  } catch (e) {
    if (e instanceof TaskTimeoutError) throw new ImportProblem(source, `la lecture du PDF a dépassé ${IMPORT_LIMITS.pdfMs / 1000} secondes : fichier trop complexe ou endommagé`);
    const message = e instanceof Error ? e.message : String(e);
    if (/password/i.test(message)) throw new ImportProblem(source, 'le PDF est protégé par un mot de passe');
    throw new ImportProblem(source, 'le PDF est illisible ou endommagé');
  }
}
