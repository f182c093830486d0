/**
 * A one-shot letter's PDF, written in a thread of its own: the thread is started first and loads the PDF libraries
 * and fonts while this one reads the case and composes; then the PDF and the DOCX are written side by side. On a
 * machine with two cores, `recours generate` takes about the time of the longer of the two, not of both.
 */
import type { LetterDocument } from '../../common/document/model.js';
import { WorkerPool } from '../evidence/pool.js';

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './letter-pdf-worker.ts' : './letter-pdf-worker.js', import.meta.url);

/** A letter PDF in one thread takes well under a second; the limit only stops a thread that hangs. */
const TIME_LIMIT_MS = 5 * 60_000;

export interface LetterPdfThread {
  render(document: LetterDocument): Promise<Uint8Array>;
  /** Stops the thread (a render still running is rejected). */
  close(): Promise<void>;
}

export function startLetterPdfThread(): LetterPdfThread {
  const pool = new WorkerPool({ url: WORKER_URL, size: 1, timeoutMs: TIME_LIMIT_MS });
  pool.warm();
  return {
    render: (document) => pool.run<Uint8Array>(document),
    close: () => pool.destroy(),
  };
}
