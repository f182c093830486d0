/**
 * The date a sent letter was received (acknowledgement of receipt, tracking), entered afterwards: the answer
 * period the letter gave runs from it (« à compter de la réception »); until then the deadline is an estimate.
 */
import { useState } from 'react';
import type { DocumentRecord } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { DateField } from '../../common/fields.js';
import { longDate } from '../../common/format.js';
import { InlineForm } from '../../common/InlineForm.js';
import type { Problem } from '../../draft/problems.js';
import { useCaseWorkspace } from '../case-workspace.js';

type Sent = NonNullable<DocumentRecord['sent']>;

export function ReceivedForm({ document: doc, sent, onSaved }: { document: DocumentRecord; sent: Sent; onSaved: (message: string) => void }) {
  const api = useApi();
  const { caseId, flush, adoptStored } = useCaseWorkspace();
  const [open, setOpen] = useState(false);
  const [received, setReceived] = useState<unknown>(sent.received ?? undefined);
  const problems: Problem[] =
    typeof received === 'string' && received < sent.date ? [{ path: 'received', message: 'Date de réception : elle ne peut pas précéder la date d’envoi' }] : [];

  if (!open) {
    return (
      <p className="received">
        {sent.received ? `Reçu le ${longDate(sent.received)}. ` : 'Date de réception non indiquée : le délai de réponse est estimé depuis l’envoi. '}
        <button type="button" className="button-quiet" onClick={() => setOpen(true)} aria-label={`Indiquer la date de réception de « ${doc.title} »`}>
          {sent.received ? 'Modifier la date de réception' : 'Indiquer la date de réception'}
        </button>
      </p>
    );
  }
  const submit = async () => {
    if (typeof received !== 'string' || received === '') return;
    await flush();
    const next = await api.markReceived({ id: caseId, documentId: doc.id, received });
    adoptStored(next, ['sendings', 'contacts']);
    setOpen(false);
    onSaved(`Réception enregistrée : le délai de réponse court à partir du ${received.split('-').reverse().join('/')}.`);
  };
  return (
    <InlineForm
      label={`Réception de « ${doc.title} »`}
      value={{ received }}
      problems={problems}
      onChange={(_path, value) => setReceived(value)}
      complete={typeof received === 'string' && received !== ''}
      submitLabel="Enregistrer la réception"
      doing="l’enregistrement de la date de réception"
      onSubmit={submit}
      onCancel={() => setOpen(false)}
    >
      <DateField path="received" label="Date de réception" hint="Sur l’accusé de réception ou le suivi de La Poste" required />
    </InlineForm>
  );
}
