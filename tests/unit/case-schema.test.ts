import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCase } from '../../core/common/case/validate.js';
import { REFERENCE_CASE } from '../../core/common/templates/reference-case.js';

const examplesDir = join(import.meta.dirname, '../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

function withChange(change: (c: Record<string, any>) => void): unknown {
  const copy = structuredClone(REFERENCE_CASE) as Record<string, any>;
  change(copy);
  return copy;
}

function problemsOf(data: unknown) {
  const result = validateCase(data);
  return result.ok ? [] : result.problems;
}

describe('case file format v1', () => {
  it.each(examples)('accepts the example %s', (file) => {
    const result = validateCase(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('accepts the fully filled reference case', () => {
    expect(problemsOf(REFERENCE_CASE)).toEqual([]);
  });

  it('names a missing required field in French with its path', () => {
    const problems = problemsOf(withChange((c) => delete c.claimant.lastName));
    expect(problems).toEqual([{ path: 'claimant.lastName', message: 'Nom (claimant.lastName) : champ obligatoire manquant' }]);
  });

  it('refuses a date that does not exist', () => {
    const problems = problemsOf(withChange((c) => (c.order.date = '2026-02-30')));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('order.date');
    expect(problems[0]?.message).toBe(
      'Date de commande (order.date) : « 2026-02-30 » n’est pas une date réelle (format attendu AAAA-MM-JJ, par exemple 2026-11-25)',
    );
  });

  it('refuses a date in French order', () => {
    const problems = problemsOf(withChange((c) => (c.contacts[0].date = '07/10/2026')));
    expect(problems[0]?.path).toBe('contacts[0].date');
    expect(problems[0]?.message).toContain('Date du contact (contacts[0].date)');
  });

  it('refuses an amount written as text and says how to write it', () => {
    const problems = problemsOf(withChange((c) => (c.order.items[0].unitPrice = '849,99 €')));
    expect(problems).toEqual([
      {
        path: 'order.items[0].unitPrice',
        message: 'Prix unitaire (order.items[0].unitPrice) : « 849,99 € » doit être un nombre (par exemple 1299.90, sans symbole €)',
      },
    ]);
  });

  it('refuses negative amounts and fractions of a cent', () => {
    expect(problemsOf(withChange((c) => (c.order.total = -5)))[0]?.message).toBe(
      'Montant total de la commande (order.total) : doit être positif ou nul',
    );
    expect(problemsOf(withChange((c) => (c.order.total = 10.005)))[0]?.message).toContain('au plus deux décimales');
  });

  it('checks the Amazon order number format', () => {
    const problems = problemsOf(withChange((c) => (c.order.number = '402-123-456')));
    expect(problems).toEqual([
      {
        path: 'order.number',
        message:
          'Numéro de commande (order.number) : « 402-123-456 » n’est pas un numéro de commande Amazon (attendu : 3, 7 et 7 chiffres, par exemple 402-1234567-8901234)',
      },
    ]);
  });

  it('checks the Amazon order number as soon as it is typed, before the rest of the order', () => {
    const problems = problemsOf(withChange((c) => (c.order = { platform: 'Amazon', number: '12' })));
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['order.date', 'order.number']));
  });

  it('accepts any order number for other platforms', () => {
    expect(problemsOf(withChange((c) => ((c.order.platform = 'Fnac'), (c.order.number = 'F-2026-001'))))).toEqual([]);
  });

  it('lists the allowed values of an unknown code', () => {
    const problems = problemsOf(withChange((c) => (c.dispute.type = 'lost')));
    expect(problems[0]?.path).toBe('dispute.type');
    expect(problems[0]?.message).toMatch(/^Type de litige \(dispute\.type\) : valeur « lost » inconnue ; valeurs possibles : non-delivery, late-delivery/);
  });

  it('reports a misspelt field instead of ignoring it', () => {
    const problems = problemsOf(withChange((c) => ((c.claimant.firstname = 'Camille'), delete c.claimant.firstName)));
    expect(problems.map((p) => p.message)).toEqual([
      'Prénom (claimant.firstName) : champ obligatoire manquant',
      'Vos coordonnées (claimant) : champ inconnu « firstname » (faute de frappe ?)',
    ]);
  });

  it('refuses an unknown format version', () => {
    expect(problemsOf(withChange((c) => (c.format = 'recours/case@9')))[0]?.message).toBe(
      'Format du dossier (format) : format de dossier non reconnu « recours/case@9 » : attendu « recours/case@1 »',
    );
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      withChange((c) => {
        c.claimant.email = 'pas-une-adresse';
        c.order.items = [];
        c.dispute.facts = '   ';
        c.letter.sending = 'pigeon';
      }),
    );
    expect(problems.map((p) => p.path).sort()).toEqual(['claimant.email', 'dispute.facts', 'letter.sending', 'order.items']);
    expect(problems.find((p) => p.path === 'dispute.facts')?.message).toBe('Récit des faits (dispute.facts) : ne doit pas être vide');
    expect(problems.find((p) => p.path === 'claimant.email')?.message).toContain('n’est pas une adresse e-mail valide');
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf([1, 2])).toEqual([{ path: '', message: 'Le dossier doit être un objet JSON { … }.' }]);
  });
});

describe('parsing without and with zod’s compiled parsers', () => {
  // A schema's first parses in a process are interpreted, later ones compiled (parse-context.ts): both must agree.
  it('gives the same value and the same problems on every parse', () => {
    const broken = { ...structuredClone(REFERENCE_CASE), order: { ...REFERENCE_CASE.order, date: '2026-02-30', total: -1 } };
    const runs = Array.from({ length: 6 }, () => [validateCase(structuredClone(REFERENCE_CASE)), validateCase(structuredClone(broken))]);
    for (const [valid, invalid] of runs) {
      expect(valid).toEqual(runs[0]?.[0]);
      expect(invalid).toEqual(runs[0]?.[1]);
    }
    expect(runs[0]?.[0]?.ok).toBe(true);
    expect(runs[0]?.[1]?.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['order.date', 'order.total']));
  });
});
