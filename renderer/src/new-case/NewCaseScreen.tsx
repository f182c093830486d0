/** « Que s'est-il passé ? »: one click on the situation creates the case, then a few questions follow. */
import { useState } from 'react';
import { useApi } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { Progress } from '../common/Progress.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { ImportOrder, type ImportChoice } from '../import/ImportOrder.js';
import { prefillDraft } from './prefill.js';
import { SITUATIONS, type Situation } from './situations.js';

export function NewCaseScreen() {
  const api = useApi();
  const navigate = useNavigate();
  const [creating, setCreating] = useState<Situation | null>(null);
  const [error, setError] = useState<string | null>(null);

  const [importSituation, setImportSituation] = useState<string>(SITUATIONS[0]?.id ?? '');
  const start = async (situation: Situation, imported?: ImportChoice) => {
    setCreating(situation);
    setError(null);
    try {
      const created = await api.createCase({
        disputeType: situation.disputeType,
        ...(situation.markedDelivered ? { markedDelivered: true } : {}),
      });
      const settings = await api.getSettings({}).catch(() => null);
      const draft = prefillDraft(created.draft, settings, situation);
      if (draft !== created.draft) await api.saveCase({ id: created.id, draft });
      // An imported order fills the case before the first questions, which then ask only what is missing.
      if (imported) await api.applyImport({ id: created.id, ...imported });
      navigate({ screen: 'new-case-details', caseId: created.id, situation: situation.id }, { replace: false });
    } catch (e) {
      setError(userMessage(e, 'la création du dossier'));
      setCreating(null);
    }
  };

  return (
    <section className="screen new-case">
      <p className="breadcrumb">
        <a href="#/">Tous les dossiers</a>
      </p>
      <ScreenTitle documentTitle="Nouveau dossier">Que s’est-il passé ?</ScreenTitle>
      <p className="lead">Choisissez ce qui ressemble le plus à votre situation. Vous pourrez tout préciser ensuite.</p>
      <ErrorMessage message={error} />
      <Progress active={creating !== null} label="Création du dossier…" />
      <ul className="situation-list">
        {SITUATIONS.map((s) => (
          <li key={s.id}>
            <button type="button" className="situation" disabled={creating !== null} onClick={() => void start(s)}>
              <span className="situation-label">{s.label}</span>
              <span className="situation-hint">{s.hint}</span>
            </button>
          </li>
        ))}
      </ul>
      <section className="new-case-import" aria-labelledby="new-case-import-title">
        <h2 id="new-case-import-title">Importer une commande</h2>
        <p className="hint">Vous avez l’e-mail de confirmation, la facture ou l’export de vos données Amazon ? Recours y lit la commande pour vous.</p>
        <ImportOrder
          confirmLabel="Créer le dossier avec ces informations"
          onConfirm={async (choice) => {
            const situation = SITUATIONS.find((s) => s.id === importSituation) ?? SITUATIONS[0];
            if (situation) await start(situation, choice);
          }}
        >
          <p>
            <label htmlFor="import-situation">Que s’est-il passé ? </label>
            <select id="import-situation" value={importSituation} onChange={(e) => setImportSituation(e.target.value)}>
              {SITUATIONS.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </p>
        </ImportOrder>
      </section>
    </section>
  );
}
