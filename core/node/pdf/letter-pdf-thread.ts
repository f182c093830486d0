/**
 * A one-shot letter's PDF, written in a thread of its own: the thread is started first and loads the PDF libraries
 * and fonts while this one reads the case and composes; then the PDF and the DOCX are written side by side. On a
 * machine with two cores, `recours generate` takes about the time of the longer of the two, not of both.
 */
import type { LetterDocument } from '../../common/document/model.js';
import { limitText, TaskTimeoutError, WorkerCrashError, WorkerPool } from '../evidence/pool.js';
import { LETTER_TIME_LIMIT_MS } from '../letter-time-limit.js';

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './letter-pdf-worker.ts' : './letter-pdf-worker.js', import.meta.url);

export interface LetterPdfThread {
  render(document: LetterDocument): Promise<Uint8Array>;
  /** Stops the thread (a render still running is rejected). */
  close(): Promise<void>;
}

/** What the thread's own failures (English, from the pool) tell the user. */
function inFrench(e: unknown): unknown {
  if (e instanceof TaskTimeoutError) {
    return new Error(`l’écriture du PDF a été interrompue après ${limitText(e.ms)} : elle ne finissait pas. Vérifiez les textes très longs du dossier, puis recommencez.`);
  }
  if (e instanceof WorkerCrashError) return new Error(`l’écriture du PDF s’est arrêtée net (${e.message}). Recommencez ; si cela se reproduit, signalez-le.`);
  return e;
}

export function startLetterPdfThread(timeoutMs = LETTER_TIME_LIMIT_MS): LetterPdfThread {
  const pool = new WorkerPool({ url: WORKER_URL, size: 1, timeoutMs });
  pool.warm();
  return {
    render: (document) =>
      pool.run<Uint8Array>(document).catch((e: unknown) => {
        throw inFrench(e);
      }),
    close: () => pool.destroy(),
  };
}
