/**
 * A text for a website's form (SignalConso, CEC France, Garantie A à Z…): plain text, as it is pasted — no sender
 * block, no hyphenation, no files or dossier — with a counter against the form's limit and « Copier le texte ».
 */
import { useState } from 'react';
import type { TemplateInfo } from '../../../../core/common/api/contract.js';
import { formText } from '../../../../core/common/letter/form-text.js';
import { Progress } from '../../common/Progress.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { useLetterPreview } from './use-letter-preview.js';

const count = (n: number) => n.toLocaleString('fr-FR');

export function FormTextPanel({ template }: { template: TemplateInfo }) {
  const { caseId, draft } = useCaseWorkspace();
  const { preview, error, busy } = useLetterPreview(caseId, template.id, draft);
  const [copied, setCopied] = useState('');
  const text = preview?.document ? formText(preview.document) : null;
  const over = text !== null && template.maxLength !== null && text.length > template.maxLength;

  const copy = async () => {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Texte copié : collez-le dans le formulaire du site.');
    } catch {
      setCopied('Copie refusée par le navigateur : sélectionnez le texte et copiez-le (Ctrl + C).');
    }
  };

  return (
    <section className="form-text" aria-labelledby="texte-formulaire">
      <h3 id="texte-formulaire">Texte à coller dans le formulaire</h3>
      <p className="hint">Ce texte se dépose sur le site de l’organisme : il n’y a ni lettre à imprimer ni dossier de pièces à produire.</p>
      <Progress active={busy && !preview} label="Préparation du texte…" />
      {error && <p className="error-text">{error}</p>}
      {text !== null ? (
        <>
          <textarea className="form-text-value" readOnly value={text} rows={16} aria-label={`Texte de « ${template.title} »`} />
          <p className={over ? 'error-text' : 'hint'} role={over ? 'alert' : undefined}>
            {template.maxLength !== null
              ? `${count(text.length)} caractères sur ${count(template.maxLength)} acceptés par le formulaire${over ? ` : raccourcissez le récit des faits de ${count(text.length - template.maxLength)} caractères au moins.` : '.'}`
              : `${count(text.length)} caractères.`}
          </p>
          <p className="button-row">
            <button type="button" className="button-primary" onClick={() => void copy()}>
              Copier le texte
            </button>
          </p>
          <p className="announcement" role="status">
            {copied}
          </p>
        </>
      ) : (
        preview && <p className="hint">Le texte apparaîtra dès que les informations ci-dessus seront données.</p>
      )}
    </section>
  );
}
