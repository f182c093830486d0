/**
 * The server side of the UI's API (core/common/api/contract.ts): every call is validated against the contract's
 * schemas, then run against the case store. A failure the user can act on is an ApiError with a French message;
 * anything else becomes ApiError('failed', « Erreur interne : … ») and is logged — a call never crashes its host
 * (the Electron main process, the web bridge).
 */
import { ZodError, type z } from 'zod';
import {
  ApiError, parseApiCall, type apiParams, type ApiMethod, type ApiParams, type ApiResults, type DocumentFileFormat, type StoredCase, type TemplateInfo,
} from '../../common/api/contract.js';
import type { DisputeType } from '../../common/case/schema.js';
import { todayIso } from '../../common/format/dates.js';
import { ESCALATION_ORDER, servesDispute } from '../../common/templates/metadata.js';
import { createCaseStore, type CaseStore } from '../store/case-store.js';
import { exportCase, exportCaseFile, importCase, type ExportedCase } from '../store/archive.js';
import { fileSystemAdvice, StoreError } from '../store/errors.js';
import { matchesQuery } from '../store/list-facts.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { templateCatalogue, type ApiContext } from './context.js';
import { documentMethods, type GenerateHooks } from './documents.js';
import { evidenceMethods } from './evidence.js';
import { importMethods } from './import.js';
import { createLadder } from './ladder.js';
import { newCaseDraft } from './new-case.js';
import { localHeavyWork, type HeavyWork } from './core-modules.js';
import { caseSummary, storedCase, templateInfoOf } from './views.js';

export interface ApiDispatcherOptions {
  /** A store made with createCaseStore; or give `dataDir` and the dispatcher makes one (with stages and deadlines in the list). */
  store?: CaseStore;
  dataDir?: string;
  settings: SettingsStore;
  templatesDir?: string;
  /** Today on the user's clock (YYYY-MM-DD); tests fix it. */
  today?: () => string;
  now?: () => Date;
  /** Where internal errors and skipped files are reported (stderr by default). */
  log?: (message: string) => void;
  /** Where letters are rendered and dossiers assembled (the desktop app and the web bridge run them off their main thread); core's functions by default. */
  heavyWork?: Partial<HeavyWork>;
}

export interface ApiDispatcher {
  /** Validates and runs one API call; throws only ApiError. */
  call(method: unknown, params: unknown): Promise<unknown>;
  readonly store: CaseStore;
  /**
   * What the desktop shell needs beyond the shared API (files chosen in native dialogs, documents opened by path,
   * dossier progress). Same errors as `call`: ApiError only.
   */
  readonly host: {
    /** `upload`: the file is a temporary upload of the web bridge, moved into the case under the user's name. */
    addEvidenceFile(caseId: string, path: string, upload?: { name: string }): Promise<StoredCase>;
    /** A `.recours` archive from a file (the web bridge's upload), read by the heavy work, not by the caller. */
    importCaseFile(path: string): Promise<StoredCase>;
    /**
     * Writes case `caseId` as a `.recours` file, by the heavy work, to the path `destination` gives for the
     * archive's name (null: nothing is written, null is returned); all or nothing (a temporary file, then renamed).
     */
    exportCaseFile(caseId: string, destination: (name: string) => string | null | Promise<string | null>): Promise<ExportedCase | null>;
    documentPath(caseId: string, documentId: string, format: DocumentFileFormat): Promise<{ path: string; name: string; mediaType: string }>;
    generateDocument(params: ApiParams<'generateDocument'>, hooks?: GenerateHooks): Promise<ApiResults['generateDocument']>;
  };
}

type Handlers = { [M in ApiMethod]: (params: z.output<(typeof apiParams)[M]>) => Promise<ApiResults[M]> };

/** French message for an error that is not the user's: short, without a stack. */
function internal(e: unknown): ApiError {
  const message = e instanceof Error ? e.message : String(e);
  return new ApiError({ code: 'failed', message: `Erreur interne : ${message.slice(0, 300)}` });
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof StoreError) {
    const code = e.code === 'invalid-archive' || e.code === 'refused' ? 'invalid-request' : e.code === 'conflict' ? 'conflict' : 'not-found';
    return new ApiError({ code, message: e.message });
  }
  if (e instanceof ZodError) {
    const detail = e.issues.map((i) => `${i.path.join('.') || '(valeur)'} : ${i.message}`).join(' ; ');
    return new ApiError({ code: 'invalid-request', message: `Valeur refusée — ${detail}` });
  }
  const advice = fileSystemAdvice(e);
  if (advice) return new ApiError({ code: 'failed', message: advice });
  return internal(e);
}

export function createApiDispatcher(options: ApiDispatcherOptions): ApiDispatcher {
  const log = options.log ?? ((m: string) => console.error(m));
  const today = options.today ?? (() => todayIso());
  const now = options.now ?? (() => new Date());
  const catalogue = templateCatalogue(options.templatesDir, log);
  const ladder = createLadder(catalogue.registry, log);
  const store = options.store ?? (options.dataDir !== undefined ? createCaseStore({ dataDir: options.dataDir, today, now, onProblem: log }) : null);
  if (!store) throw new Error('createApiDispatcher : indiquez store ou dataDir.');
  store.setAnnotate(ladder.annotate, ladder.version);

  const ctx: ApiContext = {
    store,
    settings: options.settings,
    registry: catalogue.registry,
    template: catalogue.template,
    today,
    now,
    log,
    heavy: { ...localHeavyWork, ...options.heavyWork },
  };
  const evidence = evidenceMethods(ctx);
  const documents = documentMethods(ctx);
  const imports = importMethods(ctx, evidence, ladder);

  const templateInfo = (t: ReturnType<typeof catalogue.template>): TemplateInfo => templateInfoOf(t.meta);

  const handlers: Handlers = {
    async listCases({ query, includeArchived }) {
      const day = today();
      return (await store.list())
        .filter((e) => includeArchived || !e.archived)
        .filter((e) => !query?.trim() || matchesQuery(e.facts, query))
        .map((e) => caseSummary(e, day));
    },
    async createCase({ disputeType, markedDelivered, draft }) {
      if (draft) {
        // Evidence changes only through the evidence methods, as in saveCase.
        const { evidence: _ignored, ...rest } = draft;
        return storedCase(await store.create(rest));
      }
      const settings = await options.settings.get();
      return storedCase(await store.create(newCaseDraft(settings, disputeType, markedDelivered)));
    },
    async getCase({ id }) {
      return storedCase(await store.get(id));
    },
    async saveCase({ id, draft, revision }) {
      const record = await store.saveDraft(id, draft, revision);
      const view = await storedCase(record);
      return { problems: view.problems, updatedAt: view.updatedAt, revision: view.revision };
    },
    async duplicateCase({ id }) {
      return storedCase(await store.duplicate(id));
    },
    async archiveCase({ id, archived }) {
      await store.setArchived(id, archived);
      const entry = (await store.list()).find((e) => e.id === id);
      if (!entry) throw new ApiError({ code: 'not-found', message: `Dossier « ${id} » introuvable après archivage.` });
      return caseSummary(entry, today());
    },
    async deleteCase({ id }) {
      await store.remove(id);
      return { deleted: true as const };
    },
    async listTemplates({ disputeType }) {
      return catalogue
        .registry()
        .templates.filter((t) => !disputeType || servesDispute(t.meta, disputeType as DisputeType))
        .sort(
          (a, b) =>
            ESCALATION_ORDER.indexOf(a.meta.kind) - ESCALATION_ORDER.indexOf(b.meta.kind) ||
            a.meta.title.localeCompare(b.meta.title, 'fr'),
        )
        .map(templateInfo);
    },
    checkTemplate: documents.checkTemplate,
    previewLetter: documents.previewLetter,
    generateDocument: (p) => documents.generateDocument(p),
    markSent: documents.markSent,
    markReceived: documents.markReceived,
    documentFile: documents.documentFile,
    addEvidence: evidence.addEvidence,
    updateEvidence: evidence.updateEvidence,
    reorderEvidence: evidence.reorderEvidence,
    removeEvidence: evidence.removeEvidence,
    evidenceThumbnail: evidence.evidenceThumbnail,
    async deadlines({ id }) {
      return ladder.deadlines(await store.get(id), today());
    },
    async nextStep({ id }) {
      return ladder.nextStep(await store.get(id), today());
    },
    async getSettings() {
      return options.settings.get();
    },
    async saveSettings({ settings }) {
      return options.settings.set(settings);
    },
    async exportCase({ id }) {
      return exportCase(store, id, now(), ctx.heavy.packCase);
    },
    async importCase({ bytes }) {
      return storedCase(await importCase(store, bytes, now(), ctx.heavy.checkArchive));
    },
    async unreadableCases() {
      return store.setAside();
    },
    proposeImport: imports.proposeImport,
    applyImport: imports.applyImport,
    caseSummary: imports.caseSummary,
    summaryPdf: imports.summaryPdf,
  };

  /** Runs `task`, letting only ApiError out; unexpected failures are logged with `what`. */
  async function guarded<T>(what: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (e) {
      const error = toApiError(e);
      if (error.payload.code === 'failed' && !(e instanceof ApiError)) log(`Recours : « ${what} » a échoué : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      throw error;
    }
  }

  return {
    store,
    async call(method: unknown, params: unknown): Promise<unknown> {
      const call = parseApiCall(method, params);
      const handler = handlers[call.method] as (p: unknown) => Promise<unknown>;
      return guarded(call.method, () => handler(call.params));
    },
    host: {
      addEvidenceFile: (caseId, path, upload) => guarded('addEvidenceFile', () => evidence.addEvidenceFile(caseId, path, upload)),
      importCaseFile: (path) => guarded('importCase', async () => storedCase(await importCase(store, { path }, now(), ctx.heavy.checkArchive))),
      exportCaseFile: (caseId, destination) =>
        guarded('exportCase', () => {
          parseApiCall('exportCase', { id: caseId });
          return exportCaseFile(store, caseId, destination, now(), ctx.heavy.packCase);
        }),
      documentPath: (caseId, documentId, format) => guarded('documentPath', () => documents.documentPath({ id: caseId, documentId, format })),
      generateDocument: (params, hooks) =>
        guarded('generateDocument', () => {
          const { params: parsed } = parseApiCall('generateDocument', params);
          return documents.generateDocument(parsed as z.output<(typeof apiParams)['generateDocument']>, hooks);
        }),
    },
  };
}
