/** Worker thread: extracts the text of a PDF's first pages with pdf.js (see pdf-text.ts). */
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { WorkerReply } from '../evidence/pool.js';
import type { PdfText, PdfTextTask } from './pdf-text.js';

const port = parentPort;
if (!port) throw new Error('pdf-text-worker.ts runs as a worker thread only');

async function extract(task: PdfTextTask): Promise<PdfText> {
  const doc = await getDocument({ data: task.bytes, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, task.maxPages); n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const lines: string[] = [];
      let line = '';
      let lastY: number | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number | undefined;
        // A new line when pdf.js says so, or when the baseline moves.
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
      pages.push(lines.map((l) => l.replace(/ {2,}/g, ' ').trim()).filter(Boolean).join('\n'));
      page.cleanup();
    }
    return { pages, numPages: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

port.on('message', (task: PdfTextTask) => {
  extract(task).then(
    (result) => port.postMessage({ ok: true, result } satisfies WorkerReply),
    (e: unknown) => port.postMessage({ ok: false, error: e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) } } satisfies WorkerReply),
  );
});
