/** « Importer une commande » inside an open case (Faits tab): the facts confirmed fill what is still empty. */
import { useState } from 'react';
import { useUploads } from '../api/api-context.js';
import { useCaseWorkspace } from '../case-view/case-workspace.js';
import { factLabel } from '../../../core/common/import/describe.js';
import { ImportOrder } from './ImportOrder.js';

export function ImportOrderInCase() {
  const uploads = useUploads();
  const { caseId, flush, adoptStored } = useCaseWorkspace();
  const [done, setDone] = useState<string | null>(null);
  return (
    <details className="subsection import-in-case">
      <summary>Importer une commande</summary>
      <ImportOrder
        caseId={caseId}
        confirmLabel="Ajouter au dossier"
        onConfirm={async (choice) => {
          // What is on screen is saved first: the import compares with it and never overwrites it.
          await flush();
          const result = await uploads.applyImport({ id: caseId, ...choice });
          adoptStored(result.case, ['order', 'refund', 'evidence']);
          setDone(
            `${result.added.length > 0 ? `Ajouté : ${result.added.map((f) => factLabel(f.path).toLowerCase()).join(', ')}.` : 'Aucune information ajoutée.'}${
              result.conflicts.length > 0 ? ` Non modifié (déjà renseigné autrement) : ${result.conflicts.map((c) => factLabel(c.path).toLowerCase()).join(', ')}.` : ''
            } Le fichier est dans les pièces.`,
          );
        }}
      />
      {done && <p role="status" className="import-done">{done}</p>}
    </details>
  );
}
