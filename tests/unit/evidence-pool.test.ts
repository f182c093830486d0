/** The worker pool that keeps a malformed file from hanging or crashing the process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TaskTimeoutError, WorkerCrashError, WorkerPool } from '../../core/node/evidence/pool.js';
import { inspectEvidenceFile } from '../../core/node/evidence/index.js';
import { photoOrientation6 } from '../support/fixtures-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-pool-'));
// A worker that loops forever, crashes or answers, as asked.
const workerPath = join(dir, 'worker.mjs');
writeFileSync(workerPath, `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (task) => {
  if (task.type === 'spin') for (;;) {}
  if (task.type === 'crash') process.exit(3);
  if (task.type === 'fail') return parentPort.postMessage({ ok: false, error: { name: 'Error', message: 'refusé' } });
  parentPort.postMessage({ ok: true, result: task.value * 2 });
});
`);
const pool = new WorkerPool({ url: pathToFileURL(workerPath), size: 1, timeoutMs: 5_000 });
afterAll(() => pool.destroy());

describe('WorkerPool', () => {
  it('stops a task that never ends, then carries on with the next one', async () => {
    await expect(pool.run({ type: 'spin' }, { timeoutMs: 300 })).rejects.toBeInstanceOf(TaskTimeoutError);
    await expect(pool.run({ type: 'double', value: 21 })).resolves.toBe(42);
  });

  it('cancels a running task when its signal aborts', async () => {
    const controller = new AbortController();
    const running = pool.run({ type: 'spin' }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(pool.run({ type: 'double', value: 2 })).resolves.toBe(4);
  });

  it('survives a worker that dies, and passes on a task’s own error', async () => {
    await expect(pool.run({ type: 'crash' })).rejects.toBeInstanceOf(WorkerCrashError);
    await expect(pool.run({ type: 'fail' })).rejects.toThrow('refusé');
    await expect(pool.run({ type: 'double', value: 5 })).resolves.toBe(10);
  });

  it('queues tasks beyond its size and runs them all', async () => {
    const results = await Promise.all([1, 2, 3, 4].map((value) => pool.run<number>({ type: 'double', value })));
    expect(results).toEqual([2, 4, 6, 8]);
  });
});

describe('inspectEvidenceFile under a time limit', () => {
  it('reports a file whose analysis was stopped, with its fingerprint computed apart', async () => {
    const path = join(dir, 'photo.jpg');
    writeFileSync(path, await photoOrientation6());
    const r = await inspectEvidenceFile(path, { timeoutMs: 1 });
    expect(r.unreadable).toBe('l’analyse du fichier a été interrompue après 1\u00a0ms (fichier probablement malformé)');
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
