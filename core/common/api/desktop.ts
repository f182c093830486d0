/**
 * What only the desktop app can do, beside the shared API (contract.ts): native file dialogs, opening, printing
 * and e-mailing generated documents, and background work with progress. The Electron preload exposes it as
 * `window.recoursDesktop`; in a plain browser it is absent and the UI hides these buttons.
 *
 * Every action takes ids, never a file path: files are chosen in the system's dialogs by the main process,
 * and documents are found from their case and document ids.
 */
import { z } from 'zod';
import { ApiError, caseIdSchema, DOCUMENT_FILE_FORMATS, documentIdSchema, type ApiErrorPayload, type ApiResults, type StoredCase } from './contract.js';

/** Chosen by the renderer for each background job, so that it can cancel it and match its progress events. */
export const jobIdSchema = z.string().regex(/^[a-z0-9-]{8,64}$/);
const templateIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80);
const documentRef = { caseId: caseIdSchema, documentId: documentIdSchema };
const printable = z.enum(['pdf', 'dossier']);

/** Parameters of every desktop action; unknown keys are refused. */
export const desktopParams = {
  /** Native « open » dialog; the chosen files are added to the case as evidence. */
  chooseEvidence: z.strictObject({ caseId: caseIdSchema }),
  /** Native dialog to pick a `.recours` file, imported as a new case. */
  importCaseFile: z.strictObject({}),
  /** Native « save » dialog to write the case as a `.recours` file. */
  exportCaseFile: z.strictObject({ caseId: caseIdSchema }),
  openDocument: z.strictObject({ ...documentRef, format: z.enum(DOCUMENT_FILE_FORMATS) }),
  showDocument: z.strictObject({ ...documentRef, format: z.enum(DOCUMENT_FILE_FORMATS) }),
  printDocument: z.strictObject({ ...documentRef, format: printable }),
  /** « Envoyer par e-mail »: a draft with these documents attached, opened in the mail program. */
  emailDocuments: z.strictObject({
    caseId: caseIdSchema,
    documents: z.array(z.strictObject({ documentId: documentIdSchema, format: printable })).min(1).max(10),
    to: z.array(z.email().max(254)).max(5),
    subject: z.string().min(1).max(300),
    body: z.string().max(20_000),
  }),
  /** Builds the evidence dossier in a background process; progress arrives as `progress` events. */
  assembleDossier: z.strictObject({ jobId: jobIdSchema, caseId: caseIdSchema, templateId: templateIdSchema }),
  cancelJob: z.strictObject({ jobId: jobIdSchema }),
} as const;

export type DesktopAction = keyof typeof desktopParams;
export type DesktopParams<A extends DesktopAction> = z.input<(typeof desktopParams)[A]>;

export interface DesktopResults {
  chooseEvidence: { cancelled: boolean; case: StoredCase | null; errors: string[] };
  importCaseFile: { cancelled: boolean; case: StoredCase | null };
  exportCaseFile: { cancelled: boolean; fileName: string | null };
  openDocument: { opened: true };
  showDocument: { shown: true };
  /** `dialog`: the system's print dialog was shown; `viewer`: the PDF was opened in the default viewer instead. */
  printDocument: { method: 'dialog' | 'viewer' };
  /** `draft`: the .eml opened in the mail program; `mailto`: a new message without attachments, files shown in their folder. */
  emailDocuments: { method: 'draft' | 'mailto'; fileName: string; warning: string | null };
  assembleDossier: ApiResults['generateDocument'];
  cancelJob: { cancelled: boolean };
}

/** Commands of the application menu that the UI carries out. */
export type MenuCommand = 'new-case' | 'import-case' | 'show-cases' | 'show-settings';

/** Messages from the desktop shell to the UI. */
export type DesktopEvent =
  | { type: 'progress'; jobId: string; done: number; total: number; label: string }
  | { type: 'open-case'; caseId: string }
  | { type: 'case-imported'; case: StoredCase }
  | { type: 'menu'; command: MenuCommand }
  | { type: 'error'; message: string };

/** `window.recoursDesktop`: one async function per action, plus a subscription to events. */
export type RecoursDesktop = { [A in DesktopAction]: (params: DesktopParams<A>) => Promise<DesktopResults[A]> } & {
  /** Calls `listener` for every event; returns the function that unsubscribes it. */
  onEvent(listener: (event: DesktopEvent) => void): () => void;
};

/** What every IPC call answers: never a raw exception. */
export type IpcReply<T> = { ok: true; result: T } | { ok: false; error: ApiErrorPayload };

/** Validates a desktop action coming from the renderer; same rules and messages as parseApiCall. */
export function parseDesktopCall(action: unknown, params: unknown): { action: DesktopAction; params: unknown } {
  if (typeof action !== 'string' || !Object.hasOwn(desktopParams, action)) {
    throw new ApiError({ code: 'invalid-request', message: `Action inconnue : « ${String(action).slice(0, 60)} ».` });
  }
  const result = desktopParams[action as DesktopAction].safeParse(params ?? {});
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(paramètres)'} : ${i.message}`).join(' ; ');
    throw new ApiError({ code: 'invalid-request', message: `Action « ${action} » mal formée — ${detail}` });
  }
  return { action: action as DesktopAction, params: result.data };
}
