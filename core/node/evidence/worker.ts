/** The evidence worker thread: runs one task at a time for the pool (see pool.ts) and posts back its result. */
import { parentPort } from 'node:worker_threads';
import { runEvidenceTask, transferables } from './examine.js';
import type { WorkerReply } from './pool.js';
import type { EvidenceTask } from './types.js';

const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread only');

port.on('message', (task: EvidenceTask) => {
  runEvidenceTask(task).then(
    (result) => port.postMessage({ ok: true, result } satisfies WorkerReply, transferables(result)),
    (e: unknown) => {
      const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
      port.postMessage({ ok: false, error } satisfies WorkerReply);
    },
  );
});
