/**
 * An in-memory RecoursApi for component tests: the cases live in a Map, saveCase validates with core's real
 * validateCase, checkTemplate lists missing facts with core's real missingFacts. Only what the screens under test
 * call is implemented; any other method fails loudly, naming itself.
 */
import type { ApiMethod, ApiParams, ApiResults, ConditionInfo, RecoursApi, Settings, StoredCase, TemplateInfo } from '../../core/common/api/contract.js';
import { validateCase } from '../../core/common/case/validate.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import type { CaseFile } from '../../core/common/case/schema.js';

export interface FakeTemplate extends TemplateInfo {
  requires: string[];
  /** What checkTemplate says of the remedy's conditions for this letter (none by default). */
  conditions?: ConditionInfo[];
}

export interface FakeApi extends RecoursApi {
  /** Every call, in order: what the UI asked core to do. */
  calls: { method: ApiMethod; params: unknown }[];
  cases: Map<string, StoredCase>;
}

export function storedCase(id: string, draft: Record<string, unknown>): StoredCase {
  return {
    id,
    draft,
    problems: validateCase(draft).problems,
    evidence: [],
    documents: [],
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    archived: false,
  };
}

export function createFakeApi(options: { cases: StoredCase[]; templates?: FakeTemplate[]; nextTemplateId?: string; settings?: Settings }): FakeApi {
  const cases = new Map(options.cases.map((c) => [c.id, structuredClone(c)]));
  const templates = options.templates ?? [];
  const calls: FakeApi['calls'] = [];
  const get = (id: string): StoredCase => {
    const c = cases.get(id);
    if (!c) throw new Error(`Dossier « ${id} » introuvable.`);
    return c;
  };
  const template = (id: string): FakeTemplate => {
    const t = templates.find((x) => x.id === id);
    if (!t) throw new Error(`Modèle « ${id} » inconnu.`);
    return t;
  };
  const handlers: Partial<{ [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResults[M]> }> = {
    async getCase({ id }) {
      return structuredClone(get(id));
    },
    async saveCase({ id, draft }) {
      const problems = validateCase(draft).problems;
      const updatedAt = new Date().toISOString();
      cases.set(id, { ...get(id), draft: structuredClone(draft), problems, updatedAt });
      return { problems, updatedAt };
    },
    async listTemplates() {
      return templates.map(({ requires: _requires, conditions: _conditions, ...info }) => info);
    },
    async nextStep() {
      const t = options.nextTemplateId ? template(options.nextTemplateId) : null;
      return { templateId: t?.id ?? null, label: t ? `Envoyer : ${t.title}` : 'Rien à envoyer', reason: 'Le délai de livraison est dépassé.', warnings: [] };
    },
    async checkTemplate({ templateId, draft, id }) {
      const t = template(templateId);
      return { problems: missingFacts((draft ?? get(id).draft) as CaseFile, { requires: t.requires, title: t.title }), conditions: t.conditions ?? [] };
    },
    async previewLetter({ templateId, draft, id }) {
      const t = template(templateId);
      return { document: null, problems: missingFacts((draft ?? get(id).draft) as CaseFile, { requires: t.requires, title: t.title }) };
    },
    async deadlines() {
      return [];
    },
    async getSettings() {
      return structuredClone(options.settings ?? { sender: null, defaultPlace: '', documentsDir: '', emailSizeLimit: 0 });
    },
    async createCase({ draft }) {
      const id = `dossier-cree-${cases.size + 1}`;
      cases.set(id, storedCase(id, structuredClone(draft ?? {})));
      return structuredClone(get(id));
    },
  };
  const api = new Proxy({} as FakeApi, {
    get(_target, name) {
      if (name === 'calls') return calls;
      if (name === 'cases') return cases;
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (params: unknown) => {
        calls.push({ method: name as ApiMethod, params });
        const handler = handlers[name as ApiMethod] as ((p: unknown) => Promise<unknown>) | undefined;
        if (!handler) throw new Error(`La fausse API ne sait pas faire « ${name} ».`);
        return handler(params);
      };
    },
  });
  return api;
}
