/**
 * POST /api/upload/evidence?id=<case id>: a piece added from the browser, the file itself as the body (never
 * base64 in JSON), its name URL-encoded in X-Recours-File-Name. The bytes are streamed to a temporary file of the
 * data folder, counted on the way against the size limit, then moved into the case by the store, which checks it
 * as any file on disk: a 150 MB video costs the bridge a few buffers, not the file several times over.
 *
 * The custom header makes a browser ask first (CORS preflight) for any cross-site call, which the bridge never
 * grants; Host and Origin are checked before (guard.ts), as for every API call.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseApiCall, type ApiError } from '../../common/api/contract.js';
import { encodeWire } from '../../common/api/wire.js';
import { displayFileName } from '../../common/format/display-name.js';
import { toApiError, type ApiDispatcher } from '../api/dispatcher.js';
import { formatSize } from '../evidence/format.js';
import { API_STATUS, DEFAULT_MAX_BODY_BYTES, sendError, sendJson } from './api-route.js';

export const UPLOAD_PATH = '/api/upload/evidence';
export const FILE_NAME_HEADER = 'x-recours-file-name';
/** The same room for one piece as the JSON API gave (its body limit, less base64's third). */
export const DEFAULT_MAX_UPLOAD_BYTES = (DEFAULT_MAX_BODY_BYTES * 3) / 4;

class TooLarge extends Error {}

function tooLargeMessage(name: string, limit: number): string {
  return `« ${displayFileName(name)} » n’a pas été ajouté : il dépasse ${formatSize(limit)}, la taille maximale d’une pièce. Réduisez-le (une vidéo plus courte, une photo moins lourde) ou découpez-le.`;
}

/** The name sent by the page, or null when it is missing or not URL-encoded text. */
function fileName(req: IncomingMessage): string | null {
  const raw = req.headers[FILE_NAME_HEADER];
  if (typeof raw !== 'string') return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The body of `req` into the new file `temp`, rejected with TooLarge as soon as it passes `maxBytes`. */
async function receive(req: IncomingMessage, temp: string, maxBytes: number): Promise<void> {
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > maxBytes ? new TooLarge() : null, chunk);
    },
  });
  // Piped by hand, not through pipeline(): a request destroyed on error would take the socket, and the answer, with it.
  req.pipe(limit);
  req.once('error', (e) => limit.destroy(e));
  req.once('close', () => {
    if (!req.complete) limit.destroy(new Error('envoi interrompu'));
  });
  try {
    await pipeline(limit, createWriteStream(temp, { flags: 'wx' }));
  } finally {
    req.unpipe(limit);
  }
}

export function createUploadRoute(dispatcher: ApiDispatcher, dataDir: string, maxBytes = DEFAULT_MAX_UPLOAD_BYTES) {
  return async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refuse = (status: number, message: string) => {
      sendError(res, status, { code: 'invalid-request', message }, { connection: 'close' });
      req.resume();
    };
    if (req.method !== 'POST') return refuse(405, `Méthode ${req.method ?? '?'} refusée : une pièce s’envoie avec POST.`);
    const name = fileName(req);
    if (name === null) return refuse(400, `Envoi refusé : le nom du fichier manque (en-tête ${FILE_NAME_HEADER}, encodé pour une adresse).`);
    const id = new URL(req.url ?? '/', 'http://recours').searchParams.get('id') ?? '';
    try {
      // The contract's rules for the case id and the name, as for addEvidence over JSON.
      parseApiCall('addEvidence', { id, name, bytes: new Uint8Array(0) });
    } catch (e) {
      return refuse(400, (e as ApiError).payload.message);
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return refuse(413, tooLargeMessage(name, maxBytes));

    await mkdir(dataDir, { recursive: true });
    // Named like the store's temporaries (name.<pid>.<random>.tmp): one left by a killed bridge is removed at start.
    const temp = join(dataDir, `.televersement.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    let answer: () => void;
    try {
      answer = await receive(req, temp, maxBytes).then(
        async () => {
          const result = await dispatcher.host.addEvidenceFile(id, temp, { name });
          return () => sendJson(res, 200, { ok: true, result: encodeWire(result) });
        },
        (e: unknown) => {
          if (e instanceof TooLarge) return () => refuse(413, tooLargeMessage(name, maxBytes));
          // The page gave up: nobody to answer. Otherwise the disk refused (full, read-only): say so in French.
          if (req.socket.destroyed) return () => res.destroy();
          const error = toApiError(e);
          return () => sendError(res, API_STATUS[error.payload.code] ?? 500, error.payload, { connection: 'close' });
        },
      );
    } catch (e) {
      const error = toApiError(e);
      answer = () => sendError(res, API_STATUS[error.payload.code] ?? 500, error.payload);
    } finally {
      // Moved into the case on success; anything left (refused, interrupted, failed) goes before the page hears back.
      await rm(temp, { force: true });
    }
    answer();
  };
}
