/**
 * « Résumé »: the case in one glance for the next call — the problem, every contact with its reference and
 * promise, the demand, the next deadline — with a short text to copy into a chat, and « Imprimer ».
 */
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { useCaseWorkspace } from '../case-view/case-workspace.js';

export function SummaryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button-secondary summary-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Résumé
      </button>
      {open && <SummaryPanel onClose={() => setOpen(false)} />}
    </>
  );
}

function SummaryPanel({ onClose }: { onClose: () => void }) {
  const api = useApi();
  const { caseId, draft } = useCaseWorkspace();
  const [summary, setSummary] = useState<{ text: string; short: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let live = true;
    api.caseSummary({ id: caseId, draft }).then(
      (s) => live && setSummary(s),
      (e: unknown) => live && setError(userMessage(e, 'le résumé du dossier')),
    );
    return () => {
      live = false;
    };
  }, [api, caseId, draft]);

  const copy = async () => {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(summary.short);
      setCopied(true);
    } catch {
      setError('La copie a été refusée par le navigateur : sélectionnez le texte court et copiez-le vous-même.');
    }
  };

  return (
    <section className="summary-panel" aria-label="Résumé du dossier" role="region">
      <div className="summary-actions">
        <h2>Résumé pour votre prochain appel</h2>
        <button type="button" className="button-primary" disabled={!summary} onClick={() => void copy()}>
          Copier
        </button>{' '}
        <button type="button" className="button-secondary" disabled={!summary} onClick={() => window.print()}>
          Imprimer
        </button>{' '}
        <button type="button" className="button-secondary" onClick={onClose}>
          Fermer
        </button>
      </div>
      <ErrorMessage message={error} />
      {summary && (
        <>
          <h3>Texte court à coller dans un chat ({summary.short.length} caractères)</h3>
          <p className="summary-short">{summary.short}</p>
          {copied && <p role="status">Texte court copié.</p>}
          <h3>Le dossier en un coup d’œil</h3>
          <div className="summary-text">
            {summary.text.split('\n\n').map((block, i) => (
              <p key={i}>
                {block.split('\n').map((line, k) => (
                  <span key={k}>
                    {k > 0 && <br />}
                    {line}
                  </span>
                ))}
              </p>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
