/** « Que s'est-il passé ? »: choosing a situation leads to its first questions; nothing is stored yet. */
import { useEffect, useState } from 'react';
import { useApi, useUploads } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { useNavigate } from '../app/navigation-context.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { ImportOrder, type ImportChoice } from '../import/ImportOrder.js';
import { SettingsSuggestion } from './SettingsSuggestion.js';
import { createSituationCase } from './create-case.js';
import { senderMissing, startDraft } from './prefill.js';
import { SITUATIONS, type Situation } from './situations.js';

export function NewCaseScreen() {
  const api = useApi();
  const uploads = useUploads();
  const [noSender, setNoSender] = useState(false);
  useEffect(() => {
    let live = true;
    api.getSettings({}).then(
      (s) => live && setNoSender(senderMissing(s)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [importSituation, setImportSituation] = useState<string>(SITUATIONS[0]?.id ?? '');
  // An imported order is a deliberate save: the case is stored with it, then the first questions ask what is missing.
  const startFromImport = async (situation: Situation, imported: ImportChoice) => {
    setError(null);
    try {
      const settings = await api.getSettings({});
      const { created, route } = await createSituationCase(api, situation, startDraft(settings, situation));
      await uploads.applyImport({ id: created.id, ...imported });
      navigate(route);
    } catch (e) {
      setError(userMessage(e, 'la création du dossier'));
    }
  };

  return (
    <section className="screen new-case">
      <p className="breadcrumb">
        <a href="#/">Tous les dossiers</a>
      </p>
      <ScreenTitle documentTitle="Nouveau dossier">Que s’est-il passé ?</ScreenTitle>
      <p className="lead">Choisissez ce qui ressemble le plus à votre situation. Vous pourrez tout préciser ensuite.</p>
      {noSender && <SettingsSuggestion />}
      <ul className="situation-list">
        {SITUATIONS.map((s) => (
          <li key={s.id}>
            <a className="situation" href={`#/nouveau/${encodeURIComponent(s.id)}`}>
              <span className="situation-label">{s.label}</span>
              <span className="situation-hint">{s.hint}</span>
            </a>
          </li>
        ))}
      </ul>
      <section className="new-case-import" aria-labelledby="new-case-import-title">
        <h2 id="new-case-import-title">Importer une commande</h2>
        <p className="hint">Vous avez l’e-mail de confirmation, la facture ou l’export de vos données Amazon ? Recours y lit la commande pour vous.</p>
        <ErrorMessage message={error} />
        <ImportOrder
          confirmLabel="Créer le dossier avec ces informations"
          onConfirm={async (choice) => {
            const situation = SITUATIONS.find((s) => s.id === importSituation) ?? SITUATIONS[0];
            if (situation) await startFromImport(situation, choice);
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
