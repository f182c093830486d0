/**
 * The API over HTTP, for the browser served by the local web bridge: POST /api/<method> with the wire encoding
 * (core/common/api/wire.ts). Same methods, same results as the Electron preload.
 */
import type { ApiMethod, ApiErrorPayload, RecoursApi, StoredCase } from '../../../core/common/api/contract.js';
import { decodeWire, encodeWire } from '../../../core/common/api/wire.js';
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

/** Adds a file to a case's evidence: what EvidenceTab calls, whichever way the bytes travel. */
export type EvidenceUpload = (p: { id: string; file: File }) => Promise<StoredCase>;

/**
 * The web bridge's upload route (core/node/web-bridge/upload-route.ts): the File itself is the body, streamed
 * by the browser from the disk, never read into the page's memory nor turned into base64.
 */
export function createHttpUpload(baseUrl = '/api/', fetchImpl: Fetch = (input, init) => fetch(input, init)): EvidenceUpload {
  return async ({ id, file }) => {
    const response = await fetchImpl(`${baseUrl}upload/evidence?id=${encodeURIComponent(id)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent(file.name) },
      body: file,
    });
    return (await answerOf(response, 'addEvidence')) as StoredCase;
  };
}
