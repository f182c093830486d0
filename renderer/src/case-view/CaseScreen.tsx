/** An open case: a title, the save status, and the five tabs. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoredCase, TemplateInfo } from '../../../core/common/api/contract.js';
import { useApi } from '../api/api-context.js';
import { RecoursApiError, userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { focusTarget, tabForPath } from '../app/field-routes.js';
import type { CaseTab } from '../app/routes.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { Progress } from '../common/Progress.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { SaveStatus } from '../common/SaveStatus.js';
import { Tabs } from '../common/Tabs.js';
import { focusField } from '../draft/focus-field.js';
import { withDefaults } from '../draft/defaults.js';
import { setAt, type Draft } from '../draft/paths.js';
import type { Problem } from '../draft/problems.js';
import { useAutoSave } from '../draft/use-auto-save.js';
import { SummaryButton } from '../summary/SummaryPanel.js';
import { caseTitle, caseTitleParts } from './case-title.js';
import { CaseWorkspaceContext, type CaseWorkspace } from './case-workspace.js';
import { DeadlinesTab } from './deadlines/DeadlinesTab.js';
import { DocumentsTab } from './documents/DocumentsTab.js';
import { EvidenceTab } from './evidence/EvidenceTab.js';
import { FactsTab } from './facts/FactsTab.js';
import { JournalTab } from './journal/JournalTab.js';

export function CaseScreen({ caseId, tab }: { caseId: string; tab: CaseTab }) {
  const api = useApi();
  const [stored, setStored] = useState<StoredCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getCase({ id: caseId }).then(
      (c) => live && setStored(c),
      (e: unknown) => live && setError(userMessage(e, 'l’ouverture du dossier')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);
  if (!stored) {
    return (
      <section className="screen">
        <ScreenTitle documentTitle="Dossier">Dossier</ScreenTitle>
        <Progress active={!error} label="Ouverture du dossier…" />
        <ErrorMessage message={error} />
        {error && <a href="#/">Revenir à la liste des dossiers</a>}
      </section>
    );
  }
  return <CaseWorkspaceView initial={stored} tab={tab} />;
}

function CaseWorkspaceView({ initial, tab }: { initial: StoredCase; tab: CaseTab }) {
  const api = useApi();
  const navigate = useNavigate();
  const caseId = initial.id;
  const [stored, setStored] = useState(initial);
  const [problems, setProblems] = useState<readonly Problem[]>(initial.problems);
  const [template, setTemplate] = useState<TemplateInfo | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const saveDraft = useCallback(
    async (draft: Draft) => {
      try {
        const result = await api.saveCase({ id: caseId, draft });
        setProblems(result.problems);
        return result;
      } catch (e) {
        if (e instanceof RecoursApiError && e.problems.length > 0) setProblems(e.problems);
        throw e;
      }
    },
    [api, caseId],
  );
  const autoSave = useAutoSave<Draft>(initial.draft, saveDraft, { initialSavedAt: initial.updatedAt, what: 'l’enregistrement du dossier' });
  const { change, latest, adopt, flush } = autoSave;

  const update = useCallback((path: string, value: unknown) => change(withDefaults(setAt(latest.current, path, value), path)), [change, latest]);

  const adoptStored = useCallback(
    (next: StoredCase, draftKeys: readonly string[]) => {
      setStored(next);
      let merged = latest.current;
      for (const key of draftKeys) merged = setAt(merged, key, next.draft[key]);
      adopt(merged, next.draft);
      if (next.problems) setProblems(next.problems);
    },
    [adopt, latest],
  );

  const showField = useCallback(
    (path: string) => {
      const target = tabForPath(path);
      if (target === tab) {
        focusField(document, focusTarget(path));
      } else {
        pendingFocus.current = focusTarget(path);
        navigate({ screen: 'case', caseId, tab: target });
      }
    },
    [caseId, navigate, tab],
  );

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const path = pendingFocus.current;
    pendingFocus.current = null;
    focusField(document, path);
  }, [tab]);

  const workspace = useMemo<CaseWorkspace>(
    () => ({
      caseId,
      stored,
      draft: autoSave.value,
      problems,
      saveState: autoSave.state,
      update,
      flush,
      adoptStored,
      template,
      chooseTemplate: setTemplate,
      showField,
    }),
    [caseId, stored, autoSave.value, autoSave.state, problems, update, flush, adoptStored, template, showField],
  );

  const title = caseTitle(autoSave.value);
  const contacts = Array.isArray(autoSave.value.contacts) ? autoSave.value.contacts.length : 0;
  const tabs = [
    { id: 'faits', label: 'Faits' },
    { id: 'journal', label: contacts > 0 ? `Journal (${contacts})` : 'Journal' },
    { id: 'pieces', label: stored.evidence.length > 0 ? `Pièces (${stored.evidence.length})` : 'Pièces' },
    { id: 'documents', label: stored.documents.length > 0 ? `Documents (${stored.documents.length})` : 'Documents' },
    { id: 'echeances', label: 'Échéances' },
  ] as const;

  return (
    <CaseWorkspaceContext.Provider value={workspace}>
      <section className="screen case-screen">
        <div className="case-header">
          <p className="breadcrumb">
            <a href="#/">Tous les dossiers</a>
          </p>
          <ScreenTitle documentTitle={title}>
            <CaseTitle draft={autoSave.value} />
          </ScreenTitle>
          <SaveStatus state={autoSave.state} />
          <SummaryButton />
        </div>
        <Tabs label="Parties du dossier" tabs={tabs} current={tab} idPrefix="dossier" onSelect={(t) => navigate({ screen: 'case', caseId, tab: t })}>
          {tab === 'faits' && <FactsTab />}
          {tab === 'journal' && <JournalTab />}
          {tab === 'pieces' && <EvidenceTab />}
          {tab === 'documents' && <DocumentsTab />}
          {tab === 'echeances' && <DeadlinesTab />}
        </Tabs>
      </section>
    </CaseWorkspaceContext.Provider>
  );
}

function CaseTitle({ draft }: { draft: Draft }) {
  const { label, orderNumber, respondent } = caseTitleParts(draft);
  if (orderNumber) {
    return (
      <>
        {label} — commande n°&nbsp;<span className="nowrap">{orderNumber}</span>
      </>
    );
  }
  return <>{respondent ? `${label} — ${respondent}` : label}</>;
}
