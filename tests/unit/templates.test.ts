import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../core/common/templates/compile.js';
import { parseTemplateSource } from '../../core/common/templates/template-source.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { REFERENCE_CASE } from '../../core/common/templates/reference-case.js';
import { TemplateError } from '../../core/common/templates/template-error.js';
import type { Block, Run } from '../../core/common/document/model.js';

function templateFile(body: string, header: Record<string, string> = {}): string {
  const fields = {
    id: 'essai',
    title: 'Lettre d’essai',
    kind: 'complaint',
    disputes: 'all',
    description: 'Pour les tests.',
    responseDays: '15',
    subject: '"Essai — {{dispute.typeLabel}}"',
    closing: '"Salutations."',
    checked: '2026-11-25',
    ...header,
  };
  const yaml = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n');
  return `---\n${yaml}\nsources:\n  - ref: C. conso, art. L612-1\n    url: https://example.org/l612-1\n---\n${body}`;
}

function compile(body: string, header?: Record<string, string>) {
  return compileTemplate(parseTemplateSource('essai', templateFile(body, header)));
}

function caught(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

/** What a reader sees, with no-break spaces shown as plain spaces (they are checked in format.test.ts). */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const text = (runs: Run[]) => plain(runs.map((r) => r.text).join(''));
const blockText = (b: Block): string =>
  b.type === 'list' ? b.items.map(text).join(' / ') : b.type === 'table' ? b.rows.map((r) => r.map(text).join(' | ')).join(' / ') : text(b.runs);

describe('template errors name the template, the line and the column', () => {
  it('an unknown field, found before rendering', () => {
    const error = caught(() => compile('Bonjour,\n\nVotre commande {{order.numero}} est en retard.'));
    expect(error.message).toBe('Modèle « essai », ligne 17, colonne 18 : champ inconnu « order.numero »');
    expect(error.line).toBe(17);
  });
  it('a field unknown inside an #each loop', () => {
    const error = caught(() => compile('{{#each contacts}}\n- {{date date}} {{agnet}}\n{{/each}}'));
    expect(error.message).toBe('Modèle « essai », ligne 16, colonne 19 : champ inconnu « agnet »');
  });
  it('a syntax error', () => {
    const error = caught(() => compile('Texte\n{{#if order}}\nSans fin'));
    expect(error.message).toMatch(/^Modèle « essai », ligne \d+ : syntaxe Handlebars incorrecte/);
  });
  it('an unknown helper', () => {
    const error = caught(() => compile('{{formatDate order.date}}'));
    expect(error.message).toMatch(/^Modèle « essai », ligne 15, colonne 3 : fonction inconnue « formatDate »/);
  });
  it('an error in the subject names the header field', () => {
    const error = caught(() => compile('Corps', { subject: '"Objet {{order.nombre}}"' }));
    expect(error.message).toBe('Modèle « essai » (champ « subject » de l’en-tête), ligne 1, colonne 9 : champ inconnu « order.nombre »');
  });
  it('a missing metadata field', () => {
    const error = caught(() => parseTemplateSource('essai', templateFile('x').replace(/kind: complaint\n/, '')));
    expect(error.message).toContain('métadonnées invalides : « kind »');
  });
  it('an id that is not the file name', () => {
    const error = caught(() => parseTemplateSource('autre', templateFile('x')));
    expect(error.message).toBe('Modèle « autre », ligne 1 : l’identifiant « essai » doit être le nom du fichier (« autre »)');
  });
  it('a field used without being filled, at render time', () => {
    const t = compile('{{order.seller.name}}');
    const c = structuredClone(REFERENCE_CASE);
    delete c.order!.seller;
    expect(() => composeLetter(c, t, { today: '2026-11-25' })).toThrow(/Modèle « essai ».*« name » n’existe pas ou n’est pas renseigné/);
  });
});

describe('rendering', () => {
  it('uses the French helpers', () => {
    const t = compile(
      'Le {{date order.date}}, {{montant order.total}}, {{jours 14}}, {{date (plusJours order.date 30)}}, {{date (plusMois "2026-01-31" 1)}} {{piece "facture"}}.',
    );
    const doc = composeLetter(REFERENCE_CASE, t, { today: '2026-11-25' });
    expect(blockText(doc.body[0]!)).toBe('Le 1er octobre 2026, 10,00 €, 14 jours, 31 octobre 2026, 28 février 2026 (pièce n° 1).');
  });
  it('turns the markup into blocks', () => {
    const t = compile('## Titre\n\nUn **gras** et un *italique*.\n\n- un\n- deux\n\n1. premier\n2. second\n\n| Date | Résumé |\n|---|------|\n| a | b |');
    const doc = composeLetter(REFERENCE_CASE, t, { today: '2026-11-25' });
    expect(doc.body.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'table']);
    expect(doc.body[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Un ' }, { text: 'gras', bold: true }, { text: ' et un ' }, { text: 'italique', italic: true }, { text: '.' }],
    });
    expect(doc.body[4]).toMatchObject({ type: 'table', widths: [3, 6] });
  });
  it('keeps user text that looks like template syntax or markup literal', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.dispute.facts = 'Le code {{x}} et <w:p> & "guillemets" ; **pas gras** | pas un tableau\n- pas une liste\n## pas un titre';
    const t = compile('{{dispute.facts}}\n\n{{paragraphes dispute.facts}}');
    const doc = composeLetter(c, t, { today: '2026-11-25' });
    expect(doc.body.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
    expect(blockText(doc.body[0]!)).toBe(
      'Le code {{x}} et <w:p> & « guillemets » ; **pas gras** | pas un tableau - pas une liste ## pas un titre',
    );
  });
  it('keeps the user’s blank lines as paragraphs with {{paragraphes}}', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.dispute.facts = 'Premier paragraphe.\n\nSecond paragraphe,\nsur deux lignes.';
    const doc = composeLetter(c, compile('{{paragraphes dispute.facts}}'), { today: '2026-11-25' });
    expect(doc.body.map(blockText)).toEqual(['Premier paragraphe.', 'Second paragraphe, sur deux lignes.']);
  });
  it('sorts the contacts journal by date for the chronology', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.contacts = [
      { date: '2026-10-20', channel: 'phone', summary: 'deuxième' },
      { date: '2026-10-02', channel: 'chat', summary: 'premier' },
    ];
    const doc = composeLetter(c, compile('{{#each contacts}}\n- {{date date}} {{channelLabel}} : {{summary}}\n{{/each}}'), { today: '2026-11-25' });
    expect(blockText(doc.body[0]!)).toBe(
      '2 octobre 2026 par messagerie instantanée (chat) : premier / ' +
        '12 octobre 2026 par courrier : envoi de la réclamation écrite par lettre recommandée avec accusé de réception (n° 1A00000000001) / ' +
        '20 octobre 2026 par téléphone : deuxième',
    );
  });
  it('counts the contacts and the letters sent in words: « à une reprise », « à quatre reprises »', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.contacts = [{ date: '2026-10-02', channel: 'chat', summary: 'premier' }];
    delete c.sendings;
    const once = composeLetter(c, compile('Contacté {{reprises contacts.length}}.'), { today: '2026-11-25' });
    expect(blockText(once.body[0]!)).toBe('Contacté à une reprise.');
    c.contacts.push({ date: '2026-10-05', channel: 'phone', summary: 'b' }, { date: '2026-10-07', channel: 'phone', summary: 'c' });
    c.sendings = [{ template: 'reclamation-service-client', date: '2026-10-12', mode: 'lrar', registeredNumber: '1A1' }];
    const four = composeLetter(c, compile('Contacté {{reprises contacts.length}}.'), { today: '2026-11-25' });
    expect(blockText(four.body[0]!)).toBe('Contacté à quatre reprises.');
  });
  it('never prints a registered-mail number as « Votre référence », even from a contact an older version added', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.contacts = [
      { date: '2026-10-02', channel: 'chat', with: 'service client Amazon', reference: 'CS-1', summary: 'a' },
      { date: '2026-10-12', channel: 'letter', with: 'Amazon EU', reference: '1A 111 222 333 4', summary: 'Envoi', template: 'reclamation-service-client' },
    ];
    const doc = composeLetter(c, compile('x'), { today: '2026-11-25' });
    expect(doc.references.find(([label]) => label === 'Votre référence')).toEqual(['Votre référence', 'CS-1']);
    expect(doc.references.flat().join(' ')).not.toContain('1A 111');
  });
  it('quotes as « Votre référence » only a reference the recipient gave', () => {
    const c = structuredClone(REFERENCE_CASE);
    c.contacts = [
      { date: '2026-10-02', channel: 'chat', with: 'service client Amazon', reference: 'CS-1', summary: 'a' },
      { date: '2026-10-05', channel: 'phone', with: 'Geodis', reference: 'GD-9', summary: 'b' },
    ];
    const doc = composeLetter(c, compile('x'), { today: '2026-11-25' });
    expect(doc.references.find(([label]) => label === 'Votre référence')).toEqual(['Votre référence', 'CS-1']);
  });
  it('dates the letter today when the case gives no date', () => {
    const c = structuredClone(REFERENCE_CASE);
    delete c.letter!.date;
    const doc = composeLetter(c, compile('x'), { today: '2026-12-01' });
    expect(plain(doc.placeDate)).toBe('Lyon, le 1er décembre 2026');
  });
});

describe('facts a template requires', () => {
  it('are all reported at once, in French, before rendering', () => {
    const c = structuredClone(REFERENCE_CASE);
    delete c.order!.number;
    delete c.letter!.registeredNumber;
    const problems = missingFacts(c, { title: 'Mise en demeure', requires: ['order.number', 'order.date', 'letter.registeredNumber'] });
    expect(problems).toEqual([
      { path: 'order.number', message: 'Numéro de commande (order.number) : nécessaire pour « Mise en demeure »' },
      { path: 'letter.registeredNumber', message: 'Numéro de recommandé (letter.registeredNumber) : nécessaire pour « Mise en demeure »' },
    ]);
  });
});
