/**
 * The API over HTTP, for the browser served by the local web bridge: POST /api/<method> with the wire encoding
 * (core/common/api/wire.ts). Same methods, same results as the Electron preload.
 */
import type { ApiMethod, ApiErrorPayload, RecoursApi } from '../../../core/common/api/contract.js';
import { decodeWire, encodeWire } from '../../../core/common/api/wire.js';
import { RecoursApiError } from './errors.js';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

interface WireAnswer {
  ok: boolean;
  result?: unknown;
  error?: ApiErrorPayload;
}

export function createHttpApi(baseUrl = '/api/', fetchImpl: Fetch = (input, init) => fetch(input, init)): RecoursApi {
  async function call(method: ApiMethod, params: unknown): Promise<unknown> {
    const response = await fetchImpl(`${baseUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(encodeWire(params ?? {})),
    });
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
  // One function per method name, built on demand: the renderer does not need the list of methods at run time.
  return new Proxy({} as RecoursApi, {
    // Not 'then': the API object must never pass for a promise when awaited or returned from an async function.
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? (params: unknown) => call(method as ApiMethod, params) : undefined),
  });
}
