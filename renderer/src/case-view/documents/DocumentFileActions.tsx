/**
 * What can be done with one produced file. In the desktop app: open it in its program, show it in its folder, print it.
 * In a browser: open the PDF in a new tab (to read or print it), or download the file.
 */
import { useState } from 'react';
import type { DocumentRecord } from '../../../../core/common/api/contract.js';
import { useApi, useDesktop } from '../../api/api-context.js';
import { userMessage } from '../../api/errors.js';
import { fileSize } from '../../common/format.js';
import { downloadBytes, openBytes } from './save-bytes.js';

type FileInfo = DocumentRecord['files'][number];

export const FORMAT_LABELS: Record<FileInfo['format'], string> = {
  pdf: 'PDF',
  docx: 'DOCX (modifiable)',
  dossier: 'Dossier de pièces',
  'bordereau-pdf': 'Bordereau des pièces (PDF)',
  'bordereau-docx': 'Bordereau des pièces (DOCX, modifiable)',
};

export function DocumentFileActions({ caseId, documentId, file }: { caseId: string; documentId: string; file: FileInfo }) {
  const api = useApi();
  const desktop = useDesktop();
  const [error, setError] = useState<string | null>(null);
  const ref = { caseId, documentId, format: file.format };
  const label = FORMAT_LABELS[file.format];
  const attempt = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(userMessage(e, `l’ouverture de « ${file.name} »`)));
  };
  const withBytes = (use: (f: { name: string; mediaType: string; bytes: Uint8Array }) => void) =>
    attempt(async () => use(await api.documentFile({ id: caseId, documentId, format: file.format })));

  return (
    <li className="document-file">
      <span className="document-file-name">
        {label} <span className="hint">— {file.name}, {fileSize(file.size)}</span>
      </span>
      <span className="button-row">
        {desktop ? (
          <>
            <button type="button" className="button-secondary" aria-label={`Ouvrir ${label} ${file.name}`} onClick={() => attempt(() => desktop.openDocument(ref))}>
              Ouvrir
            </button>
            <button type="button" className="button-quiet" aria-label={`Afficher ${file.name} dans son dossier`} onClick={() => attempt(() => desktop.showDocument(ref))}>
              Afficher dans son dossier
            </button>
            {(file.format === 'pdf' || file.format === 'dossier') && (
              <button
                type="button"
                className="button-quiet"
                aria-label={`Imprimer ${file.name}`}
                onClick={() => attempt(() => desktop.printDocument({ caseId, documentId, format: file.format === 'dossier' ? 'dossier' : 'pdf' }))}
              >
                Imprimer
              </button>
            )}
          </>
        ) : (
          <>
            {!file.format.endsWith('docx') && (
              <button type="button" className="button-secondary" aria-label={`Ouvrir ${label} ${file.name}`} onClick={() => withBytes((f) => openBytes(f.bytes, f.mediaType))}>
                Ouvrir
              </button>
            )}
            <button type="button" className="button-secondary" aria-label={`Télécharger ${label} ${file.name}`} onClick={() => withBytes((f) => downloadBytes(f.bytes, f.name, f.mediaType))}>
              Télécharger
            </button>
          </>
        )}
      </span>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
