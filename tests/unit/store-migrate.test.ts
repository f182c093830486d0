/** Case files from an older Recours are brought to format v1 on load; files from a newer one are refused, in French. */
import { describe, expect, it } from 'vitest';
import { migrateDraft, UnreadableCaseError } from '../../core/node/store/migrate.js';
import { validateCase } from '../../core/common/case/validate.js';
import { loadExample } from '../support/examples.js';

/** The laptop example as the prototype (format 0) wrote it: `journal` for contacts, `resume` for their summary. */
async function v0Laptop(): Promise<Record<string, unknown>> {
  const { contacts, ...rest } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, any>;
  return {
    ...rest,
    format: 'recours/case@0',
    journal: contacts.map(({ summary, ...k }: Record<string, unknown>) => ({ ...k, resume: summary })),
  };
}

describe('migrateDraft', () => {
  it('leaves a v1 case untouched', async () => {
    const c = await loadExample('ordinateur-livre-jamais-recu.json');
    const result = migrateDraft(c, 'case.json');
    expect(result.migratedFrom).toBeNull();
    expect(result.draft).toBe(c);
  });

  it('turns a v0 case into the same v1 case, valid, with every contact kept', async () => {
    const migrated = migrateDraft(await v0Laptop(), 'case.json');
    expect(migrated.migratedFrom).toBe('recours/case@0');
    expect(migrated.draft).toEqual(await loadExample('ordinateur-livre-jamais-recu.json'));
    expect(validateCase(migrated.draft).ok).toBe(true);
  });

  it('keeps what an incomplete v0 draft holds, even fields it does not know', () => {
    const migrated = migrateDraft({ format: 'recours/case@0', journal: [{ date: '2026-10-02', resume: 'Appel', note: 'x' }], brouillon: 1 }, 'case.json');
    expect(migrated.draft).toEqual({ format: 'recours/case@1', contacts: [{ date: '2026-10-02', summary: 'Appel', note: 'x' }], brouillon: 1 });
  });

  it('refuses a case written by a newer Recours, naming the file', () => {
    expect(() => migrateDraft({ format: 'recours/case@7' }, 'case.json')).toThrow(UnreadableCaseError);
    expect(() => migrateDraft({ format: 'recours/case@7' }, 'case.json')).toThrow(
      '« case.json » a été enregistré par une version plus récente de Recours (format « recours/case@7 ») : mettez Recours à jour pour l’ouvrir.',
    );
  });

  it('refuses a file without format, or that is not a case', () => {
    expect(() => migrateDraft({ claimant: {} }, 'case.json')).toThrow('« case.json » : format du dossier (format) absent');
    expect(() => migrateDraft([1, 2], 'case.json')).toThrow('« case.json » ne contient pas un dossier');
    expect(() => migrateDraft({ format: 'autre-chose' }, 'case.json')).toThrow('format du dossier « autre-chose » inconnu');
  });
});
