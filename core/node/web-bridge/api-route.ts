/**
 * POST /api/<method>: the body is the wire encoding of the parameters (core/common/api/wire.ts), the answer
 * `{ ok: true, result }` or `{ ok: false, error }` — always JSON, whatever was sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, type ApiErrorPayload } from '../../common/api/contract.js';
import { decodeWire, encodeWire } from '../../common/api/wire.js';
import { CASE_LIMITS, jsonDepthExceeded, tooDeepMessage } from '../../common/case/limits.js';
import { displayFileName } from '../../common/format/display-name.js';
import { formatSize } from '../../common/format/size.js';
import { toApiError, type ApiDispatcher } from '../api/dispatcher.js';
import { PAGE_HEADERS } from './static-files.js';

/** A case nested in the parameters ({ id, draft: case }) plus some room: anything deeper is no case. */
const MAX_REQUEST_DEPTH = CASE_LIMITS.depth + 8;
/**
 * A request carries at most one case (saveCase, caseSummary): twice a case file's limit leaves room for JSON.
 * Files go through the upload route (upload-route.ts), sent as themselves.
 */
export const DEFAULT_MAX_BODY_BYTES = 2 * CASE_LIMITS.fileBytes;
/** A piece inline as base64 (a script, an old page): small ones only; the Pièces screen sends any other as a file. */
export const MAX_INLINE_PIECE_BYTES = 5_000_000;

export const API_STATUS: Record<ApiErrorPayload['code'], number> = { 'invalid-request': 400, 'not-found': 404, 'invalid-case': 422, conflict: 409, failed: 500 };

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...PAGE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: ApiErrorPayload, extra: Record<string, string> = {}): void {
  sendJson(res, status, { ok: false, error }, extra);
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const fromPiecesScreen = (pronoun: 'le' | 'la') => `Ajoutez-${pronoun} depuis l’écran « Pièces » du dossier, qui envoie le fichier tel quel.`;

/** The refusal of a body past the limit: read no further, so the file's name is not known. */
function tooLargeBody(method: string, maxBodyBytes: number): ApiErrorPayload {
  const limit = formatSize(maxBodyBytes);
  return {
    code: 'invalid-request',
    message:
      method === 'addEvidence'
        ? `Pièce non ajoutée : la demande dépasse ${limit}, la taille maximale d’une demande à Recours. ${fromPiecesScreen('la')}`
        : `Envoi trop volumineux : une demande à Recours fait au plus ${limit}. Les fichiers (pièces, sauvegardes .recours, commandes à importer) s’ajoutent depuis leur écran, qui les envoie tels quels.`,
  };
}

/** A piece given inline as base64 past MAX_INLINE_PIECE_BYTES: the French refusal, naming the file; else null. */
function inlinePieceRefusal(method: string, params: unknown): string | null {
  if (method !== 'addEvidence' || !params || typeof params !== 'object') return null;
  const { name, bytes } = params as { name?: unknown; bytes?: unknown };
  if (!(bytes instanceof Uint8Array) || bytes.length <= MAX_INLINE_PIECE_BYTES) return null;
  const why = `${formatSize(bytes.length)}, plus que les ${formatSize(MAX_INLINE_PIECE_BYTES)} qu’une pièce peut faire dans une demande JSON (en base64)`;
  return typeof name === 'string' && name !== ''
    ? `« ${displayFileName(name.slice(0, 255))} » n’a pas été ajouté : il fait ${why}. ${fromPiecesScreen('le')}`
    : `La pièce n’a pas été ajoutée : elle fait ${why}. ${fromPiecesScreen('la')}`;
}

/**
 * An archive past the body limit is not sent back as base64 inside JSON, which would hold it several times over
 * (≈ 1,2 Go for a 150 Mo case): the page downloads it through the download route, written to disk as it comes.
 */
function archiveAnswerRefusal(method: string, result: unknown, limit: number): string | null {
  if (method !== 'exportCase' || !result || typeof result !== 'object') return null;
  const { name, bytes } = result as { name?: unknown; bytes?: unknown };
  if (!(bytes instanceof Uint8Array) || bytes.length <= limit) return null;
  const file = typeof name === 'string' ? `« ${displayFileName(name)} »` : 'L’archive de ce dossier';
  return `${file} fait ${formatSize(bytes.length)}, plus que les ${formatSize(limit)} qu’une réponse JSON de Recours peut porter. Exportez le dossier depuis la liste des dossiers (bouton « Exporter »), qui l’enregistre directement sur le disque.`;
}

export function createApiRoute(dispatcher: ApiDispatcher, maxBodyBytes = DEFAULT_MAX_BODY_BYTES) {
  return async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      sendError(res, 405, { code: 'invalid-request', message: `Méthode ${req.method ?? '?'} refusée : l’API de Recours ne répond qu’à POST.` }, { allow: 'POST' });
      return;
    }
    // A JSON content type forces a browser to ask first (CORS preflight) for any cross-site call: refused there.
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      sendError(res, 415, { code: 'invalid-request', message: 'Demande refusée : le corps doit être du JSON (Content-Type: application/json).' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      sendError(res, 413, tooLargeBody(method, maxBodyBytes), { connection: 'close' });
      req.resume();
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (e) {
      if (e instanceof BodyTooLarge) sendError(res, 413, tooLargeBody(method, maxBodyBytes), { connection: 'close' });
      else res.destroy();
      return;
    }
    let json: unknown;
    const text = body.toString('utf8');
    // Counted on the text, before anything recursive (decoding the wire, the schemas) walks the value.
    if (jsonDepthExceeded(text, MAX_REQUEST_DEPTH) >= 0) {
      sendError(res, 400, { code: 'invalid-request', message: `Demande « ${method.slice(0, 60)} » refusée : ${tooDeepMessage('son contenu')}` });
      return;
    }
    try {
      json = body.length === 0 ? {} : JSON.parse(text);
    } catch {
      sendError(res, 400, { code: 'invalid-request', message: `Demande « ${method.slice(0, 60)} » illisible : le corps n’est pas du JSON valide.` });
      return;
    }
    let params: unknown;
    try {
      params = decodeWire(json);
    } catch {
      sendError(res, 400, { code: 'invalid-request', message: `Demande « ${method.slice(0, 60)} » illisible : un fichier joint (« $bytes ») n’est pas encodé en base64.` });
      return;
    }
    const inline = inlinePieceRefusal(method, params);
    if (inline) {
      sendError(res, 413, { code: 'invalid-request', message: inline });
      return;
    }
    try {
      const result = await dispatcher.call(method, params);
      const tooLarge = archiveAnswerRefusal(method, result, maxBodyBytes);
      if (tooLarge) {
        sendError(res, 413, { code: 'invalid-request', message: tooLarge });
        return;
      }
      sendJson(res, 200, { ok: true, result: encodeWire(result) });
    } catch (e) {
      const error = e instanceof ApiError ? e : toApiError(e);
      sendError(res, API_STATUS[error.payload.code] ?? 500, error.payload);
    }
  };
}
