/**
 * « Indiquer l'envoi »: date, mode, registered number. Core records the sending (not a contact) and starts the deadline.
 */
import { useState } from 'react';
import type { DocumentRecord } from '../../../../core/common/api/contract.js';
import { useApi } from '../../api/api-context.js';
import { DateField, SelectField, TextField } from '../../common/fields.js';
import { todayIso } from '../../common/format.js';
import { InlineForm } from '../../common/InlineForm.js';
import { setAt } from '../../draft/paths.js';
import type { Problem } from '../../draft/problems.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { SENDING_OPTIONS } from '../options.js';

type Mode = 'lrar' | 'lre' | 'email' | 'post' | 'hand';

function problemsOf(form: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  if (typeof form.date !== 'string' || form.date === '') problems.push({ path: 'date', message: 'Date d’envoi (date) : indiquez le jour de l’envoi' });
  if (typeof form.mode !== 'string') problems.push({ path: 'mode', message: 'Mode d’envoi (mode) : choisissez comment la lettre est partie' });
  return problems;
}

export function MarkSentForm({ document: doc, onSent }: { document: DocumentRecord; onSent: (message: string) => void }) {
  const api = useApi();
  const { caseId, flush, adoptStored } = useCaseWorkspace();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<Record<string, unknown>>({ date: todayIso(), mode: 'lrar' });
  const registered = form.mode === 'lrar' || form.mode === 'lre';

  if (!open) {
    return (
      <button type="button" className="button-secondary" onClick={() => setOpen(true)} aria-label={`Indiquer l’envoi de « ${doc.title} »`}>
        Indiquer l’envoi
      </button>
    );
  }
  const submit = async () => {
    await flush();
    const number = typeof form.registeredNumber === 'string' && registered ? form.registeredNumber.trim() : '';
    const next = await api.markSent({
      id: caseId,
      documentId: doc.id,
      date: String(form.date),
      mode: form.mode as Mode,
      ...(number ? { registeredNumber: number } : {}),
    });
    adoptStored(next, ['sendings']);
    setOpen(false);
    onSent(
      `Envoi enregistré. Le délai de réponse est estimé à partir du ${String(form.date).split('-').reverse().join('/')} ; indiquez la date de réception dès que vous la connaissez (accusé de réception, suivi).`,
    );
  };
  return (
    <InlineForm
      label={`Envoi de « ${doc.title} »`}
      value={form}
      problems={problemsOf(form)}
      onChange={(path, value) => setForm((f) => setAt(f, path, value))}
      submitLabel="Enregistrer l’envoi"
      doing="l’enregistrement de l’envoi"
      onSubmit={submit}
      onCancel={() => setOpen(false)}
    >
      <DateField path="date" label="Date d’envoi" required />
      <SelectField path="mode" label="Mode d’envoi" options={SENDING_OPTIONS} required />
      {registered && <TextField path="registeredNumber" label="Numéro de recommandé" hint="Sur la preuve de dépôt, par exemple 1A 123 456 7890 1" />}
    </InlineForm>
  );
}
