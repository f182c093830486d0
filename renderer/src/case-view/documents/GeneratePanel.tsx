/** Producing the chosen letter: which files (PDF, DOCX, dossier with the pieces), then one button. */
import { useEffect, useRef, useState } from 'react';
import type { TemplateInfo } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import { Progress } from '../../common/Progress.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { DocumentFileActions, FORMAT_LABELS } from './DocumentFileActions.js';
import { MarkSentForm } from './MarkSentForm.js';
import { ReceivedForm } from './ReceivedForm.js';

type Format = 'pdf' | 'docx' | 'dossier';
const FORMATS: Format[] = ['pdf', 'docx', 'dossier'];
const FORMAT_HINTS: Record<Format, string> = {
  pdf: 'la lettre prête à imprimer',
  docx: 'la lettre à modifier dans un traitement de texte',
  dossier: 'la lettre suivie de toutes les pièces, numérotées',
};

export function GeneratePanel({ template }: { template: TemplateInfo }) {
  const api = useApi();
  const { caseId, stored, flush, adoptStored } = useCaseWorkspace();
  const [formats, setFormats] = useState<Set<Format>>(() => new Set(FORMATS));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  // The document just produced: its files, their actions and « Indiquer l'envoi » right here, where the user is.
  const [producedId, setProducedId] = useState<string | null>(null);
  const produced = stored.documents.find((d) => d.id === producedId) ?? null;
  const resultTitle = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (producedId) resultTitle.current?.focus();
  }, [producedId]);

  const produce = async () => {
    setBusy(true);
    setError(null);
    setMessage('');
    setWarnings([]);
    setProducedId(null);
    try {
      await flush();
      const chosen = FORMATS.filter((f) => formats.has(f));
      const result = await api.generateDocument({ id: caseId, templateId: template.id, formats: chosen });
      adoptStored({ ...stored, documents: [...stored.documents, result.document] }, []);
      setWarnings(result.warnings);
      setProducedId(result.document.id);
      setMessage(`Produit : ${result.document.title} (${result.document.files.map((f) => FORMAT_LABELS[f.format]).join(', ')}). Les fichiers sont ci-dessous et dans « Documents produits ».`);
    } catch (e) {
      setError(userMessage(e, 'la production du document'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="generate" aria-labelledby="produire-titre">
      <h3 id="produire-titre">Produire</h3>
      <fieldset className="format-choice">
        <legend>Fichiers à produire</legend>
        {FORMATS.map((f) => (
          <label key={f} className="checkbox-line">
            <input
              type="checkbox"
              checked={formats.has(f)}
              onChange={(e) => {
                const next = new Set(formats);
                if (e.target.checked) next.add(f);
                else next.delete(f);
                setFormats(next);
              }}
            />
            {FORMAT_LABELS[f]} <span className="hint">— {FORMAT_HINTS[f]}</span>
          </label>
        ))}
      </fieldset>
      <p className="button-row">
        <button type="button" className="button-primary" disabled={busy || formats.size === 0} onClick={() => void produce()}>
          Produire les documents
        </button>
      </p>
      <Progress active={busy} label="Production des documents…" />
      <p className="announcement" role="status">
        {message}
      </p>
      {produced && (
        <section className="produced" aria-labelledby="produits-ici">
          <h4 id="produits-ici" ref={resultTitle} tabIndex={-1}>
            Fichiers produits
          </h4>
          <ul className="document-files">
            {produced.files.map((file) => (
              <DocumentFileActions key={file.format} caseId={caseId} documentId={produced.id} file={file} />
            ))}
          </ul>
          {produced.sent ? <ReceivedForm document={produced} sent={produced.sent} onSaved={setMessage} /> : <MarkSentForm document={produced} onSent={setMessage} />}
        </section>
      )}
      {warnings.length > 0 && (
        <ul className="warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
