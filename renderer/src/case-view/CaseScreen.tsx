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
import { forget, keep, readKept, useWarnBeforeLeaving } from '../draft/kept-text.js';
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
  // Bumped by « Recharger le dossier » after a refused save: the workspace starts again from the stored case.
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    api.getCase({ id: caseId }).then(
      (c) => live && setStored(c),
      (e: unknown) => live && setError(userMessage(e, 'l’ouverture du dossier')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, loads]);
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
  const reload = () => {
    forget(draftKey(caseId));
    setStored(null);
    setLoads((n) => n + 1);
  };
  return <CaseWorkspaceView key={`${stored.id}:${loads}`} initial={stored} tab={tab} onReload={reload} />;
}

/** The tab's copy of a draft whose save has not gone through yet, with the revision it was typed on. */
const draftKey = (caseId: string) => `${caseId}:faits`;
type KeptDraft = { revision: number; draft: Draft };

function CaseWorkspaceView({ initial, tab, onReload }: { initial: StoredCase; tab: CaseTab; onReload: () => void }) {
  const api = useApi();
  const navigate = useNavigate();
  const caseId = initial.id;
  const [stored, setStored] = useState(initial);
  const [problems, setProblems] = useState<readonly Problem[]>(initial.problems);
  const [template, setTemplate] = useState<TemplateInfo | null>(null);
  const pendingFocus = useRef<string | null>(null);
  // The revision the draft on screen was read at: core refuses a save from an older one (another window saved).
  const revision = useRef(initial.revision);
  const [conflict, setConflict] = useState(false);

  const saveDraft = useCallback(
    async (draft: Draft) => {
      try {
        const result = await api.saveCase({ id: caseId, draft, revision: revision.current });
        revision.current = Math.max(revision.current, result.revision);
        setProblems(result.problems);
        return result;
      } catch (e) {
        if (e instanceof RecoursApiError && e.code === 'conflict') setConflict(true);
        if (e instanceof RecoursApiError && e.problems.length > 0) setProblems(e.problems);
        throw e;
      }
    },
    [api, caseId],
  );
  const autoSave = useAutoSave<Draft>(initial.draft, saveDraft, { initialSavedAt: initial.updatedAt, what: 'l’enregistrement du dossier' });
  const { change, latest, adopt, flush, hasUnsaved } = autoSave;

  // Nothing typed is lost: a draft not yet saved is kept by the tab and brought back after a reload.
  useEffect(() => {
    const kept = readKept<KeptDraft>(draftKey(caseId));
    if (kept && kept.revision === initial.revision && JSON.stringify(kept.draft) !== JSON.stringify(initial.draft)) change(kept.draft);
    else forget(draftKey(caseId));
  }, [caseId, initial, change]);
  useEffect(() => {
    if (autoSave.state.kind === 'saved' && !hasUnsaved()) forget(draftKey(caseId));
    else keep(draftKey(caseId), { revision: revision.current, draft: autoSave.value } satisfies KeptDraft);
  }, [caseId, autoSave.value, autoSave.state, hasUnsaved]);
  // Saved when the page is hidden (another application, tab closed on a phone) and when a field is left.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => document.removeEventListener('visibilitychange', onHidden);
  }, [flush]);
  useWarnBeforeLeaving(hasUnsaved);

  const update = useCallback((path: string, value: unknown) => change(withDefaults(setAt(latest.current, path, value), path)), [change, latest]);

  const adoptStored = useCallback(
    (next: StoredCase, draftKeys: readonly string[]) => {
      setStored(next);
      revision.current = Math.max(revision.current, next.revision);
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
      <section className="screen case-screen" onBlur={() => !conflict && void flush().catch(() => undefined)}>
        <div className="case-header">
          <p className="breadcrumb">
            <a href="#/">Tous les dossiers</a>
          </p>
          <ScreenTitle documentTitle={title}>
            <CaseTitle draft={autoSave.value} />
          </ScreenTitle>
          {/* After a refused save the notice below says it all, with what to do. */}
          {!conflict && <SaveStatus state={autoSave.state} />}
          <SummaryButton />
        </div>
        {conflict && (
          <div className="conflict-notice" role="alert">
            <p>
              Ce dossier a été modifié dans une autre fenêtre ou un autre onglet depuis que vous l’avez ouvert ici : vos dernières modifications n’ont pas
              été enregistrées, pour ne pas effacer les siennes. Rechargez le dossier pour reprendre sur la dernière version (notez d’abord ce que vous
              venez de saisir).
            </p>
            <p className="button-row">
              <button type="button" className="button-primary" onClick={onReload}>
                Recharger le dossier
              </button>
            </p>
          </div>
        )}
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
