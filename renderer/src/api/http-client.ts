/**
 * The API over HTTP, for the browser served by the local web bridge: POST /api/<method> with the wire encoding
 * (core/common/api/wire.ts). Same methods, same results as the Electron preload.
 */
import type { ApiMethod, ApiErrorPayload, ApiResults, RecoursApi, StoredCase } from '../../../core/common/api/contract.js';
import { decodeWire, encodeWire } from '../../../core/common/api/wire.js';
import { downloadUrl } from '../case-view/documents/save-bytes.js';
import { RecoursApiError } from './errors.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

interface WireAnswer {
  ok: boolean;
  result?: unknown;
  error?: ApiErrorPayload;
}

/** The answer of the bridge, decoded; a refusal becomes a RecoursApiError with the bridge's French message. */
async function answerOf(response: Response, method: string): Promise<unknown> {
  let answer: WireAnswer;
  try {
    answer = (await response.json()) as WireAnswer;
  } catch {
    throw new RecoursApiError({ code: 'failed', message: `Réponse illisible de Recours (HTTP ${response.status}) pour « ${method} ».` });
  }
  if (!answer.ok) {
    throw new RecoursApiError(answer.error ?? { code: 'failed', message: `Recours a refusé « ${method} » (HTTP ${response.status}).` });
  }
  return decodeWire(answer.result);
}

export function createHttpApi(baseUrl = '/api/', fetchImpl: Fetch = (input, init) => fetch(input, init)): RecoursApi {
  async function call(method: ApiMethod, params: unknown): Promise<unknown> {
    const response = await fetchImpl(`${baseUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(encodeWire(params ?? {})),
    });
    return answerOf(response, method);
  }
  // One function per method name, built on demand: the renderer does not need the list of methods at run time.
  return new Proxy({} as RecoursApi, {
    // Not 'then': the API object must never pass for a promise when awaited or returned from an async function.
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? (params: unknown) => call(method as ApiMethod, params) : undefined),
  });
}

/**
 * What the screens do with a file the user chose: add it as a piece, import a `.recours` archive, read an order from
 * it (proposed, then applied); and the `.recours` archive of a case, downloaded. The host decides how the bytes
 * travel (api-context.tsx).
 */
export interface FileUploads {
  addEvidence(p: { id: string; file: File }): Promise<StoredCase>;
  importCase(p: { file: File }): Promise<StoredCase>;
  proposeImport(p: { id?: string; file: File; order?: string }): Promise<ApiResults['proposeImport']>;
  applyImport(p: { id: string; file: File; order?: string; paths: string[] }): Promise<ApiResults['applyImport']>;
  /** Starts the download of the case's archive; resolves to its name once the file is on its way. */
  exportCase(p: { id: string }): Promise<{ name: string }>;
}

/** Adds a file to a case's evidence: what EvidenceTab calls, whichever way the bytes travel. */
export type EvidenceUpload = FileUploads['addEvidence'];

/**
 * The web bridge's upload route (core/node/web-bridge/upload-route.ts): the File itself is the body, streamed
 * by the browser from the disk, never read into the page's memory nor turned into base64; the other parameters
 * go in the query.
 */
export function createHttpUploads(baseUrl = '/api/', fetchImpl: Fetch = (input, init) => fetch(input, init)): FileUploads {
  async function send(kind: string, method: ApiMethod, file: File, query: [string, string | undefined][]): Promise<unknown> {
    const search = new URLSearchParams(query.filter((q): q is [string, string] => q[1] !== undefined)).toString();
    const response = await fetchImpl(`${baseUrl}upload/${kind}${search ? `?${search}` : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    return answerOf(response, method);
  }
  return {
    addEvidence: async ({ id, file }) => (await send('evidence', 'addEvidence', file, [['id', id]])) as StoredCase,
    importCase: async ({ file }) => (await send('archive', 'importCase', file, [])) as StoredCase,
    proposeImport: async ({ id, file, order }) => (await send('order', 'proposeImport', file, [['id', id], ['order', order]])) as ApiResults['proposeImport'],
    applyImport: async ({ id, file, order, paths }) =>
      (await send('order/apply', 'applyImport', file, [['id', id], ['order', order], ...paths.map((p): [string, string] => ['path', p])])) as ApiResults['applyImport'],
    // The bridge's download route (core/node/web-bridge/download-route.ts): the archive is prepared (a French
    // refusal comes back as for any call), then the browser follows the one-time URL straight to the disk.
    exportCase: async ({ id }) => {
      const response = await fetchImpl(`${baseUrl}download/case/${encodeURIComponent(id)}`, { method: 'POST' });
      const file = (await answerOf(response, 'exportCase')) as { name: string; url: string };
      downloadUrl(file.url, file.name);
      return { name: file.name };
    },
  };
}
