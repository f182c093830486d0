/**
 * Messages between the main process and the background process that does the heavy work (dossier assembly).
 * Both sides validate what they receive: a crashed or confused process must not confuse the other one.
 */
import { z } from 'zod';

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), jobId: z.string(), kind: z.string(), params: z.unknown() }),
  z.object({ type: z.literal('cancel'), jobId: z.string() }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

const errorPayload = z.object({
  code: z.enum(['invalid-request', 'not-found', 'invalid-case', 'conflict', 'failed']),
  message: z.string(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), jobId: z.string(), done: z.number(), total: z.number(), label: z.string() }),
  z.object({ type: z.literal('done'), jobId: z.string(), result: z.unknown() }),
  z.object({ type: z.literal('failed'), jobId: z.string(), error: errorPayload }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

export interface Progress {
  done: number;
  total: number;
  /** « Pièce n° 3 : photo du colis », shown under the progress bar. */
  label: string;
}
