/** The documents produced for this case, newest first: their files, and whether and how each was sent. */
import { useState } from 'react';
import { SENDING_LABELS } from '../../../../core/common/case/labels.js';
import { dateTime, longDate } from '../../common/format.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { DocumentFileActions } from './DocumentFileActions.js';
import { MarkSentForm } from './MarkSentForm.js';
import { ReceivedForm } from './ReceivedForm.js';

export function DocumentHistory() {
  const { caseId, stored } = useCaseWorkspace();
  const [announcement, setAnnouncement] = useState('');
  const documents = [...stored.documents].sort((a, b) => b.generatedAt.localeCompare(a.generatedAt));
  return (
    <section className="document-history" aria-labelledby="produits-titre">
      <h2 id="produits-titre">Documents produits</h2>
      <p className="announcement" role="status">
        {announcement}
      </p>
      {documents.length === 0 ? (
        <p className="hint">Aucun document produit pour l’instant.</p>
      ) : (
        <ol className="document-list">
          {documents.map((doc) => (
            <li key={doc.id} className="document-item">
              <h3>{doc.title}</h3>
              <p className="hint">Produit le {dateTime(doc.generatedAt)}</p>
              <ul className="document-files">
                {doc.files.map((file) => (
                  <DocumentFileActions key={file.format} caseId={caseId} documentId={doc.id} file={file} />
                ))}
              </ul>
              {doc.sent ? (
                <>
                  <p className="sent">
                    Envoyé le {longDate(doc.sent.date)} — {SENDING_LABELS[doc.sent.mode] ?? doc.sent.mode}
                    {doc.sent.registeredNumber ? ` n°\u00A0${doc.sent.registeredNumber}` : ''}
                  </p>
                  <ReceivedForm document={doc} sent={doc.sent} onSaved={setAnnouncement} />
                </>
              ) : (
                <MarkSentForm document={doc} onSent={setAnnouncement} />
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
