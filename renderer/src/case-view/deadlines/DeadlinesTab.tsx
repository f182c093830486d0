/** « Échéances »: each deadline with its legal basis, the overdue ones first. */
import { useEffect, useState } from 'react';
import type { DeadlineInfo } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import { ErrorMessage } from '../../common/ErrorMessage.js';
import { daysFromToday, longDate } from '../../common/format.js';
import { Progress } from '../../common/Progress.js';
import { useCaseWorkspace } from '../case-workspace.js';

export function sortDeadlines(list: readonly DeadlineInfo[]): DeadlineInfo[] {
  return [...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.date.localeCompare(b.date));
}

function remaining(d: DeadlineInfo): string {
  const days = daysFromToday(d.date);
  if (d.overdue || days < 0) return days === -1 ? 'dépassée depuis hier' : `dépassée depuis ${-days}\u00A0jours`;
  if (days === 0) return 'aujourd’hui';
  if (days === 1) return 'demain';
  if (days >= 60) return `dans ${Math.round(days / 30.44)}\u00A0mois`;
  return `dans ${days}\u00A0jours`;
}

export function DeadlinesTab() {
  const api = useApi();
  const { caseId, stored } = useCaseWorkspace();
  const [deadlines, setDeadlines] = useState<DeadlineInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Recomputed when a letter is marked sent or its receipt entered.
  const sentCount = stored.documents.map((d) => (d.sent ? `${d.sent.date}/${d.sent.received ?? ''}` : '')).join(',');
  useEffect(() => {
    let live = true;
    api.deadlines({ id: caseId }).then(
      (list) => live && setDeadlines(sortDeadlines(list)),
      (e: unknown) => live && setError(userMessage(e, 'le calcul des échéances')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, sentCount]);

  return (
    <div className="deadlines">
      <h2>Échéances</h2>
      <Progress active={deadlines === null && !error} label="Calcul des échéances…" />
      <ErrorMessage message={error} />
      {deadlines?.length === 0 && (
        <p className="hint">Aucune échéance pour l’instant : elles apparaissent avec les dates de la commande et quand une lettre est marquée comme envoyée.</p>
      )}
      {deadlines && deadlines.length > 0 && (
        <ol className="deadline-list">
          {deadlines.map((d) => (
            <li key={d.id} className={`deadline ${d.overdue ? 'deadline-overdue' : ''}`}>
              <p className="deadline-date">
                <strong>{longDate(d.date)}</strong> <span className={d.overdue ? 'badge badge-alert' : 'badge'}>{remaining(d)}</span>
              </p>
              <p className="deadline-label">{d.label}</p>
              <p className="deadline-basis">
                <span className="hint">Base légale :</span> {d.basis}
              </p>
              {d.note && <p className="deadline-note hint">{d.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
