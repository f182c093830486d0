/**
 * Files the page downloads from the bridge, sent as themselves (never base64 in JSON), in two steps:
 *   - POST /api/download/case/<id>: the case's `.recours` archive is written by the heavy work (the worker) to a
 *     temporary file of the data folder; the answer is JSON, `{ name, size, url }`, or the French refusal (an
 *     unknown case: 404) that the page shows as for any API call;
 *   - GET <url> (/api/download/file/<token>): the file, streamed from the disk with its name in Content-Disposition,
 *     once — the temporary file is gone as soon as it is opened. Unclaimed, it is removed after DOWNLOAD_TTL_MS.
 * The page follows the URL with an <a download>: the browser writes the file to the disk as it comes, and the page
 * never holds it. A 150 MB case costs the bridge a few buffers, not the archive several times over.
 *
 * Host and Origin are checked before (guard.ts), as for every API call: a page of another site can neither start
 * an export (its POST carries its Origin) nor read the answer, and so never learns a token (128 random bits).
 */
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { encodeWire } from '../../common/api/wire.js';
import { displayFileName } from '../../common/format/display-name.js';
import { toApiError, type ApiDispatcher } from '../api/dispatcher.js';
import { exportTemporary } from '../store/archive.js';
import { API_STATUS, sendError, sendJson } from './api-route.js';
import { PAGE_HEADERS } from './static-files.js';

export const DOWNLOAD_PREFIX = '/api/download/';
const FILE_PREFIX = 'file/';
const CASE_PREFIX = 'case/';
/** Time for the browser to follow the URL it was given (it does so at once): then the file is removed. */
export const DOWNLOAD_TTL_MS = 5 * 60_000;

interface Prepared {
  path: string;
  name: string;
  size: number;
  timer: NodeJS.Timeout;
}

/** `attachment` with the name as RFC 6266 asks: an ASCII fallback, and the exact name RFC 5987-encoded. */
export function contentDisposition(name: string): string {
  const shown = displayFileName(name);
  const ascii = shown.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(shown).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A case id is plain ASCII: anything not URL-decodable is kept as sent, for the contract to refuse it by name. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function createDownloadRoute(dispatcher: ApiDispatcher) {
  const prepared = new Map<string, Prepared>();
  const forget = (token: string) => {
    const file = prepared.get(token);
    if (!file) return undefined;
    prepared.delete(token);
    clearTimeout(file.timer);
    return file;
  };

  async function prepareCase(res: ServerResponse, id: string): Promise<void> {
    let file;
    try {
      file = await dispatcher.host.exportCaseFile(id, () => exportTemporary(dispatcher.store));
    } catch (e) {
      const error = toApiError(e);
      sendError(res, API_STATUS[error.payload.code] ?? 500, error.payload);
      return;
    }
    if (!file) throw new Error('exportCaseFile wrote nothing');
    const token = randomBytes(16).toString('hex');
    const { path, name, size } = file;
    const timer = setTimeout(() => {
      forget(token);
      void rm(path, { force: true });
    }, DOWNLOAD_TTL_MS).unref();
    prepared.set(token, { path, name, size, timer });
    sendJson(res, 200, { ok: true, result: encodeWire({ name, size, url: `${DOWNLOAD_PREFIX}${FILE_PREFIX}${token}` }) });
  }

  async function sendFile(res: ServerResponse, token: string): Promise<void> {
    const file = forget(token);
    if (!file) {
      sendError(res, 404, { code: 'not-found', message: 'Ce téléchargement n’existe plus (il ne sert qu’une fois, quelques minutes) : relancez l’export du dossier.' });
      return;
    }
    // Opened, then removed: the open file stays readable to the end, and nothing is left if the page goes away.
    // (Windows refuses to remove an open file: there it goes once sent.)
    const handle = await open(file.path, 'r');
    const removed = await rm(file.path, { force: true }).then(
      () => true,
      () => false,
    );
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': 'application/octet-stream',
      'content-length': String(file.size),
      'content-disposition': contentDisposition(file.name),
      'cache-control': 'no-store',
    });
    try {
      await pipeline(handle.createReadStream(), res);
    } catch {
      // The page gave up (the user cancelled the download): nobody to tell.
    } finally {
      await handle.close().catch(() => {});
      if (!removed) await rm(file.path, { force: true }).catch(() => {});
    }
  }

  return {
    async handle(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void> {
      req.resume();
      const [want, target] = rest.startsWith(CASE_PREFIX) ? (['POST', 'case'] as const) : rest.startsWith(FILE_PREFIX) ? (['GET', 'file'] as const) : [null, null];
      if (!want) {
        sendError(res, 404, { code: 'not-found', message: `Téléchargement refusé : « ${rest.slice(0, 40)} » n’est pas un fichier que Recours propose au téléchargement.` });
        return;
      }
      if (req.method !== want) {
        const how = target === 'case' ? 'l’export d’un dossier se prépare avec POST' : 'un fichier préparé se télécharge avec GET';
        sendError(res, 405, { code: 'invalid-request', message: `Méthode ${req.method ?? '?'} refusée : ${how}.` }, { allow: want });
        return;
      }
      if (target === 'case') await prepareCase(res, safeDecode(rest.slice(CASE_PREFIX.length)));
      else await sendFile(res, rest.slice(FILE_PREFIX.length));
    },
    /** Removes the files prepared and never downloaded (the bridge is closing). */
    async close(): Promise<void> {
      const left = [...prepared.keys()].map((token) => forget(token)?.path);
      await Promise.all(left.map((path) => path && rm(path, { force: true })));
    },
  };
}
