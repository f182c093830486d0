/**
 * A whole case as one `.recours` file (facts, pieces, documents): to keep a backup or hand it to a consumer
 * association. The desktop app uses its own file dialogs; a browser downloads and picks files.
 */
import { useRef } from 'react';
import type { StoredCase } from '../../../core/common/api/contract.js';
import { useDesktop, useUploads } from '../api/api-context.js';

/** « Importer un dossier… »: calls onImported with the new case. */
export function ImportCaseButton({ onImported, onError }: { onImported: (c: StoredCase) => void; onError: (e: unknown) => void }) {
  const uploads = useUploads();
  const desktop = useDesktop();
  const input = useRef<HTMLInputElement>(null);
  const pick = () => {
    if (!desktop) {
      input.current?.click();
      return;
    }
    desktop.importCaseFile({}).then((r) => r.case && onImported(r.case), onError);
  };
  return (
    <>
      <button type="button" className="button-secondary" onClick={pick}>
        Importer un dossier…
      </button>
      <input
        ref={input}
        type="file"
        accept=".recours"
        hidden
        aria-label="Fichier .recours à importer"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          uploads.importCase({ file }).then(onImported, onError);
        }}
      />
    </>
  );
}

/** Writes the case as a `.recours` file; resolves to what to announce. */
export async function exportCaseFile(uploads: ReturnType<typeof useUploads>, desktop: ReturnType<typeof useDesktop>, caseId: string): Promise<string> {
  if (desktop) {
    const r = await desktop.exportCaseFile({ caseId });
    return r.cancelled ? '' : `Dossier exporté dans « ${r.fileName ?? ''} ».`;
  }
  const file = await uploads.exportCase({ id: caseId });
  return `Dossier exporté : « ${file.name} » (dans vos téléchargements).`;
}
