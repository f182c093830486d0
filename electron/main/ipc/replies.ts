/** Turns whatever a handler threw into a structured error the UI can show: never a raw exception over IPC. */
import type { ApiErrorPayload } from '../../../core/common/api/contract.js';
import type { IpcReply } from '../../../core/common/api/desktop.js';

export type Log = (message: string, error?: unknown) => void;

const CODES = new Set<ApiErrorPayload['code']>(['invalid-request', 'not-found', 'invalid-case', 'conflict', 'failed']);

export const FOREIGN_SENDER: ApiErrorPayload = {
  code: 'invalid-request',
  message: 'Demande refusée : elle ne vient pas de la fenêtre de Recours.',
};

/** The payload of an ApiError (from core or the parsers), whatever realm or bundle created it; null for anything else. */
function apiErrorPayload(e: unknown): ApiErrorPayload | null {
  try {
    if (e === null || typeof e !== 'object') return null;
    const payload = (e as { payload?: unknown }).payload;
    if (payload === null || typeof payload !== 'object') return null;
    const { code, message, problems } = payload as Record<string, unknown>;
    if (typeof code !== 'string' || !CODES.has(code as ApiErrorPayload['code']) || typeof message !== 'string') return null;
    const out: ApiErrorPayload = { code: code as ApiErrorPayload['code'], message };
    if (Array.isArray(problems)) {
      // Copied field by field: the reply must survive structured cloning whatever core put there.
      out.problems = problems
        .filter((p): p is Record<string, unknown> => p !== null && typeof p === 'object')
        .map((p) => ({ path: String(p.path ?? ''), message: String(p.message ?? '') }));
    }
    return out;
  } catch {
    return null; // a hostile getter or toString: reported as an unexpected error
  }
}

export function failureReply(e: unknown, log: Log, what: string): IpcReply<never> {
  const payload = apiErrorPayload(e);
  if (payload) return { ok: false, error: payload };
  log(`Erreur inattendue pendant « ${what} »`, e);
  return {
    ok: false,
    error: {
      code: 'failed',
      message:
        `Une erreur inattendue est survenue pendant « ${what} ». Vos données déjà enregistrées sont intactes ; ` +
        'le détail est consigné dans le journal de Recours (menu Aide › Ouvrir le dossier des journaux).',
    },
  };
}
