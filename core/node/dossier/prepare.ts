/**
 * Every exhibit of a case read and converted in the evidence workers, in parallel, each under a time limit: a file
 * that crashes or hangs its worker becomes a placeholder, the others go on. Cancelling (AbortSignal) stops the
 * workers at once.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { exhibitsOf } from '../../common/case/exhibits.js';
import type { Exhibit } from '../../common/case/exhibits.js';
import type { CaseFile } from '../../common/case/schema.js';
import { evidencePool, sha256File, workerFailure } from '../evidence/index.js';
import type { EvidenceTask, ImageTarget, PreparedEvidence } from '../evidence/types.js';

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
      const fileName = entries[i]?.originalName ?? basename(exhibit.file);
      const path = resolve(caseDir, exhibit.file);
      const task: EvidenceTask = { type: 'prepare', path, name: fileName, image: options.image, keepOriginal: options.keepOriginals };
      let prepared: PreparedEvidence;
      try {
        prepared = await pool.run<PreparedEvidence>(task, {
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        });
      } catch (e) {
        if (isAbort(e, options.signal)) throw e;
        const reason = workerFailure(e);
        prepared = {
          report: { path, sha256: await sha256File(path).catch(() => ''), size: await stat(path).then((s) => s.size, () => 0), mediaType: '', kind: 'other', pages: null, takenAt: null, problems: [reason], label: 'fichier', unreadable: reason },
          content: { kind: 'unreadable', reason, attach: false },
        };
      }
      const done = { exhibit, fileName, path, prepared };
      options.onDone?.(done);
      return done;
    }),
  );
}
