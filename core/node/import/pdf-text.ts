/**
 * The text layer of a PDF (invoice, order page saved as PDF), with pdf.js, in a worker thread with a time limit:
 * a malformed or hostile PDF costs at most that time and never blocks the process. Nothing in the PDF runs
 * (no eval, no fonts loaded, no scripts: pdf.js only reads the text operators).
 */
import { WorkerPool, TaskTimeoutError } from '../evidence/pool.js';
import { IMPORT_LIMITS, ImportProblem } from './problem.js';

const WORKER_URL = new URL(`./pdf-text-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
let pool: WorkerPool | null = null;

export interface PdfTextTask {
  bytes: Uint8Array;
  maxPages: number;
}

export interface PdfText {
  pages: string[];
  numPages: number;
}

export async function pdfText(bytes: Uint8Array, source: string): Promise<PdfText> {
  if (bytes.length > IMPORT_LIMITS.pdfBytes) throw new ImportProblem(source, `le PDF dépasse ${IMPORT_LIMITS.pdfBytes / 1024 / 1024} Mo`);
  pool ??= new WorkerPool({ url: WORKER_URL, size: 1, timeoutMs: IMPORT_LIMITS.pdfMs });
  const copy = new Uint8Array(bytes);
  try {
    return await pool.run<PdfText>({ bytes: copy, maxPages: IMPORT_LIMITS.pdfPages } satisfies PdfTextTask, { transfer: [copy.buffer] });
  } catch (e) {
    if (e instanceof TaskTimeoutError) throw new ImportProblem(source, `la lecture du PDF a dépassé ${IMPORT_LIMITS.pdfMs / 1000} secondes : fichier trop complexe ou endommagé`);
    const message = e instanceof Error ? e.message : String(e);
    if (/password/i.test(message)) throw new ImportProblem(source, 'le PDF est protégé par un mot de passe');
    throw new ImportProblem(source, 'le PDF est illisible ou endommagé');
  }
}
