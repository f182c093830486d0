/**
 * Background-process side of jobs: runs each job with an AbortSignal and a progress callback, and always
 * answers `done` or `failed` — never lets an exception escape into the process.
 */
import type { ApiErrorPayload } from '../../../core/common/api/contract.js';
import { toWorkerSchema, type FromWorker, type Progress } from './protocol.js';

export interface JobContext {
  signal: AbortSignal;
  onProgress: (progress: Progress) => void;
}

export type JobRunner = (params: unknown, context: JobContext) => Promise<unknown>;

function errorPayload(e: unknown): ApiErrorPayload {
  const payload = e !== null && typeof e === 'object' ? (e as { payload?: Partial<ApiErrorPayload> }).payload : undefined;
  if (payload && typeof payload.message === 'string' && typeof payload.code === 'string') {
    return { code: payload.code, message: payload.message, ...(payload.problems ? { problems: payload.problems } : {}) };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: 'failed', message: `La préparation a échoué : ${detail}` };
}

/** Returns the function to call with every message received from the main process. */
export function createWorkerRuntime(runners: Record<string, JobRunner>, post: (message: FromWorker) => void): (raw: unknown) => void {
  const running = new Map<string, AbortController>();

  async function run(jobId: string, kind: string, params: unknown): Promise<void> {
    const runner = Object.hasOwn(runners, kind) ? runners[kind] : undefined;
    if (!runner) {
      post({ type: 'failed', jobId, error: { code: 'invalid-request', message: `Travail inconnu : « ${kind} ».` } });
      return;
    }
    const controller = new AbortController();
    running.set(jobId, controller);
    try {
      const result = await runner(params, {
        signal: controller.signal,
        onProgress: (p) => post({ type: 'progress', jobId, done: p.done, total: p.total, label: p.label }),
      });
      try {
        post({ type: 'done', jobId, result });
      } catch (e) {
        // A result that cannot cross to the main process is a bug: report it rather than leave the job hanging.
        post({ type: 'failed', jobId, error: errorPayload(e) });
      }
    } catch (e) {
      post({ type: 'failed', jobId, error: errorPayload(e) });
    } finally {
      running.delete(jobId);
    }
  }

  return (raw) => {
    const parsed = toWorkerSchema.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'cancel') running.get(message.jobId)?.abort();
    else void run(message.jobId, message.kind, message.params);
  };
}
