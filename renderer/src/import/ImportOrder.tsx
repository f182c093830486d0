/**
 * « Importer une commande »: a file chosen or dropped (Amazon's data export, the confirmation e-mail, an invoice
 * PDF) is read by core, which proposes each fact with the words it was read from; the user ticks what to keep.
 * What the case already holds is never replaced: a different value is shown as a conflict, left to the user.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { ImportPreview } from '../../../core/common/api/contract.js';
import { describeValue, factLabel, proposalCurrency } from '../../../core/common/import/describe.js';
import { formatShortDate } from '../../../core/common/format/dates.js';
import { formatAmount } from '../../../core/common/format/money.js';
import { useUploads } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { Progress } from '../common/Progress.js';

export interface ImportChoice {
  /** The chosen file itself: read by core, sent by the host's upload (useUploads). */
  file: File;
  order?: string;
  paths: string[];
}

interface Props {
  /** The case to compare with (Faits tab); none on the new-case screen. */
  caseId?: string;
  confirmLabel: string;
  /** Called with the facts ticked; resolves once they are in the case. */
  onConfirm: (choice: ImportChoice) => Promise<void>;
  /** Shown above the confirm button (the situation to choose on the new-case screen). */
  children?: ReactNode;
}

type Proposal = Extract<ImportPreview, { kind: 'proposal' }>;

export function ImportOrder({ caseId, confirmLabel, onConfirm, children }: Props) {
  const uploads = useUploads();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [order, setOrder] = useState<string | undefined>(undefined);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const propose = async (f: File, chosen?: string) => {
    setBusy('Lecture du fichier…');
    setError(null);
    try {
      const result = await uploads.proposeImport({ ...(caseId ? { id: caseId } : {}), file: f, ...(chosen ? { order: chosen } : {}) });
      setFile(f);
      setOrder(chosen);
      setPreview(result);
      if (result.kind === 'proposal') {
        const blocked = new Set([...result.same, ...result.conflicts.map((c) => c.path)]);
        setTicked(new Set(result.proposal.facts.map((x) => x.path).filter((p) => !blocked.has(p))));
      }
    } catch (e) {
      setPreview(null);
      setError(userMessage(e, 'la lecture du fichier'));
    } finally {
      setBusy(null);
    }
  };

  const choose = async (files: File[]) => {
    const [first] = files;
    if (!first) return;
    await propose(first);
  };

  const confirm = async () => {
    if (!file || preview?.kind !== 'proposal') return;
    setBusy('Ajout au dossier…');
    setError(null);
    try {
      await onConfirm({ file, ...(order ? { order } : {}), paths: [...ticked] });
      setPreview(null);
      setFile(null);
    } catch (e) {
      setError(userMessage(e, 'l’import de la commande'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="import-order">
      <div
        className={`drop-zone ${over ? 'drop-over' : ''}`}
        onDragEnter={(e) => { e.preventDefault(); setOver(true); }}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void choose(Array.from(e.dataTransfer.files));
        }}
      >
        <p className="drop-zone-text">
          Déposez ici l’e-mail de confirmation (.eml), la facture (PDF) ou l’export de vos données Amazon (.zip ou .csv) : Recours
          y lit la commande, et vous confirmez chaque information.
        </p>
        <p>
          <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => inputRef.current?.click()}>
            Choisir le fichier de la commande
          </button>
        </p>
        <input
          ref={inputRef}
          type="file"
          hidden
          accept=".eml,.pdf,.zip,.csv,message/rfc822,application/pdf,application/zip,text/csv"
          aria-label="Fichier de la commande à importer"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void choose(files);
          }}
        />
      </div>
      <Progress active={busy !== null} label={busy ?? ''} />
      <ErrorMessage message={error} />
      {preview?.kind === 'orders' && file && (
        <fieldset className="import-orders">
          <legend>« {preview.source} » contient {preview.orders.length} commandes : laquelle importer ?</legend>
          <ul>
            {preview.orders.map((o) => (
              <li key={o.number}>
                <button type="button" className="button-link" disabled={busy !== null} onClick={() => void propose(file, o.number)}>
                  n° {o.number}
                </button>{' '}
                — {o.date ? formatShortDate(o.date) : 'date inconnue'} — {o.total !== null ? formatAmount(o.total, o.currency) : 'total inconnu'} — {o.firstItem}
                {o.itemCount > 1 ? ` (+ ${o.itemCount - 1} article${o.itemCount > 2 ? 's' : ''})` : ''}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {preview?.kind === 'proposal' && <ProposalList preview={preview} ticked={ticked} onToggle={(path, on) => setTicked((t) => {
        const next = new Set(t);
        if (on) next.add(path);
        else next.delete(path);
        return next;
      })} />}
      {preview?.kind === 'proposal' && (
        <div className="import-confirm">
          {children}
          <button type="button" className="button-primary" disabled={busy !== null} onClick={() => void confirm()}>
            {confirmLabel}
          </button>{' '}
          <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => { setPreview(null); setFile(null); }}>
            Annuler
          </button>
        </div>
      )}
    </div>
  );
}

function ProposalList({ preview, ticked, onToggle }: { preview: Proposal; ticked: ReadonlySet<string>; onToggle: (path: string, on: boolean) => void }) {
  const { proposal } = preview;
  const currency = proposalCurrency(proposal);
  const same = new Set(preview.same);
  return (
    <fieldset className="import-proposal">
      <legend>Informations trouvées dans « {proposal.source} » : cochez celles à ajouter au dossier</legend>
      <ul>
        {proposal.facts.map((fact) => {
          const conflict = preview.conflicts.find((c) => c.path === fact.path);
          const id = `import-${fact.path.replace(/\W/g, '-')}`;
          return (
            <li key={fact.path} className={conflict ? 'import-conflict' : same.has(fact.path) ? 'import-same' : ''} data-fact-path={fact.path}>
              <input id={id} type="checkbox" checked={ticked.has(fact.path)} disabled={conflict !== undefined || same.has(fact.path)} onChange={(e) => onToggle(fact.path, e.target.checked)} />{' '}
              <label htmlFor={id}>
                <strong>{factLabel(fact.path)}</strong> : {describeValue(fact.path, fact.value, currency)}
              </label>
              <p className="hint">Lu dans : « {fact.excerpt} »</p>
              {same.has(fact.path) && <p className="hint">Déjà dans le dossier.</p>}
              {conflict && (
                <p className="import-conflict-text">
                  Le dossier indique déjà « {describeValue(fact.path, conflict.current, currency)} » : il n’est pas modifié. Corrigez le champ vous-même si le fichier a raison.
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {proposal.notes.length > 0 && (
        <ul className="import-notes">
          {proposal.notes.map((n) => <li key={n}>{n}</li>)}
        </ul>
      )}
      <p className="hint">Le fichier sera ajouté aux pièces du dossier, pour que les lettres puissent le citer.</p>
    </fieldset>
  );
}
