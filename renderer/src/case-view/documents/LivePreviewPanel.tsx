/** Beside the facts: the chosen letter, redrawn at every keystroke, with what it still needs. */
import { useId, useState } from 'react';
import { useCaseWorkspace } from '../case-workspace.js';
import { LetterWork } from './LetterWork.js';

export function LivePreviewPanel() {
  const { template, caseId } = useCaseWorkspace();
  const [hidden, setHidden] = useState(false);
  const titleId = useId();
  if (!template) {
    return (
      <aside className="preview-aside preview-none" aria-label="Aperçu de la lettre">
        <p className="hint">
          Choisissez une lettre dans <a href={`#/dossier/${caseId}/documents`}>Documents</a> : son aperçu suivra ici ce que vous tapez.
        </p>
      </aside>
    );
  }
  return (
    <aside className="preview-aside" aria-labelledby={titleId}>
      <div className="preview-aside-header">
        <h2 id={titleId}>Aperçu : {template.title}</h2>
        <button type="button" className="button-quiet" aria-expanded={!hidden} onClick={() => setHidden((h) => !h)}>
          {hidden ? 'Afficher l’aperçu' : 'Masquer l’aperçu'}
        </button>
      </div>
      {!hidden && <LetterWork />}
    </aside>
  );
}
