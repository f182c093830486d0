/**
 * A small form opened in place of a button (the sending of a letter, its date of receipt): its fields, the error
 * of the last attempt, « Enregistrer… » and « Annuler ». The fields are the caller's; the form keeps what every
 * such form must do alike: one attempt at a time, nothing sent while a field is wrong, a failure said in French.
 */
import { useId, useState, type ReactNode } from 'react';
import { userMessage } from '../api/errors.js';
import { FieldsProvider } from './fields-context.js';
import type { Problem } from '../draft/problems.js';

interface Props {
  /** The accessible name of the form. */
  label: string;
  /** The values the fields show, their problems, and how a field's change is kept. */
  value: Record<string, unknown>;
  problems: readonly Problem[];
  onChange: (path: string, value: unknown) => void;
  /** False while something required is still empty: the button stays disabled. */
  complete?: boolean;
  submitLabel: string;
  /** What is being done, for the failure message (« l’enregistrement de l’envoi »). */
  doing: string;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}

export function InlineForm({ label, value, problems, onChange, complete = true, submitLabel, doing, onSubmit, onCancel, children }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const ready = complete && problems.length === 0;
  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (e) {
      setError(userMessage(e, doing));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="mark-sent"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FieldsProvider value={value} problems={problems} onChange={onChange} idPrefix={`${formId}-`}>
        <div className="field-grid">{children}</div>
      </FieldsProvider>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <p className="button-row">
        <button type="submit" className="button-primary" disabled={busy || !ready}>
          {submitLabel}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Annuler
        </button>
      </p>
    </form>
  );
}
