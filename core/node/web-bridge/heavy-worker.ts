/** The web bridge's worker thread for heavy work (see heavy-work.ts): letters, dossiers, `.recours` archives. */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { assembleDossier } from '../dossier/index.js';
import { transferables } from '../evidence/examine.js';
import type { WorkerReply } from '../evidence/pool.js';
import { renderLetter } from '../generate.js';
import { checkArchiveSource, packCase } from '../store/archive.js';
import type { HeavyTask } from './heavy-work.js';

const port = parentPort;
if (!port) throw new Error('heavy-worker.ts runs as a worker thread only');
// On Linux, priority 0 names the calling thread: this worker yields the CPU to the thread answering requests.
try {
  setPriority(0, 10);
} catch {
  // Not permitted or not supported: the worker runs at normal priority.
}

async function run(task: HeavyTask): Promise<unknown> {
  if (task.type === 'letter') return renderLetter(task.document, task.format);
  if (task.type === 'pack') return packCase(task.dir, task.id, new Date(task.now), task.file);
  if (task.type === 'check') return checkArchiveSource(task.source, task.staging);
  const { dossierPdf, bordereauPdf, bordereauDocx, warnings } = await assembleDossier(task.input);
  return { dossierPdf, bordereauPdf, bordereauDocx, warnings };
}

port.on('message', (task: HeavyTask) => {
  run(task).then(
    (result) => port.postMessage({ ok: true, result } satisfies WorkerReply, transferables(result)),
    (e: unknown) => {
      const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
      port.postMessage({ ok: false, error } satisfies WorkerReply);
    },
  );
});
