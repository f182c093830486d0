/**
 * Documents of a case: checking a template against the draft, the live preview, producing the files (letter PDF
 * and DOCX, evidence dossier) into the case folder with their history, and recording that one was sent.
 */
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiError, type ApiResults, type DocumentFileFormat, type DocumentRecord } from '../../common/api/contract.js';
import { DISPUTE_LABELS } from '../../common/case/labels.js';
import type { CaseFile, DisputeType } from '../../common/case/schema.js';
import { validateCase, type Problem } from '../../common/case/validate.js';
import { composeLetter } from '../../common/letter/compose.js';
import { missingFacts } from '../../common/letter/requirements.js';
import type { CompiledTemplate } from '../../common/templates/compile.js';
import { servesDispute } from '../../common/templates/metadata.js';
import { outputBaseName, renderLetter } from '../generate.js';
import type { CaseRecord, StoredFile } from '../store/case-store.js';
import type { Draft } from '../store/migrate.js';
import type { StoredDocument } from '../store/meta.js';
import type { ApiContext } from './context.js';
import { documentRecord, storedCase } from './views.js';

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dossier: 'application/pdf',
  'bordereau-pdf': 'application/pdf',
  'bordereau-docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const FORMAT_NAMES: Record<DocumentFileFormat, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  dossier: 'dossier de pièces',
  'bordereau-pdf': 'bordereau PDF',
  'bordereau-docx': 'bordereau DOCX',
};

export interface GenerateHooks {
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

function newDocumentId(now: Date): string {
  return `${now.toISOString().slice(0, 10)}-${randomBytes(5).toString('hex')}`;
}

/** Everything that keeps a template from being produced from this draft: format problems first, then missing facts. */
export function templateProblems(draft: Draft, template: CompiledTemplate): { problems: Problem[]; caseFile: CaseFile | null } {
  const validation = validateCase(draft);
  const problems: Problem[] = validation.ok ? [] : [...validation.problems];
  const seen = new Set(problems.map((p) => p.path));
  // missingFacts only reads paths: it works on an incomplete draft too.
  for (const p of missingFacts(draft as unknown as CaseFile, template.meta)) {
    if (![...seen].some((path) => path === p.path || path.startsWith(`${p.path}.`) || path.startsWith(`${p.path}[`))) problems.push(p);
  }
  return { problems, caseFile: validation.ok ? validation.value : null };
}

function disputeMismatch(c: Draft, template: CompiledTemplate): Problem | null {
  const type = (c.dispute as { type?: unknown } | undefined)?.type;
  if (typeof type !== 'string' || servesDispute(template.meta, type)) return null;
  const label = DISPUTE_LABELS[type as DisputeType] ?? type;
  return { path: 'dispute.type', message: `Type de litige (dispute.type) : « ${template.meta.title} » ne traite pas le cas « ${label} »` };
}

/** The draft the UI is showing, with the stored evidence list (evidence changes only through the evidence methods). */
function draftFor(record: CaseRecord, draft: Draft | undefined): Draft {
  if (!draft) return record.draft;
  const { evidence: _ignored, ...rest } = draft;
  return record.draft.evidence === undefined ? rest : { ...rest, evidence: record.draft.evidence };
}

function findDocument(record: CaseRecord, documentId: string): StoredDocument {
  const doc = record.meta.documents.find((d) => d.id === documentId);
  if (!doc) throw new ApiError({ code: 'not-found', message: `Document « ${documentId} » introuvable dans ce dossier.` });
  return doc;
}

async function freeName(dir: string, name: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    try {
      await stat(join(dir, candidate));
    } catch {
      return candidate;
    }
  }
}

type SendingDraft = Record<string, unknown> & { documentId?: unknown; received?: unknown };

/** The draft's sendings as far as they look like entries (validation reports the rest). */
function sendingsOf(draft: Draft): SendingDraft[] {
  const list = draft.sendings;
  if (list !== undefined && !Array.isArray(list)) {
    throw new ApiError({ code: 'invalid-case', message: 'Lettres envoyées (sendings) : ce n’est pas une liste ; corrigez-la avant d’enregistrer l’envoi.' });
  }
  return (list ?? []).filter((s): s is SendingDraft => s !== null && typeof s === 'object');
}

/** The contact an older version added when the document was marked sent (same template and date): now a sending. */
function withoutSentContact(contacts: unknown, doc: StoredDocument): unknown {
  if (!Array.isArray(contacts) || !doc.sent) return contacts;
  const at = contacts.findIndex((k: { template?: unknown; date?: unknown } | null) => k?.template === doc.templateId && k.date === doc.sent?.date);
  return at < 0 ? contacts : contacts.filter((_, i) => i !== at);
}

export function documentMethods(ctx: ApiContext) {
  const { store } = ctx;

  /** Copies the files to the folder chosen in the settings; a failure there is a warning, the case keeps its copy. */
  async function copyToDocumentsDir(caseId: string, documentId: string, names: string[]): Promise<string[]> {
    const dir = (await ctx.settings.get()).documentsDir.trim();
    if (!dir) return [];
    try {
      await mkdir(dir, { recursive: true });
      for (const name of names) await copyFile(store.documentPath(caseId, documentId, name), join(dir, await freeName(dir, name)));
      return [];
    } catch (e) {
      return [`Copie dans le dossier des documents « ${dir} » impossible (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}) : les fichiers restent dans le dossier du cas.`];
    }
  }

  return {
    async checkTemplate(p: { id: string; templateId: string; draft?: Draft }): Promise<ApiResults['checkTemplate']> {
      const template = ctx.template(p.templateId);
      const draft = draftFor(await store.peek(p.id), p.draft);
      const { problems } = templateProblems(draft, template);
      const mismatch = disputeMismatch(draft, template);
      return { problems: mismatch ? [mismatch, ...problems] : problems };
    },

    /** The letter as it would be produced now, from the draft being typed (not yet saved) or the saved one. */
    async previewLetter(p: { id: string; templateId: string; draft?: Draft }): Promise<ApiResults['previewLetter']> {
      const template = ctx.template(p.templateId);
      const draft = draftFor(await store.peek(p.id), p.draft);
      const { problems, caseFile } = templateProblems(draft, template);
      const mismatch = disputeMismatch(draft, template);
      const all = mismatch ? [mismatch, ...problems] : problems;
      if (!caseFile || problems.length > 0) return { document: null, problems: all };
      return { document: composeLetter(caseFile, template, { today: ctx.today() }), problems: all };
    },

    /** `hooks` reach the dossier assembly: progress for a progress bar, a signal to cancel (desktop app). */
    async generateDocument(p: { id: string; templateId: string; formats: ('pdf' | 'docx' | 'dossier')[] }, hooks: GenerateHooks = {}): Promise<ApiResults['generateDocument']> {
      const template = ctx.template(p.templateId);
      const record = await store.get(p.id);
      const { problems, caseFile } = templateProblems(record.draft, template);
      if (!caseFile || problems.length > 0) {
        throw new ApiError({
          code: 'invalid-case',
          message: `« ${template.meta.title} » ne peut pas encore être produit : ${problems.length} ${problems.length > 1 ? 'faits à compléter ou corriger' : 'fait à compléter ou corriger'}.`,
          problems,
        });
      }
      const formats = [...new Set(p.formats)];
      const dossier = formats.includes('dossier') ? await ctx.dossierModule() : null;
      if (formats.includes('dossier') && !dossier) {
        throw new ApiError({
          code: 'failed',
          message: 'Le dossier de pièces ne peut pas encore être assemblé par cette version de Recours : produisez la lettre en PDF ou en DOCX.',
        });
      }
      const today = ctx.today();
      const warnings: string[] = [];
      const mismatch = disputeMismatch(record.draft, template);
      if (mismatch) warnings.push(mismatch.message);

      const letter = composeLetter(caseFile, template, { today });
      const base = outputBaseName(template.meta.id, caseFile.letter?.date ?? today);
      const files: (StoredFile & { format: DocumentRecord['files'][number]['format'] | null })[] = [];
      const letterPdf = formats.includes('pdf') || dossier ? await renderLetter(letter, 'pdf') : null;
      if (formats.includes('pdf') && letterPdf) files.push({ format: 'pdf', name: `${base}.pdf`, bytes: letterPdf });
      if (formats.includes('docx')) files.push({ format: 'docx', name: `${base}.docx`, bytes: await renderLetter(letter, 'docx') });
      if (dossier && letterPdf) {
        const result = await dossier.assembleDossier({
          caseFile,
          caseDir: record.dir,
          letterPdf,
          letterTitle: letter.subject,
          today,
          ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
          ...(hooks.signal ? { signal: hooks.signal } : {}),
        });
        warnings.push(...result.warnings);
        files.push({ format: 'dossier', name: `dossier_${base}.pdf`, bytes: result.dossierPdf });
        files.push({ format: 'bordereau-pdf', name: `bordereau_${base}.pdf`, bytes: result.bordereauPdf });
        files.push({ format: 'bordereau-docx', name: `bordereau_${base}.docx`, bytes: result.bordereauDocx });
      }

      const now = ctx.now();
      const documentId = newDocumentId(now);
      const written = await store.writeDocument(p.id, documentId, files);
      const stored: StoredDocument = {
        id: documentId,
        templateId: template.meta.id,
        title: template.meta.title,
        generatedAt: now.toISOString(),
        files: files.flatMap((f, i) => (f.format ? [{ format: f.format, name: written[i]?.name ?? f.name, size: f.bytes.length }] : [])),
        sent: null,
        ...(files.some((f) => !f.format) ? { extraFiles: files.filter((f) => !f.format).map((f) => f.name) } : {}),
      };
      try {
        await store.update(p.id, (r) => ({ meta: { ...r.meta, documents: [...r.meta.documents, stored] } }));
      } catch (e) {
        await store.removeDocumentFiles(p.id, documentId);
        throw e;
      }
      warnings.push(...(await copyToDocumentsDir(p.id, documentId, written.map((w) => w.name))));
      return { document: documentRecord(stored), warnings };
    },

    /** Where a produced file is on disk, for the desktop app to open, show, print or attach it. */
    async documentPath(p: { id: string; documentId: string; format: DocumentFileFormat }): Promise<{ path: string; name: string; mediaType: string }> {
      const doc = findDocument(await store.get(p.id), p.documentId);
      const file = doc.files.find((f) => f.format === p.format);
      if (!file) throw new ApiError({ code: 'not-found', message: `« ${doc.title} » n’a pas été produit dans ce format : produisez-le de nouveau.` });
      return { path: store.documentPath(p.id, p.documentId, file.name), name: file.name, mediaType: MEDIA_TYPES[p.format] };
    },

    async documentFile(p: { id: string; documentId: string; format: DocumentFileFormat }): Promise<ApiResults['documentFile']> {
      const doc = findDocument(await store.get(p.id), p.documentId);
      const file = doc.files.find((f) => f.format === p.format);
      const label = FORMAT_NAMES[p.format];
      if (!file) throw new ApiError({ code: 'not-found', message: `« ${doc.title} » n’a pas été produit en ${label} : produisez-le de nouveau avec ce format.` });
      try {
        const bytes = new Uint8Array(await readFile(store.documentPath(p.id, p.documentId, file.name)));
        return { name: file.name, mediaType: MEDIA_TYPES[p.format], bytes };
      } catch {
        throw new ApiError({ code: 'not-found', message: `Fichier « ${file.name} » absent du dossier : produisez le document de nouveau.` });
      }
    },

    /**
     * Records the sending in the documents history and as a `sendings` entry of the case (where the answer deadline
     * and the next step start from). Not a contact: the journal stays the user's own record of exchanges.
     */
    async markSent(p: { id: string; documentId: string; date: string; mode: 'lrar' | 'lre' | 'email' | 'post' | 'hand'; registeredNumber?: string }): Promise<ApiResults['markSent']> {
      const registeredNumber = p.registeredNumber?.trim() || null;
      const record = await store.update(p.id, (r) => {
        const doc = findDocument(r, p.documentId);
        const sendings = sendingsOf(r.draft).filter((s) => s.documentId !== doc.id);
        const sending: Record<string, unknown> = {
          template: doc.templateId,
          date: p.date,
          mode: p.mode,
          ...(registeredNumber ? { registeredNumber } : {}),
          documentId: doc.id,
        };
        const documents = r.meta.documents.map((d) => (d.id === doc.id ? { ...d, sent: { date: p.date, mode: p.mode, registeredNumber, received: null } } : d));
        return { draft: { ...r.draft, sendings: [...sendings, sending] }, meta: { ...r.meta, documents } };
      });
      return storedCase(record);
    },

    /** The date a sent letter was received (or null: not known); its answer deadline then runs from it. */
    async markReceived(p: { id: string; documentId: string; received: string | null }): Promise<ApiResults['markReceived']> {
      const record = await store.update(p.id, (r) => {
        const doc = findDocument(r, p.documentId);
        if (!doc.sent) throw new ApiError({ code: 'invalid-request', message: `« ${doc.title} » n’est pas indiqué comme envoyé : indiquez d’abord son envoi.` });
        if (p.received !== null && p.received < doc.sent.date) {
          throw new ApiError({
            code: 'invalid-request',
            message: `Date de réception : le ${p.received.split('-').reverse().join('/')} précède l’envoi du ${doc.sent.date.split('-').reverse().join('/')}.`,
            problems: [{ path: 'received', message: 'Date de réception (received) : elle ne peut pas précéder la date d’envoi' }],
          });
        }
        const sent = { ...doc.sent, received: p.received };
        const documents = r.meta.documents.map((d) => (d.id === doc.id ? { ...d, sent } : d));
        // Sent before sendings existed (a contact with `template`): the sending is recorded now, with its receipt.
        const existing = sendingsOf(r.draft).find((s) => s.documentId === doc.id);
        const base = existing ?? {
          template: doc.templateId,
          date: doc.sent.date,
          ...(doc.sent.mode ? { mode: doc.sent.mode } : {}),
          ...(doc.sent.registeredNumber ? { registeredNumber: doc.sent.registeredNumber } : {}),
          documentId: doc.id,
        };
        const { received: _old, ...rest } = base;
        const updated = { ...rest, ...(p.received ? { received: p.received } : {}) };
        const others = sendingsOf(r.draft).filter((s) => s.documentId !== doc.id);
        const contacts = existing ? r.draft.contacts : withoutSentContact(r.draft.contacts, doc);
        return {
          draft: { ...r.draft, ...(contacts === undefined ? {} : { contacts }), sendings: [...others, updated] },
          meta: { ...r.meta, documents },
        };
      });
      return storedCase(record);
    },
  };
}
