/** One journal entry: read at a glance, edited in place (auto-saved), removed after confirmation. */
import { useState } from 'react';
import { ConfirmButton } from '../../common/ConfirmButton.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../common/fields.js';
import { FieldsProvider } from '../../common/fields-context.js';
import { longDate } from '../../common/format.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { CHANNEL_OPTIONS, optionLabel } from '../options.js';
import type { ContactEntry } from './NewContactForm.js';

export function ContactItem({ entry, index, onRemove }: { entry: ContactEntry; index: number; onRemove: () => void }) {
  const { draft, problems, update } = useCaseWorkspace();
  const base = `contacts[${index}]`;
  const own = problems.filter((p) => p.path === base || p.path.startsWith(`${base}.`));
  const [editing, setEditing] = useState(false);
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const who = [entry.with ? `avec ${text(entry.with)}` : '', entry.agent ? `(${text(entry.agent)})` : ''].filter(Boolean).join(' ');
  const heading = [longDate(text(entry.date)), optionLabel(CHANNEL_OPTIONS, entry.channel), who].filter(Boolean).join(' · ');

  // An entry with a problem opens itself, so that the problem is next to its field.
  if (editing || own.length > 0) {
    return (
      <li className="contact contact-editing">
        <FieldsProvider value={draft} problems={problems} onChange={update}>
          <fieldset>
            <legend>Contact du {longDate(text(entry.date)) || '…'}</legend>
            <div className="field-grid">
              <SelectField path={`${base}.channel`} label="Canal" options={CHANNEL_OPTIONS} required />
              <DateField path={`${base}.date`} label="Date" required />
              <TextField path={`${base}.with`} label="Avec qui" />
              <TextField path={`${base}.agent`} label="Nom du conseiller" />
              <TextField path={`${base}.reference`} label="Référence donnée" />
              <TextAreaField path={`${base}.summary`} label="Ce qui a été dit" required rows={3} className="field-wide" />
              <TextAreaField path={`${base}.promise`} label="Ce qui a été promis" rows={2} className="field-wide" />
            </div>
          </fieldset>
        </FieldsProvider>
        <p className="button-row">
          <button type="button" className="button-secondary" onClick={() => setEditing(false)} disabled={own.length > 0}>
            Terminé
          </button>
          <ConfirmButton label="Supprimer" ariaLabel={`Supprimer le contact du ${longDate(text(entry.date))}`} question="Supprimer ce contact du journal ?" confirmLabel="Supprimer" onConfirm={onRemove} />
        </p>
      </li>
    );
  }
  return (
    <li className="contact">
      <h3 className="contact-heading">{heading}</h3>
      {entry.reference ? <p className="hint">Référence : {text(entry.reference)}</p> : null}
      <p className="contact-summary">{text(entry.summary)}</p>
      {entry.promise ? (
        <p className="contact-promise">
          <strong>Promis :</strong> {text(entry.promise)}
        </p>
      ) : null}
      <p className="button-row">
        <button type="button" className="button-quiet" onClick={() => setEditing(true)} aria-label={`Modifier le contact du ${longDate(text(entry.date))}`}>
          Modifier
        </button>
        <ConfirmButton label="Supprimer" ariaLabel={`Supprimer le contact du ${longDate(text(entry.date))}`} question="Supprimer ce contact du journal ?" confirmLabel="Supprimer" onConfirm={onRemove} />
      </p>
    </li>
  );
}
