/**
 * Core as the desktop app runs it: the API dispatcher over the case store in the user's data folder, with the
 * dossier assembled in the background process (utility process) instead of the main process.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../core/common/api/contract.js';
import { createApiDispatcher, type ApiDispatcher } from '../../core/node/api/index.js';
import { CANCELLED_MESSAGE, type JobHost } from './jobs/job-host.js';
import type { DossierInput, DossierOutput } from './jobs/dossier-job.js';
import type { SettingsStore } from './settings-store.js';

export interface DossierHooks {
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

/** Core's assembler signature, run as a job: progress comes back from the background process, abort cancels it. */
export async function assembleInBackground(jobs: Pick<JobHost, 'run' | 'cancel'>, request: DossierInput & DossierHooks): Promise<DossierOutput> {
  const { onProgress, signal, ...input } = request; // functions and signals cannot cross to another process
  if (signal?.aborted) throw new ApiError({ code: 'failed', message: CANCELLED_MESSAGE });
  const jobId = `dossier-${randomUUID()}`;
  const cancel = (): void => {
    jobs.cancel(jobId);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    return (await jobs.run('dossier', input, jobId, (p) => onProgress?.(p.done, p.total, p.label))) as DossierOutput;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
}

export function createCore(options: { dataDir: string; settings: SettingsStore; jobs: JobHost; log: (message: string, error?: unknown) => void }): ApiDispatcher {
  return createApiDispatcher({
    dataDir: options.dataDir,
    settings: options.settings,
    log: (message) => options.log(message),
    heavyWork: { assembleDossier: (request) => assembleInBackground(options.jobs, request) },
  });
}
