/**
 * POST /api/upload/<kind>: a file sent from the browser, the file itself as the body (never base64 in JSON), its
 * name URL-encoded in X-Recours-File-Name, the other parameters in the query. The bytes are streamed to a temporary
 * file of the data folder, counted on the way against the kind's size limit, then the kind hands the file's path on:
 *   - evidence (?id=): a piece, moved into the case by the store, which checks it as any file on disk;
 *   - archive: a `.recours` import, read and checked by the heavy work (the worker, in the bridge);
 *   - order, order/apply (?id=&order=&path=…): an order import proposed or applied, the file read once by core.
 * A 150 MB video or archive costs the bridge a few buffers, not the file several times over.
 *
 * The custom header makes a browser ask first (CORS preflight) for any cross-site call, which the bridge never
 * grants; Host and Origin are checked before (guard.ts), as for every API call.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseApiCall, type ApiError, type ApiMethod } from '../../common/api/contract.js';
import { encodeWire } from '../../common/api/wire.js';
import { displayFileName } from '../../common/format/display-name.js';
import { toApiError, type ApiDispatcher } from '../api/dispatcher.js';
import { temporaryPath } from '../atomic-write.js';
import { formatSize } from '../evidence/format.js';
import { MAX_PIECE_BYTES } from '../evidence/limits.js';
import { IMPORT_LIMITS } from '../import/index.js';
import { MAX_ARCHIVE_CONTENT } from '../store/archive.js';
import { API_STATUS, sendError, sendJson } from './api-route.js';

export const UPLOAD_PREFIX = '/api/upload/';
export const UPLOAD_PATH = `${UPLOAD_PREFIX}evidence`;
export const FILE_NAME_HEADER = 'x-recours-file-name';
/** The largest piece, as in the desktop app. */
export const DEFAULT_MAX_UPLOAD_BYTES = MAX_PIECE_BYTES;

class TooLarge extends Error {}

interface UploadKind {
  /** The API method whose rules the parameters and the name follow (checked before a byte is received). */
  method: ApiMethod;
  maxBytes: number;
  tooLarge(name: string, limit: number): string;
  params(query: URLSearchParams, name: string): Record<string, unknown>;
  /** What becomes of the received file; it is removed afterwards if still there. */
  take(dispatcher: ApiDispatcher, path: string, params: Record<string, unknown>): Promise<unknown>;
}

const orderTooLarge = (name: string, limit: number) =>
  `Import impossible : « ${displayFileName(name)} » dépasse ${formatSize(limit)}, la taille maximale d’un fichier de commande (export de données Amazon, e-mail, facture PDF). Rien n’a été modifié.`;

/** The order import reads its input whole (zip, PDF): the file is read once, as its own buffer, and given to the API. */
async function orderImport(dispatcher: ApiDispatcher, method: 'proposeImport' | 'applyImport', path: string, params: Record<string, unknown>): Promise<unknown> {
  const buffer = await readFile(path);
  return dispatcher.call(method, { ...params, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
}

const optional = (key: string, value: string | null) => (value ? { [key]: value } : {});

const UPLOAD_KINDS = {
  evidence: {
    method: 'addEvidence',
    maxBytes: DEFAULT_MAX_UPLOAD_BYTES,
    tooLarge: (name, limit) =>
      `« ${displayFileName(name)} » n’a pas été ajouté : il dépasse ${formatSize(limit)}, la taille maximale d’une pièce. Réduisez-le (une vidéo plus courte, une photo moins lourde) ou découpez-le.`,
    params: (query, name) => ({ id: query.get('id') ?? '', name }),
    take: (dispatcher, path, p) => dispatcher.host.addEvidenceFile(p.id as string, path, { name: p.name as string }),
  },
  archive: {
    method: 'importCase',
    // An archive is no bigger than the content it may hold.
    maxBytes: MAX_ARCHIVE_CONTENT,
    tooLarge: (name, limit) =>
      `« ${displayFileName(name)} » n’a pas été importé : il dépasse ${formatSize(limit)}, la taille maximale d’une sauvegarde Recours (.recours). Rien n’a été modifié.`,
    params: () => ({}),
    take: (dispatcher, path) => dispatcher.host.importCaseFile(path),
  },
  order: {
    method: 'proposeImport',
    maxBytes: IMPORT_LIMITS.zipBytes,
    tooLarge: orderTooLarge,
    params: (query, name) => ({ ...optional('id', query.get('id')), name, ...optional('order', query.get('order')) }),
    take: (dispatcher, path, p) => orderImport(dispatcher, 'proposeImport', path, p),
  },
  'order/apply': {
    method: 'applyImport',
    maxBytes: IMPORT_LIMITS.zipBytes,
    tooLarge: orderTooLarge,
    params: (query, name) => ({ id: query.get('id') ?? '', name, ...optional('order', query.get('order')), paths: query.getAll('path') }),
    take: (dispatcher, path, p) => orderImport(dispatcher, 'applyImport', path, p),
  },
} satisfies Record<string, UploadKind>;

export type UploadKindName = keyof typeof UPLOAD_KINDS;
export type UploadLimits = Partial<Record<UploadKindName, number>>;

const kindOf = (name: string): UploadKind | undefined => (Object.hasOwn(UPLOAD_KINDS, name) ? UPLOAD_KINDS[name as UploadKindName] : undefined);

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

/** `limits`: a kind's size limit other than its default (tests use small ones). */
export function createUploadRoute(dispatcher: ApiDispatcher, dataDir: string, limits: UploadLimits = {}) {
  return async function handleUpload(req: IncomingMessage, res: ServerResponse, kindName: string): Promise<void> {
    const refuse = (status: number, message: string) => {
      sendError(res, status, { code: 'invalid-request', message }, { connection: 'close' });
      req.resume();
    };
    const kind = kindOf(kindName);
    if (!kind) return refuse(404, `Envoi refusé : « ${kindName.slice(0, 40)} » n’est pas un type d’envoi de fichier connu de Recours.`);
    if (req.method !== 'POST') return refuse(405, `Méthode ${req.method ?? '?'} refusée : un fichier s’envoie avec POST.`);
    const name = fileName(req);
    if (name === null) return refuse(400, `Envoi refusé : le nom du fichier manque (en-tête ${FILE_NAME_HEADER}, encodé pour une adresse).`);
    const params = kind.params(new URL(req.url ?? '/', 'http://recours').searchParams, name);
    try {
      // The contract's rules for the parameters and the name, as for the same method over JSON.
      parseApiCall(kind.method, { ...params, bytes: new Uint8Array(0) });
    } catch (e) {
      return refuse(400, (e as ApiError).payload.message);
    }
    const maxBytes = limits[kindName as UploadKindName] ?? kind.maxBytes;
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return refuse(413, kind.tooLarge(name, maxBytes));

    await mkdir(dataDir, { recursive: true });
    // Named like the store's temporaries: one left by a killed bridge is removed at start.
    const temp = temporaryPath(join(dataDir, '.televersement'));
    let answer: () => void;
    try {
      answer = await receive(req, temp, maxBytes).then(
        async () => {
          const result = await kind.take(dispatcher, temp, params);
          return () => sendJson(res, 200, { ok: true, result: encodeWire(result) });
        },
        (e: unknown) => {
          if (e instanceof TooLarge) return () => refuse(413, kind.tooLarge(name, maxBytes));
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
      // Moved into the case (a piece) or read (an import); anything left goes before the page hears back.
      await rm(temp, { force: true });
    }
    answer();
  };
}
