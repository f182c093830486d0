/** One case in the list: what it is about, where it stands, the next date that matters, and its actions. */
import type { CaseSummary } from '../../../core/common/api/contract.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { daysFromToday, longDate, todayIso } from '../common/format.js';

interface Props {
  summary: CaseSummary;
  onDuplicate: () => void;
  onExport: () => void;
  onArchive: (archived: boolean) => void;
  onDelete: () => void;
}

export function CaseRow({ summary: c, onDuplicate, onExport, onArchive, onDelete }: Props) {
  const overdue = c.nextDeadline !== null && daysFromToday(c.nextDeadline.date) < 0;
  return (
    <li className={`case-row ${c.archived ? 'case-archived' : ''}`} data-case-row="">
      <h2 className="case-row-title">
        <a href={`#/dossier/${encodeURIComponent(c.id)}/faits`}>{c.title}</a>
        {c.archived && <span className="badge">Archivé</span>}
      </h2>
      <dl className="case-facts">
        <div>
          <dt>Litige</dt>
          <dd>{c.disputeLabel}</dd>
        </div>
        <div>
          <dt>Étape</dt>
          <dd>{c.stage}</dd>
        </div>
        <div>
          {/* A past date is no « next » deadline: it is shown as the one that has passed, for the user to act on. */}
          <dt>{overdue ? 'Échéance dépassée' : 'Prochaine échéance'}</dt>
          <dd className={overdue ? 'overdue' : undefined}>{c.nextDeadline ? `${longDate(c.nextDeadline.date)} — ${c.nextDeadline.label}` : 'aucune'}</dd>
        </div>
        {c.orderNumber && (
          <div>
            <dt>Commande</dt>
            <dd>n°&nbsp;{c.orderNumber}</dd>
          </div>
        )}
        <div>
          <dt>Modifié le</dt>
          <dd>{longDate(todayIso(new Date(c.updatedAt)))}</dd>
        </div>
      </dl>
      <p className="button-row case-actions">
        <button type="button" className="button-quiet" onClick={onDuplicate} aria-label={`Dupliquer « ${c.title} »`}>
          Dupliquer
        </button>
        <button type="button" className="button-quiet" onClick={onExport} aria-label={`Exporter « ${c.title} » dans un fichier .recours`}>
          Exporter
        </button>
        <button type="button" className="button-quiet" onClick={() => onArchive(!c.archived)} aria-label={`${c.archived ? 'Désarchiver' : 'Archiver'} « ${c.title} »`}>
          {c.archived ? 'Désarchiver' : 'Archiver'}
        </button>
        <ConfirmButton
          label="Supprimer"
          ariaLabel={`Supprimer « ${c.title} »`}
          question={`Supprimer définitivement « ${c.title} », ses pièces et ses documents ?`}
          confirmLabel="Supprimer définitivement"
          onConfirm={onDelete}
        />
      </p>
    </li>
  );
}
