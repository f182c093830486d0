/** « Vos dossiers »: search, where each case stands, and the way to a new one. */
import { startTransition, useEffect, useRef, useState } from 'react';
import type { CaseSummary } from '../../../core/common/api/contract.js';
import { useApi, useDesktop, useUploads } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { Progress } from '../common/Progress.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { CaseRow } from './CaseRow.js';
import { exportCaseFile, ImportCaseButton } from './CaseFileTransfer.js';
import { UnreadableCasesNotice } from './UnreadableCasesNotice.js';

const SEARCH_DELAY_MS = 200;
/** Rows drawn at once; the rest follow in an interruptible render, so that a long list shows without waiting. */
const FIRST_ROWS = 30;

export function CasesScreen() {
  const api = useApi();
  const desktop = useDesktop();
  const uploads = useUploads();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reload, setReload] = useState(0);
  const [shownCount, setShownCount] = useState(FIRST_ROWS);
  const first = useRef(true);

  useEffect(() => {
    setShownCount(FIRST_ROWS);
    if (cases && cases.length > FIRST_ROWS) startTransition(() => setShownCount(cases.length));
  }, [cases]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(
      () => {
        api.listCases({ ...(query.trim() ? { query: query.trim() } : {}), includeArchived }).then(
          (list) => {
            if (!live) return;
            setCases(list);
            setError(null);
            setLoading(false);
          },
          (e: unknown) => {
            if (!live) return;
            setError(userMessage(e, 'le chargement des dossiers'));
            setLoading(false);
          },
        );
      },
      first.current ? 0 : SEARCH_DELAY_MS,
    );
    first.current = false;
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query, includeArchived, reload]);

  const act = async (what: string, action: () => Promise<string>) => {
    setError(null);
    try {
      setAnnouncement(await action());
      setReload((n) => n + 1);
    } catch (e) {
      setError(userMessage(e, what));
    }
  };

  const count = cases?.length ?? 0;
  return (
    <section className="screen cases-screen">
      <div className="screen-header">
        <ScreenTitle documentTitle="Vos dossiers">Vos dossiers</ScreenTitle>
        <p className="button-row">
          <ImportCaseButton
            onImported={(c) => navigate({ screen: 'case', caseId: c.id, tab: 'faits' })}
            onError={(e) => setError(userMessage(e, 'l’import du dossier'))}
          />
          <a className="button-primary" href="#/nouveau">
            Nouveau dossier
          </a>
        </p>
      </div>
      <UnreadableCasesNotice />
      <search className="case-search">
        <div className="field">
          <label htmlFor="recherche">Rechercher</label>
          <input id="recherche" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Nom, commande, vendeur…" />
        </div>
        <label className="checkbox-line">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Afficher les dossiers archivés
        </label>
      </search>
      <Progress active={loading} label="Chargement des dossiers…" />
      <ErrorMessage message={error} />
      <p className="announcement" role="status">
        {announcement || (cases ? (count === 0 ? '' : count === 1 ? '1 dossier' : `${count} dossiers`) : '')}
      </p>
      {cases && count === 0 && !query && (
        <div className="empty-state">
          <p>Aucun dossier pour l’instant.</p>
          <p>
            Commencez par <a href="#/nouveau">un nouveau dossier</a> : Recours vous demandera simplement ce qui s’est passé.
          </p>
        </div>
      )}
      {cases && count === 0 && query && <p>Aucun dossier ne correspond à « {query} ».</p>}
      {cases && count > 0 && (
        <ul className="case-list" aria-label="Dossiers">
          {cases.slice(0, shownCount).map((c) => (
            <CaseRow
              key={c.id}
              summary={c}
              onDuplicate={() =>
                void act('la duplication du dossier', async () => {
                  const copy = await api.duplicateCase({ id: c.id });
                  navigate({ screen: 'case', caseId: copy.id, tab: 'faits' });
                  return `Copie de « ${c.title} » créée.`;
                })
              }
              onExport={() => void act('l’export du dossier', () => exportCaseFile(uploads, desktop, c.id))}
              onArchive={(archived) =>
                void act('l’archivage du dossier', async () => {
                  await api.archiveCase({ id: c.id, archived });
                  return archived ? `« ${c.title} » archivé.` : `« ${c.title} » désarchivé.`;
                })
              }
              onDelete={() =>
                void act('la suppression du dossier', async () => {
                  await api.deleteCase({ id: c.id });
                  // The row is gone: the focus goes back to the search field rather than to nowhere.
                  document.getElementById('recherche')?.focus();
                  return `« ${c.title} » supprimé.`;
                })
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
