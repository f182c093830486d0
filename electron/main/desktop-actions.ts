/**
 * The desktop-only actions behind `window.recoursDesktop`. Files come from the system's dialogs (main process)
 * or from core by case and document id; nothing here accepts a path from the window. Every dependency is
 * injected, so each action is tested without Electron.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { WebContents } from 'electron';
import { ApiError, type ApiResults, type DocumentFileFormat, type StoredCase } from '../../core/common/api/contract.js';
import type { DesktopEvent } from '../../core/common/api/desktop.js';
import { displayFileName } from '../../core/common/format/display-name.js';
import { MAX_PIECE_BYTES } from '../../core/node/evidence/limits.js';
import { formatFileSize, mailtoUrl, writeDraft } from '../../core/node/mail/index.js';
import { MAX_ARCHIVE_CONTENT } from '../../core/node/store/archive.js';
import type { DesktopActions } from './ipc/desktop-handler.js';
import type { PrintMethod } from './print-document.js';
import type { SettingsStore } from './settings-store.js';

/** Larger files are refused before being copied: the same limits as the page's uploads. */
export const MAX_EVIDENCE_BYTES = MAX_PIECE_BYTES;
export const MAX_CASE_FILE_BYTES = MAX_ARCHIVE_CONTENT;

export type DocumentFormat = DocumentFileFormat;

/** What core offers the desktop shell beyond the shared API (core/node/api: dispatcher.host). */
export interface CoreHost {
  addEvidenceFile(caseId: string, path: string): Promise<StoredCase>;
  documentPath(caseId: string, documentId: string, format: DocumentFormat): Promise<{ path: string; name: string; mediaType: string }>;
  /** Imports a `.recours` file read from its path as a stream: a large archive is never held in memory here. */
  importCaseFile(path: string): Promise<StoredCase>;
  /** Writes a case's `.recours` file to the path `destination` gives for its name, piecewise and all or nothing; null when it gives none. */
  exportCaseFile(caseId: string, destination: (name: string) => Promise<string | null>): Promise<{ name: string; path: string } | null>;
  generateDocument(
    params: { id: string; templateId: string; formats: DocumentFormat[] },
    hooks?: { onProgress?: (done: number, total: number, label: string) => void; signal?: AbortSignal },
  ): Promise<ApiResults['generateDocument']>;
}

export interface DesktopDeps {
  host: CoreHost;
  settings: SettingsStore;
  /** Native « open » dialog; resolves to the chosen paths (empty when cancelled). */
  chooseFiles: (purpose: 'evidence' | 'case') => Promise<string[]>;
  /** Native « save » dialog proposing `defaultName`; null when cancelled. */
  chooseSavePath: (defaultName: string) => Promise<string | null>;
  openPath: (path: string) => Promise<string>;
  showItemInFolder: (path: string) => void;
  openExternal: (url: string) => Promise<void>;
  print: (path: string) => Promise<PrintMethod>;
  sendEvent: (to: WebContents, event: DesktopEvent) => void;
}

function messageOf(e: unknown): string {
  const payload = e !== null && typeof e === 'object' ? (e as { payload?: { message?: unknown } }).payload : undefined;
  if (typeof payload?.message === 'string') return payload.message;
  return e instanceof Error ? e.message : String(e);
}

/** A file the user chose: it must be a file, and not too large. */
async function checkChosenFile(path: string, max: number): Promise<void> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`« ${displayFileName(basename(path))} » n’est pas un fichier.`);
  if (info.size > max) throw new Error(`« ${displayFileName(basename(path))} » est trop lourd (${formatFileSize(info.size)}) : ${formatFileSize(max)} au plus.`);
}

/** Imports a `.recours` file (chosen in a dialog, or opened from the file manager). */
export async function importCaseFromPath(host: Pick<CoreHost, 'importCaseFile'>, path: string): Promise<StoredCase> {
  try {
    await checkChosenFile(path, MAX_CASE_FILE_BYTES);
  } catch (e) {
    throw new ApiError({ code: 'failed', message: `Impossible de lire « ${displayFileName(basename(path))} » : ${messageOf(e)}` });
  }
  return host.importCaseFile(path);
}

export function createDesktopActions(deps: DesktopDeps): DesktopActions {
  /** Background generations by job id, to cancel them. */
  const running = new Map<string, AbortController>();

  return {
    async chooseEvidence({ caseId }) {
      const paths = await deps.chooseFiles('evidence');
      if (paths.length === 0) return { cancelled: true, case: null, errors: [] };
      let current: StoredCase | null = null;
      const errors: string[] = [];
      for (const path of paths) {
        const name = displayFileName(basename(path));
        try {
          await checkChosenFile(path, MAX_EVIDENCE_BYTES);
          // Copied by core as a stream: a large PDF is never held in memory here.
          current = await deps.host.addEvidenceFile(caseId, path);
        } catch (e) {
          const message = messageOf(e);
          errors.push(message.includes(name) ? message : `« ${name} » : ${message}`);
        }
      }
      return { cancelled: false, case: current, errors };
    },

    async importCaseFile() {
      const [path] = await deps.chooseFiles('case');
      if (!path) return { cancelled: true, case: null };
      return { cancelled: false, case: await importCaseFromPath(deps.host, path) };
    },

    async exportCaseFile({ caseId }) {
      // The path first, then core writes the archive straight there: never held in memory here, nothing done if cancelled.
      const file = await deps.host.exportCaseFile(caseId, deps.chooseSavePath);
      return file ? { cancelled: false, fileName: basename(file.path) } : { cancelled: true, fileName: null };
    },

    async openDocument({ caseId, documentId, format }) {
      const doc = await deps.host.documentPath(caseId, documentId, format);
      const error = await deps.openPath(doc.path);
      if (error) throw new ApiError({ code: 'failed', message: `Impossible d’ouvrir « ${doc.name} » : ${error}` });
      return { opened: true };
    },

    async showDocument({ caseId, documentId, format }) {
      deps.showItemInFolder((await deps.host.documentPath(caseId, documentId, format)).path);
      return { shown: true };
    },

    async printDocument({ caseId, documentId, format }) {
      const doc = await deps.host.documentPath(caseId, documentId, format);
      return { method: await deps.print(doc.path) };
    },

    async emailDocuments({ caseId, documents, to, subject, body }) {
      const files = [];
      for (const d of documents) {
        const doc = await deps.host.documentPath(caseId, d.documentId, d.format);
        files.push({ ...doc, bytes: new Uint8Array(await readFile(doc.path)) });
      }
      const first = files[0];
      if (!first) throw new ApiError({ code: 'invalid-request', message: 'Aucun document à joindre.' });
      const { emailSizeLimit } = await deps.settings.get();
      // The draft goes into the case folder, next to the first document.
      const draft = await writeDraft(
        dirname(first.path),
        { to, subject, text: body, attachments: files.map((f) => ({ fileName: f.name, bytes: f.bytes, mediaType: f.mediaType })) },
        emailSizeLimit,
      );
      const fileName = basename(draft.path);
      if ((await deps.openPath(draft.path)) === '') return { method: 'draft', fileName, warning: draft.warning };
      // No program opens .eml files: a new message without attachments, and the files shown to drag in.
      const note = `Pièces à joindre : ${files.map((f) => f.name).join(', ')} (dans le dossier qui vient de s’ouvrir).`;
      await deps.openExternal(mailtoUrl({ to, subject, body, attachmentNote: note }));
      deps.showItemInFolder(first.path);
      return { method: 'mailto', fileName, warning: draft.warning };
    },

    async assembleDossier({ jobId, caseId, templateId }, sender) {
      if (running.has(jobId)) throw new ApiError({ code: 'invalid-request', message: `Le travail « ${jobId} » est déjà en cours.` });
      const controller = new AbortController();
      running.set(jobId, controller);
      try {
        // The ordinary generation (letter PDF + dossier, recorded in the case); core hands the assembly to the
        // background assembler given to the dispatcher (core-services.ts), with these hooks.
        return await deps.host.generateDocument(
          { id: caseId, templateId, formats: ['pdf', 'dossier'] },
          {
            onProgress: (done, total, label) => deps.sendEvent(sender, { type: 'progress', jobId, done, total, label }),
            signal: controller.signal,
          },
        );
      } finally {
        running.delete(jobId);
      }
    },

    async cancelJob({ jobId }) {
      const controller = running.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
  };
}
