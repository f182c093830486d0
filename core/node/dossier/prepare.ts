/**
 * Every exhibit of a case read and converted in the evidence workers, in parallel, each under a time limit: a file
 * that crashes or hangs its worker becomes a placeholder, the others go on. Cancelling (AbortSignal) stops the
 * workers at once.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { exhibitsOf } from '../../common/case/exhibits.js';
import type { Exhibit } from '../../common/case/exhibits.js';
import type { CaseFile } from '../../common/case/schema.js';
import { evidencePool, exhibitPath, refusedReport, sha256File, workerFailure } from '../evidence/index.js';
import type { EvidenceTask, ImageTarget, PreparedEvidence } from '../evidence/types.js';
import { displayFileName } from '../../common/format/display-name.js';

export interface PreparedExhibit {
  exhibit: Exhibit;
  /** The name the user knows the file by: `originalName`, else the file's own name. */
  fileName: string;
  path: string;
  prepared: PreparedEvidence;
}

export interface PrepareOptions {
  image: ImageTarget;
  keepOriginals: boolean;
  /** Read exhibits outside the case folder too (the CLI's --allow-outside); refused otherwise. */
  allowOutside?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  onDone?: (exhibit: PreparedExhibit) => void;
}

function isAbort(e: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (e instanceof Error && e.name === 'AbortError');
}

export async function prepareExhibits(c: CaseFile, caseDir: string, options: PrepareOptions): Promise<PreparedExhibit[]> {
  const entries = c.evidence ?? [];
  const pool = evidencePool();
  return Promise.all(
    exhibitsOf(c).map(async (exhibit, i) => {
      const original = entries[i]?.originalName ?? basename(exhibit.file);
      // As shown wherever the dossier names the file (bordereau, exhibit pages, warnings): no bidi control, nothing invisible.
      const fileName = displayFileName(original);
      const where = await exhibitPath(caseDir, exhibit.file, { allowOutside: options.allowOutside === true });
      const path = where.path;
      const task: EvidenceTask = { type: 'prepare', path, name: original, image: options.image, keepOriginal: options.keepOriginals };
      const prepared = where.refused
        ? { report: refusedReport(path, where.refused), content: { kind: 'unreadable' as const, reason: where.refused, attach: false } }
        : await prepareOne(pool, task, options);
      const done = { exhibit, fileName, path, prepared };
      options.onDone?.(done);
      return done;
    }),
  );
}

async function prepareOne(pool: ReturnType<typeof evidencePool>, task: Extract<EvidenceTask, { type: 'prepare' }>, options: PrepareOptions): Promise<PreparedEvidence> {
  try {
    return await pool.run<PreparedEvidence>(task, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  } catch (e) {
    if (isAbort(e, options.signal)) throw e;
    const reason = workerFailure(e);
    const path = task.path;
    return {
      report: { path, sha256: await sha256File(path).catch(() => ''), size: await stat(path).then((s) => s.size, () => 0), mediaType: '', kind: 'other', pages: null, takenAt: null, problems: [reason], label: 'fichier', unreadable: reason },
      content: { kind: 'unreadable', reason, attach: false },
    };
  }
}
