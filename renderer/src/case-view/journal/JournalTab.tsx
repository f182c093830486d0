/** « Journal »: every contact with the company, the newest first, and a form to note one in seconds. */
import { getAt } from '../../draft/paths.js';
import { useCaseWorkspace } from '../case-workspace.js';
import { ContactItem } from './ContactItem.js';
import { NewContactForm, type ContactEntry } from './NewContactForm.js';

export function JournalTab() {
  const { caseId, draft, update } = useCaseWorkspace();
  const raw = getAt(draft, 'contacts');
  const contacts = Array.isArray(raw) ? (raw as ContactEntry[]) : [];
  // Newest first on screen; each entry keeps its place in the case (its path) for saving and problems.
  const shown = contacts.map((entry, index) => ({ entry, index })).sort((a, b) => String(b.entry.date ?? '').localeCompare(String(a.entry.date ?? '')) || b.index - a.index);
  return (
    <div className="journal">
      <NewContactForm caseId={caseId} onAdd={(entry) => update('contacts', [...contacts, entry])} />
      <section aria-labelledby="journal-titre">
        <h2 id="journal-titre">{contacts.length === 0 ? 'Journal' : contacts.length === 1 ? 'Journal : 1 contact' : `Journal : ${contacts.length} contacts`}</h2>
        {contacts.length === 0 ? (
          <p className="hint">Aucun contact noté. Chaque appel, chat ou e-mail compte : les lettres les citent, date et nom du conseiller à l’appui.</p>
        ) : (
          <ol className="contact-list">
            {shown.map(({ entry, index }) => (
              <ContactItem key={index} entry={entry} index={index} onRemove={() => update(`contacts[${index}]`, undefined)} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
