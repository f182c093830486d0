/**
 * Evidence files (« pièces »): what each file really is, its SHA-256 fingerprint, the date a photo was taken and
 * the problems found — read in a worker thread that is stopped if a malformed file makes it hang. Originals are
 * only ever read.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sha256File } from './bytes.js';
import { TaskTimeoutError, WorkerPool } from './pool.js';
import { DEFAULT_TASK_TIMEOUT_MS } from './limits.js';
import type { EvidenceReport, EvidenceTask, Thumbnail } from './types.js';

export type { EvidenceReport, EvidenceContent, ImageFrame, ImageTarget, PreparedEvidence, EmailAttachment, Thumbnail } from './types.js';
export type { EvidenceKind } from './media-type.js';
export { formatSize } from './format.js';
export { sha256File } from './bytes.js';
export { MAX_IMAGE_PIXELS, DEFAULT_TASK_TIMEOUT_MS } from './limits.js';
export { TaskTimeoutError, WorkerCrashError, WorkerPool, abortError } from './pool.js';
export { exhibitPath, OUTSIDE_CASE } from './case-path.js';

/** The worker module next to this one: .ts when running from sources (tests, benchmarks), .js once compiled. */
export const EVIDENCE_WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

let shared: WorkerPool | undefined;

/** The process-wide evidence pool (one worker per core, started on demand, never keeping the process alive). */
export function evidencePool(): WorkerPool {
  shared ??= new WorkerPool({ url: EVIDENCE_WORKER_URL, timeoutMs: DEFAULT_TASK_TIMEOUT_MS });
  return shared;
}

/** Why a worker gave up on a file, for the user. */
export function workerFailure(e: unknown): string {
  if (e instanceof TaskTimeoutError) {
    const after = e.ms >= 1000 ? `${Math.round(e.ms / 1000)}\u00a0s` : `${e.ms}\u00a0ms`;
    return `l’analyse du fichier a été interrompue après ${after} (fichier probablement malformé)`;
  }
  return 'l’analyse du fichier a échoué (fichier probablement malformé)';
}

async function fingerprint(path: string): Promise<{ sha256: string; size: number }> {
  return { sha256: await sha256File(path), size: (await stat(path)).size };
}

export interface InspectOptions {
  /** The name the user knows the file by (its extension is compared with the content); the path's name by default. */
  name?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** The report for a file that was not read at all (a path outside the case): only the reason. */
export function refusedReport(path: string, reason: string): EvidenceReport {
  return { path, sha256: '', size: 0, mediaType: '', kind: 'other', pages: null, takenAt: null, problems: [reason], label: 'fichier', unreadable: reason };
}

/** Type, fingerprint, pages, date taken and problems of one evidence file. Never throws for a bad file. */
export async function inspectEvidenceFile(path: string, options: InspectOptions = {}): Promise<EvidenceReport> {
  const task: EvidenceTask = { type: 'inspect', path, name: options.name ?? basename(path) };
  try {
    return await evidencePool().run<EvidenceReport>(task, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError' || options.signal?.aborted) throw e;
    // The worker was stopped: fingerprint the file here (hashing cannot hang) and report why.
    const reason = workerFailure(e);
    const { sha256, size } = await fingerprint(path).catch(() => ({ sha256: '', size: 0 }));
    return { path, sha256, size, mediaType: '', kind: 'other', pages: null, takenAt: null, problems: [reason], label: 'fichier', unreadable: reason };
  }
}

/** A small preview of an image exhibit (EXIF orientation applied), or null for other files and unreadable images. */
export async function evidenceThumbnail(path: string, maxSize = 256): Promise<Thumbnail | null> {
  try {
    return await evidencePool().run<Thumbnail | null>({ type: 'thumbnail', path, maxSize } satisfies EvidenceTask);
  } catch {
    return null;
  }
}
