/** « Que s'est-il passé ? »: choosing a situation leads to its first questions; nothing is stored yet. */
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { ScreenTitle } from '../common/ScreenTitle.js';
import { SettingsSuggestion } from './SettingsSuggestion.js';
import { senderMissing } from './prefill.js';
import { SITUATIONS } from './situations.js';

export function NewCaseScreen() {
  const api = useApi();
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
    </section>
  );
}
