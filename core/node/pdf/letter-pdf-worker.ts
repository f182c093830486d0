/**
 * The PDF thread of a one-shot letter (letter-pdf-thread.ts): loads pdf-lib, fontkit and the fonts as soon as it
 * starts — while the main thread reads the case, compiles the template and composes — then writes the PDF of each
 * document it is sent.
 */
import { parentPort } from 'node:worker_threads';
import type { LetterDocument } from '../../common/document/model.js';
import type { WorkerReply } from '../evidence/pool.js';

const port = parentPort;
if (!port) throw new Error('letter-pdf-worker.ts runs as a worker thread only');

const writer = import('./letter-pdf.js').then((module) => {
  module.warmUpLetterPdf();
  return module;
});
// The bundle's build writes the code caches of what this thread compiled (scripts/bundle/code-cache-loader.mjs).
const writeCodeCaches = () => {
  const writers = (globalThis as { [key: symbol]: (() => void)[] | undefined })[Symbol.for('recours.codeCacheWriters')];
  for (const write of writers?.splice(0) ?? []) write();
};

port.on('message', (document: LetterDocument) => {
  writer
    .then((module) => module.writeLetterPdf(document))
    .then(
      (bytes) => {
        writeCodeCaches();
        // pdf-lib returns a fresh buffer: moved, not copied.
        port.postMessage({ ok: true, result: bytes } satisfies WorkerReply, [bytes.buffer as ArrayBuffer]);
      },
      (e: unknown) => {
        const error = e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) };
        port.postMessage({ ok: false, error } satisfies WorkerReply);
      },
    );
});
