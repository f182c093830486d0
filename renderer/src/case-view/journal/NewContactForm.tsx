/**
 * Adding a contact while on the phone: the channel and today's date are already set, the cursor waits in
 * « Ce qui a été dit », Ctrl+Entrée adds it, and the form is ready for the next one.
 */
import { useId, useRef, useState } from 'react';
import { useKeptState } from '../../draft/kept-text.js';
import { DateField, SelectField, TextAreaField, TextField } from '../../common/fields.js';
import { FieldsProvider } from '../../common/fields-context.js';
import { todayIso } from '../../common/format.js';
import { setAt } from '../../draft/paths.js';
import type { Problem } from '../../draft/problems.js';
import { CHANNEL_OPTIONS } from '../options.js';

export type ContactEntry = Record<string, unknown>;

function blank(previous?: ContactEntry): ContactEntry {
  return { date: previous?.date ?? todayIso(), channel: previous?.channel ?? 'phone', ...(previous?.with ? { with: previous.with } : {}) };
}

/** Something the user typed (not only the preset date and channel): kept across tab switches and reloads. */
const typed = (entry: ContactEntry) => ['agent', 'reference', 'summary', 'promise'].some((k) => typeof entry[k] === 'string' && entry[k].trim() !== '');

function problemsOf(entry: ContactEntry): Problem[] {
  const problems: Problem[] = [];
  if (typeof entry.date !== 'string') problems.push({ path: 'date', message: 'Date du contact (date) : indiquez le jour du contact' });
  if (typeof entry.summary !== 'string' || entry.summary.trim() === '')
    problems.push({ path: 'summary', message: 'Ce qui a été dit (summary) : résumez l’échange en une phrase ou deux' });
  return problems;
}

export function NewContactForm({ caseId, onAdd }: { caseId: string; onAdd: (entry: ContactEntry) => void }) {
  const [entry, setEntry] = useKeptState<ContactEntry>(`${caseId}:nouveau-contact`, () => blank(), typed);
  const [tried, setTried] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const problems = tried ? problemsOf(entry) : [];

  const add = () => {
    setTried(true);
    const found = problemsOf(entry);
    if (found.length > 0) {
      formRef.current?.querySelector<HTMLElement>(`[data-field-path="contacts[new].${found[0]?.path}"]`)?.focus();
      return;
    }
    onAdd(entry);
    setEntry(blank(entry));
    setTried(false);
    setAnnouncement(`Contact du ${String(entry.date).split('-').reverse().join('/')} ajouté au journal.`);
    formRef.current?.querySelector<HTMLElement>('[data-field-path="contacts[new].summary"]')?.focus();
  };

  return (
    <form
      ref={formRef}
      className="new-contact"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          add();
        }
      }}
    >
      <h2 id={titleId}>Noter un contact</h2>
      <FieldsProvider value={entry} problems={problems} onChange={(path, value) => setEntry((c) => setAt(c, path, value))} idPrefix="nouveau-" pathPrefix="contacts[new].">
        <div className="field-grid">
          <SelectField path="channel" label="Canal" options={CHANNEL_OPTIONS} required />
          <DateField path="date" label="Date" required />
          <TextField path="with" label="Avec qui" placeholder="service client Amazon" />
          <TextField path="agent" label="Nom du conseiller" />
          <TextField path="reference" label="Référence donnée" hint="Numéro de dossier, de ticket…" />
          <TextAreaField path="summary" label="Ce qui a été dit" required rows={3} className="field-wide" hint="Ctrl + Entrée pour ajouter" />
          <TextAreaField path="promise" label="Ce qui a été promis" rows={2} className="field-wide" />
        </div>
      </FieldsProvider>
      <p className="button-row">
        <button type="submit" className="button-primary">
          Ajouter au journal
        </button>
      </p>
      <p className="announcement" role="status">
        {announcement}
      </p>
    </form>
  );
}
