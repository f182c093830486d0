/**
 * Main-process side of background jobs: starts the worker process on demand, forwards progress, cancels,
 * and survives the worker's crash — pending jobs fail with a French message, the next job starts a fresh
 * worker. A job that ignores its cancellation (stuck in a malformed file) is stopped by killing the worker.
 */
import { ApiError } from '../../../core/common/api/contract.js';
import { fromWorkerSchema, type Progress, type ToWorker } from './protocol.js';

/** What the host needs of Electron's UtilityProcess (or any child process). */
export interface WorkerProcess {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface JobHostOptions {
  spawn: () => WorkerProcess;
  log: (message: string, error?: unknown) => void;
  /** How long a cancelled job may take to stop before its worker is killed. */
  killAfterMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress: (progress: Progress) => void;
  cancelled: boolean;
}

export const CANCELLED_MESSAGE = 'Préparation annulée à votre demande. Rien n’a été enregistré.';

export function crashMessage(code: number): string {
  return (
    `Le traitement en arrière-plan s’est arrêté brutalement (code ${code}). Recours continue de fonctionner et ` +
    'vos dossiers sont intacts. Réessayez ; si cela se reproduit, retirez la dernière pièce ajoutée et ' +
    'consultez le journal (menu Aide › Ouvrir le dossier des journaux).'
  );
}

export interface JobHost {
  run(kind: string, params: unknown, jobId: string, onProgress: (progress: Progress) => void): Promise<unknown>;
  /** True when the job was running and is being stopped. */
  cancel(jobId: string): boolean;
  dispose(): void;
}

export function createJobHost(options: JobHostOptions): JobHost {
  const killAfterMs = options.killAfterMs ?? 3_000;
  const pending = new Map<string, Pending>();
  let worker: WorkerProcess | null = null;
  let killTimer: ReturnType<typeof setTimeout> | null = null;

  function settle(jobId: string, outcome: { result: unknown } | { error: unknown }): void {
    const job = pending.get(jobId);
    if (!job) return;
    pending.delete(jobId);
    if (pending.size === 0 && killTimer) {
      clearTimeout(killTimer);
      killTimer = null;
    }
    if ('result' in outcome) job.resolve(outcome.result);
    else job.reject(outcome.error);
  }

  function onMessage(raw: unknown): void {
    const parsed = fromWorkerSchema.safeParse(raw);
    if (!parsed.success) {
      options.log('Message illisible du processus de traitement', parsed.error);
      return;
    }
    const message = parsed.data;
    const job = pending.get(message.jobId);
    if (!job) return;
    if (message.type === 'progress') {
      if (!job.cancelled) job.onProgress({ done: message.done, total: message.total, label: message.label });
    } else if (message.type === 'done') {
      settle(message.jobId, { result: message.result });
    } else {
      settle(message.jobId, { error: new ApiError(job.cancelled ? { code: 'failed', message: CANCELLED_MESSAGE } : message.error) });
    }
  }

  function onExit(child: WorkerProcess, code: number): void {
    if (worker !== child) return;
    worker = null;
    if (killTimer) {
      clearTimeout(killTimer);
      killTimer = null;
    }
    if (pending.size > 0 && code !== 0) options.log(`Le processus de traitement s’est arrêté (code ${code})`);
    for (const [jobId, job] of [...pending]) {
      settle(jobId, { error: new ApiError({ code: 'failed', message: job.cancelled ? CANCELLED_MESSAGE : crashMessage(code) }) });
    }
  }

  function ensureWorker(): WorkerProcess {
    if (worker) return worker;
    const child = options.spawn();
    child.on('message', onMessage);
    child.on('exit', (code) => onExit(child, code));
    worker = child;
    return child;
  }

  return {
    run(kind, params, jobId, onProgress) {
      if (pending.has(jobId)) {
        return Promise.reject(new ApiError({ code: 'invalid-request', message: `Le travail « ${jobId} » est déjà en cours.` }));
      }
      return new Promise((resolve, reject) => {
        const child = ensureWorker();
        pending.set(jobId, { resolve, reject, onProgress, cancelled: false });
        child.postMessage({ type: 'run', jobId, kind, params });
      });
    },
    cancel(jobId) {
      const job = pending.get(jobId);
      if (!job || job.cancelled || !worker) return false;
      job.cancelled = true;
      worker.postMessage({ type: 'cancel', jobId });
      const stuck = worker;
      killTimer ??= setTimeout(() => {
        killTimer = null;
        if (worker === stuck && [...pending.values()].some((j) => j.cancelled)) stuck.kill();
      }, killAfterMs);
      return true;
    },
    dispose() {
      if (killTimer) clearTimeout(killTimer);
      worker?.kill();
      worker = null;
    },
  };
}
