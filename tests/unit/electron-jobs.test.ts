/**
 * Background jobs (dossier assembly in a utility process): progress reaches the window, a job can be cancelled,
 * a stuck job is stopped by killing its process, and a crash fails the job in French while the app goes on.
 * The utility process is played by an in-memory pair: the real host on one side, the real runtime on the other.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobHost, crashMessage, CANCELLED_MESSAGE, type WorkerProcess } from '../../electron/main/jobs/job-host.js';
import { createWorkerRuntime, type JobRunner } from '../../electron/main/jobs/worker-runtime.js';
import type { ToWorker } from '../../electron/main/jobs/protocol.js';

class FakeUtilityProcess extends EventEmitter implements WorkerProcess {
  alive = true;
  readonly received: ToWorker[] = [];
  private readonly deliver: (raw: unknown) => void;
  constructor(runners: Record<string, JobRunner>) {
    super();
    // Messages cross a process boundary: cloned, and delivered later.
    this.deliver = createWorkerRuntime(runners, (message) => {
      const copy = structuredClone(message);
      setImmediate(() => this.alive && this.emit('message', copy));
    });
  }
  postMessage(message: ToWorker): void {
    this.received.push(message);
    const copy = structuredClone(message);
    setImmediate(() => this.alive && this.deliver(copy));
  }
  kill(): boolean {
    this.crash(15);
    return true;
  }
  crash(code: number): void {
    if (!this.alive) return;
    this.alive = false;
    this.emit('exit', code);
  }
}

function host(runners: Record<string, JobRunner>, killAfterMs = 3_000) {
  const spawned: FakeUtilityProcess[] = [];
  const log = vi.fn();
  const jobs = createJobHost({
    log,
    killAfterMs,
    spawn: () => {
      const child = new FakeUtilityProcess(runners);
      spawned.push(child);
      return child;
    },
  });
  return { jobs, spawned, log };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('background jobs', () => {
  it('forwards progress and returns the result', async () => {
    const { jobs, spawned } = host({
      dossier: async (params, { onProgress }) => {
        const { caseId } = params as { caseId: string };
        for (let i = 1; i <= 3; i += 1) onProgress({ done: i, total: 3, label: `Pièce n° ${i}` });
        return { document: { id: 'doc-12345678', caseId } };
      },
    });
    const progress = vi.fn();
    const result = await jobs.run('dossier', { caseId: '2026-11-25-abcdefgh' }, 'job-00000001', progress);
    expect(result).toEqual({ document: { id: 'doc-12345678', caseId: '2026-11-25-abcdefgh' } });
    expect(progress.mock.calls.map((c) => c[0])).toEqual([
      { done: 1, total: 3, label: 'Pièce n° 1' },
      { done: 2, total: 3, label: 'Pièce n° 2' },
      { done: 3, total: 3, label: 'Pièce n° 3' },
    ]);
    // One process serves the following jobs too.
    await jobs.run('dossier', { caseId: 'x' }, 'job-00000002', vi.fn());
    expect(spawned).toHaveLength(1);
  });

  it('passes on the French error of a failed job, and refuses an unknown kind', async () => {
    const { jobs } = host({
      dossier: async () => {
        throw Object.assign(new Error('x'), { payload: { code: 'invalid-case', message: 'Le dossier n’a pas de lettre : choisissez un modèle.' } });
      },
    });
    await expect(jobs.run('dossier', {}, 'job-00000003', vi.fn())).rejects.toMatchObject({
      payload: { code: 'invalid-case', message: 'Le dossier n’a pas de lettre : choisissez un modèle.' },
    });
    await expect(jobs.run('formatage', {}, 'job-00000004', vi.fn())).rejects.toMatchObject({
      payload: { code: 'invalid-request', message: 'Travail inconnu : « formatage ».' },
    });
  });

  it('cancels a running job through its AbortSignal', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const { jobs, spawned } = host({
      dossier: (_params, { signal }) =>
        new Promise((_resolve, reject) => {
          started();
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const job = jobs.run('dossier', {}, 'job-00000005', vi.fn());
    await running;
    expect(jobs.cancel('job-00000005')).toBe(true);
    await expect(job).rejects.toMatchObject({ payload: { code: 'failed', message: CANCELLED_MESSAGE } });
    expect(spawned[0]?.alive).toBe(true);
    expect(jobs.cancel('job-00000005')).toBe(false);
  });

  it('kills a job that ignores its cancellation (stuck in a malformed file)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const { jobs, spawned } = host({ dossier: () => new Promise(() => started()) }, 3_000);
    const job = jobs.run('dossier', {}, 'job-00000006', vi.fn());
    await running;
    jobs.cancel('job-00000006');
    vi.advanceTimersByTime(2_999);
    expect(spawned[0]?.alive).toBe(true);
    vi.advanceTimersByTime(1);
    expect(spawned[0]?.alive).toBe(false);
    await expect(job).rejects.toMatchObject({ payload: { message: CANCELLED_MESSAGE } });
  });

  it('survives a crash of the process: the job fails in French, the next one starts a fresh process', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const { jobs, spawned, log } = host({
      dossier: (params) => (params === 'crash' ? new Promise(() => started()) : Promise.resolve('ok')),
    });
    const job = jobs.run('dossier', 'crash', 'job-00000007', vi.fn());
    await running;
    spawned[0]?.crash(134);
    await expect(job).rejects.toMatchObject({ payload: { code: 'failed', message: crashMessage(134) } });
    expect(crashMessage(134)).toMatch(/^Le traitement en arrière-plan s’est arrêté brutalement \(code 134\)\. Recours continue de fonctionner/);
    expect(log).toHaveBeenCalledWith('Le processus de traitement s’est arrêté (code 134)');
    expect(await jobs.run('dossier', 'fine', 'job-00000008', vi.fn())).toBe('ok');
    expect(spawned).toHaveLength(2);
  });

  it('ignores garbage from the process and refuses a job id already running', async () => {
    const { jobs, spawned, log } = host({ dossier: async () => 'ok' });
    const job = jobs.run('dossier', {}, 'job-00000009', vi.fn());
    await expect(jobs.run('dossier', {}, 'job-00000009', vi.fn())).rejects.toMatchObject({ payload: { code: 'invalid-request' } });
    spawned[0]?.emit('message', { type: 'done' });
    spawned[0]?.emit('message', 'n’importe quoi');
    expect(await job).toBe('ok');
    expect(log).toHaveBeenCalledWith('Message illisible du processus de traitement', expect.anything());
  });
});
