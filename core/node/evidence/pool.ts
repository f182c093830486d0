/**
 * A small pool of worker threads for work that may hang, crash or eat memory on a bad file (image decoding,
 * PDF parsing, HEIC wasm): each task has a time limit and may be cancelled; either way its worker is terminated
 * and replaced, so a malformed file costs at most the time limit and never blocks the process.
 *
 * Idle workers are unref'd: a command line exits as soon as its work is done, without closing the pool.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Transferable } from 'node:worker_threads';

export class TaskTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`task exceeded ${ms} ms`);
    this.name = 'TaskTimeoutError';
  }
}

/** A time limit as a user reads it: « 2 min », « 30 s ». */
export function limitText(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.max(1, Math.round(ms / 1000))} s`;
}

export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

/** Rejection of a task cancelled through its AbortSignal. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error('Opération annulée.');
  error.name = 'AbortError';
  return error;
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Buffers moved (not copied) to the worker. */
  transfer?: Transferable[];
}

interface Job {
  task: unknown;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** Message a worker posts back: the result of the task it was given, or the error it threw. */
export type WorkerReply = { ok: true; result: unknown } | { ok: false; error: { name: string; message: string } };

export interface PoolOptions {
  /** The worker module (compiled .js, or .ts when running from sources under tsx/vitest). */
  url: URL;
  size?: number;
  timeoutMs?: number;
}

/** From TypeScript sources (tests, benchmarks), workers load their module through tsx, a development dependency. */
function spawn(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly size: number;
  private readonly timeoutMs: number;
  private destroyed = false;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  run<T>(task: unknown, options: RunOptions = {}): Promise<T> {
    if (this.destroyed) return Promise.reject(new Error('worker pool closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = { task, options, resolve: resolve as (v: unknown) => void, reject, cleanup: () => {} };
      if (signal) {
        const onAbort = () => this.cancel(job, abortError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        job.cleanup = () => signal.removeEventListener('abort', onAbort);
      }
      this.queue.push(job);
      this.pump();
    });
  }

  /** Stops every worker; queued and running tasks are rejected. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    const error = new Error('worker pool closed');
    for (const job of this.queue.splice(0)) this.settle(job, error);
    await Promise.all(this.slots.splice(0).map(async (slot) => {
      if (slot.job) this.settle(slot.job, error);
      if (slot.timer) clearTimeout(slot.timer);
      await slot.worker.terminate();
    }));
  }

  private settle(job: Job, error: Error | undefined, value?: unknown): void {
    job.cleanup();
    if (error) job.reject(error);
    else job.resolve(value);
  }

  private cancel(job: Job, error: Error): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(job, error);
      return;
    }
    const slot = this.slots.find((s) => s.job === job);
    if (slot) this.kill(slot, error);
  }

  /** Terminates a busy worker (time limit, cancellation, crash) and rejects its task. */
  private kill(slot: Slot, error: Error): void {
    const job = slot.job;
    slot.job = undefined;
    if (slot.timer) clearTimeout(slot.timer);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {}); // late errors of a worker being stopped are expected
    void slot.worker.terminate();
    if (job) this.settle(job, error);
    this.pump();
  }

  private newSlot(): Slot {
    const slot: Slot = { worker: spawn(this.options.url), job: undefined, timer: undefined };
    slot.worker.on('message', (reply: WorkerReply) => {
      const job = slot.job;
      if (!job) return;
      slot.job = undefined;
      if (slot.timer) clearTimeout(slot.timer);
      slot.worker.unref();
      if (reply.ok) this.settle(job, undefined, reply.result);
      else this.settle(job, Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      this.pump();
    });
    slot.worker.on('error', (e) => this.kill(slot, new WorkerCrashError(e.message)));
    slot.worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.kill(slot, new WorkerCrashError(`worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.destroyed) {
      let slot = this.slots.find((s) => !s.job);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.newSlot();
      }
      const job = this.queue.shift();
      if (!job) return;
      slot.job = job;
      slot.worker.ref();
      const ms = job.options.timeoutMs ?? this.timeoutMs;
      const busy = slot;
      busy.timer = setTimeout(() => this.kill(busy, new TaskTimeoutError(ms)), ms);
      busy.worker.postMessage(job.task, job.options.transfer ?? []);
    }
  }
}
