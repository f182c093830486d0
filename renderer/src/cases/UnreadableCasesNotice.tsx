/** Cases core could not read are kept aside, never overwritten: say so above the list, where to find them, and why. */
import { useEffect, useState } from 'react';
import type { UnreadableCaseInfo } from '../../../core/common/api/contract.js';
import { useApi } from '../api/api-context.js';

const SEEN_KEY = 'recours.dossiersIllisiblesVus';

export function UnreadableCasesNotice() {
  const api = useApi();
  const [cases, setCases] = useState<UnreadableCaseInfo[]>([]);
  useEffect(() => {
    let live = true;
    api.unreadableCases({}).then(
      (list) => {
        const seen = window.sessionStorage.getItem(SEEN_KEY);
        if (live && list.length > 0 && seen !== list.map((c) => c.folder).join('|')) setCases(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  if (cases.length === 0) return null;
  return (
    <section className="notice" role="alert" aria-labelledby="illisibles-titre">
      <h2 id="illisibles-titre">{cases.length === 1 ? 'Un dossier n’a pas pu être lu' : `${cases.length} dossiers n’ont pas pu être lus`}</h2>
      <p>Ils ont été mis de côté sans être modifiés. Vous pouvez les confier à quelqu’un qui saura les réparer.</p>
      <ul>
        {cases.map((c) => (
          <li key={c.folder}>
            <strong>{c.path}</strong> : {c.message}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          window.sessionStorage.setItem(SEEN_KEY, cases.map((c) => c.folder).join('|'));
          setCases([]);
        }}
      >
        J’ai compris
      </button>
    </section>
  );
}
