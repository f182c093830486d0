/** Errors coming back from core, and the French sentence a user reads for any failure. */
import type { ApiErrorPayload } from '../../../core/common/api/contract.js';
import type { Problem } from '../../../core/common/case/validate.js';

/** A refusal from core (bad request, case not found, invalid case…): its message is already in French. */
export class RecoursApiError extends Error {
  readonly code: ApiErrorPayload['code'];
  readonly problems: Problem[];
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'RecoursApiError';
    this.code = payload.code;
    this.problems = payload.problems ?? [];
  }
}

/** What to show for an error caught anywhere in the UI. */
export function userMessage(error: unknown, doing: string): string {
  if (error instanceof RecoursApiError) return error.message;
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return `Impossible de joindre Recours pour ${doing} : l’application locale est-elle toujours lancée ?`;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return `Échec : ${doing} n’a pas abouti (${detail}).`;
}
