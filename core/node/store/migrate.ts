/**
 * Case files written by an older Recours are brought up to the current format when they are loaded; files from a
 * newer Recours are refused (never rewritten: that version may know fields this one would drop).
 *
 * Each step turns format N into N+1 and keeps every field it does not know: a draft may be incomplete or hold a
 * typo, and migrating must never lose what the user typed.
 */
import { CASE_FORMAT } from '../../common/case/schema.js';

export type Draft = Record<string, unknown>;

interface Migration {
  from: string;
  to: string;
  migrate(data: Draft): Draft;
}

/**
 * Format 0 (the prototype's) called the contacts journal `journal` and a contact's summary `resume`.
 * Kept as the model of a migration step; add the next one after it.
 */
const v0ToV1: Migration = {
  from: 'recours/case@0',
  to: 'recours/case@1',
  migrate(data) {
    const { journal, ...rest } = data;
    const out: Draft = { ...rest, format: 'recours/case@1' };
    if (journal !== undefined) {
      out.contacts = Array.isArray(journal)
        ? journal.map((entry: unknown) => {
            if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
            const { resume, ...other } = entry as Draft;
            return resume === undefined || 'summary' in other ? entry : { ...other, summary: resume };
          })
        : journal;
    }
    return out;
  },
};

export const MIGRATIONS: readonly Migration[] = [v0ToV1];

export class UnreadableCaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableCaseError';
  }
}

function versionOf(format: string): number | null {
  const m = /^recours\/case@(\d+)$/.exec(format);
  return m ? Number(m[1]) : null;
}

const CURRENT_VERSION = versionOf(CASE_FORMAT) ?? 1;

/**
 * The draft in the current format, and the format it was written in when it had to be migrated.
 * Throws UnreadableCaseError (French, naming `fileName`) when it cannot be brought to the current format.
 */
export function migrateDraft(data: unknown, fileName: string): { draft: Draft; migratedFrom: string | null } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new UnreadableCaseError(`« ${fileName} » ne contient pas un dossier (objet JSON { … } attendu).`);
  }
  let draft = data as Draft;
  const format = draft.format;
  if (typeof format !== 'string') {
    throw new UnreadableCaseError(`« ${fileName} » : format du dossier (format) absent ; attendu « ${CASE_FORMAT} ».`);
  }
  if (format === CASE_FORMAT) return { draft, migratedFrom: null };
  const version = versionOf(format);
  if (version !== null && version > CURRENT_VERSION) {
    throw new UnreadableCaseError(
      `« ${fileName} » a été enregistré par une version plus récente de Recours (format « ${format} ») : mettez Recours à jour pour l’ouvrir.`,
    );
  }
  let current = format;
  for (let step = MIGRATIONS.find((m) => m.from === current); step; step = MIGRATIONS.find((m) => m.from === current)) {
    draft = step.migrate(draft);
    current = step.to;
  }
  if (current !== CASE_FORMAT) {
    throw new UnreadableCaseError(`« ${fileName} » : format du dossier « ${format} » inconnu ; attendu « ${CASE_FORMAT} ».`);
  }
  return { draft, migratedFrom: format };
}
