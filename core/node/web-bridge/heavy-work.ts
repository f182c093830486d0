/**
 * Letters, dossiers and `.recours` archives (export and import) produced in a worker thread, each under a time limit, so that the bridge keeps answering
 * other requests (and signals) while a long job runs, and a job that never ends is stopped with a French message.
 */
import { ApiError } from '../../common/api/contract.js';
import type { LetterDocument } from '../../common/document/model.js';
import type { HeavyWork } from '../api/core-modules.js';
import type { DossierJobInput, DossierJobOutput } from '../dossier/index.js';
import { limitText, TaskTimeoutError, WorkerPool } from '../evidence/pool.js';
import type { ArchiveSource, CheckedArchive } from '../store/archive.js';
import { StoreError } from '../store/errors.js';
import type { OutputFormat } from '../generate.js';
import { LETTER_TIME_LIMIT_MS } from '../letter-time-limit.js';

export type HeavyTask =
  | { type: 'letter'; document: LetterDocument; format: OutputFormat }
  | { type: 'dossier'; input: DossierJobInput }
  | { type: 'pack'; dir: string; id: string; now: string; file: string }
  | { type: 'check'; source: ArchiveSource; staging?: string };

const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './heavy-worker.ts' : './heavy-worker.js', import.meta.url);

/** A dossier of a hundred photos takes about a minute here (a letter: LETTER_TIME_LIMIT_MS). */
export const DOSSIER_TIME_LIMIT_MS = 15 * 60_000;
/** Generous: an archive holds at most 1 Go (MAX_ARCHIVE_CONTENT), inflated and fingerprinted in seconds. */
export const ARCHIVE_TIME_LIMIT_MS = 5 * 60_000;

function timeLimit(e: unknown, what: string): unknown {
  // A refused archive crosses the thread as a plain Error: it gets its type back, and so its French answer.
  if (e instanceof Error && e.name === 'StoreError') return new StoreError('invalid-archive', e.message);
  if (!(e instanceof TaskTimeoutError)) return e;
  return new ApiError({ code: 'failed', message: `${what} a été interrompu après ${limitText(e.ms)} : le travail ne finissait pas. Vérifiez les textes très longs et les pièces du dossier, puis recommencez.` });
}

export function workerHeavyWork(options: { size?: number; letterMs?: number; dossierMs?: number; archiveMs?: number } = {}): HeavyWork & { close(): Promise<void> } {
  const pool = new WorkerPool({ url: WORKER_URL, size: options.size ?? 2, timeoutMs: options.dossierMs ?? DOSSIER_TIME_LIMIT_MS });
  return {
    async renderLetter(document, format) {
      try {
        return await pool.run<Uint8Array>({ type: 'letter', document, format } satisfies HeavyTask, { timeoutMs: options.letterMs ?? LETTER_TIME_LIMIT_MS });
      } catch (e) {
        throw timeLimit(e, 'La mise en page de la lettre');
      }
    },
    async assembleDossier({ onProgress: _progress, signal, ...input }) {
      try {
        return await pool.run<DossierJobOutput>({ type: 'dossier', input } satisfies HeavyTask, {
          ...(signal ? { signal } : {}),
          timeoutMs: options.dossierMs ?? DOSSIER_TIME_LIMIT_MS,
        });
      } catch (e) {
        throw timeLimit(e, 'L’assemblage du dossier de pièces');
      }
    },
    async packCase(dir, id, now, file) {
      try {
        // The worker writes the archive to `file` itself: only its size comes back.
        return await pool.run<number>({ type: 'pack', dir, id, now: now.toISOString(), file } satisfies HeavyTask, { timeoutMs: options.archiveMs ?? ARCHIVE_TIME_LIMIT_MS });
      } catch (e) {
        throw timeLimit(e, 'L’export du dossier');
      }
    },
    async checkArchive(source, staging) {
      try {
        // A file (the upload route's) is read by the worker itself; bytes are moved to it, not copied, when they own their buffer.
        // The worker inflates the pieces into `staging` (the case folder being built): only the case's facts come back.
        const own = source instanceof Uint8Array && source.byteOffset === 0 && source.byteLength === source.buffer.byteLength && source.buffer instanceof ArrayBuffer;
        return await pool.run<CheckedArchive>({ type: 'check', source, ...(staging !== undefined ? { staging } : {}) } satisfies HeavyTask, {
          timeoutMs: options.archiveMs ?? ARCHIVE_TIME_LIMIT_MS,
          ...(own ? { transfer: [source.buffer as ArrayBuffer] } : {}),
        });
      } catch (e) {
        throw timeLimit(e, 'L’import du fichier .recours');
      }
    },
    close: () => pool.destroy(),
  };
}
