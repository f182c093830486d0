/**
 * A long case — facts of several thousand words, thirty contacts — paginates without losing a word,
 * and text from the user that looks like markup or template syntax comes out literally, in both formats.
 */
import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../core/common/letter/compose.js';
import type { CaseFile } from '../../core/common/case/schema.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { writeLetterDocx } from '../../core/node/docx/letter-docx.js';
import { extractPdf } from '../support/pdf-text.js';
import { extractDocx } from '../support/docx-text.js';
import { loadExample, readable } from '../support/examples.js';

const VOCABULARY = (
  'colis livraison transporteur commande remboursement conseiller réclamation appel promesse enquête ' +
  'ordinateur vendeur plateforme justificatif attestation gardien immeuble signature photographie ' +
  'responsabilité professionnelle consommateur délai supplémentaire résolution contrat indemnisation ' +
  'conformément régulariser procédure démarche interlocuteur extraordinairement incompréhensible'
).split(' ');

/** Deterministic pseudo-random words, numbered now and then so that order can be checked. */
function longFacts(words: number): string {
  let seed = 42;
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    out.push(i % 50 === 0 ? `repère${i}` : (VOCABULARY[seed % VOCABULARY.length] ?? 'mot'));
    if (i % 120 === 119) out[out.length - 1] += '.\n\n';
  }
  return `${out.join(' ')}.`;
}

/** Words of a text, with line-end hyphenation undone, so the letter's words can be compared to the case's. */
function words(text: string): string[] {
  return readable(text)
    .replace(/(\p{L})-\s*\n\s*(\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function isSubsequence(needle: string[], haystack: string[]): { ok: boolean; missingAt: number } {
  let j = 0;
  for (let i = 0; i < needle.length; i += 1) {
    while (j < haystack.length && haystack[j] !== needle[i]) j += 1;
    if (j === haystack.length) return { ok: false, missingAt: i };
    j += 1;
  }
  return { ok: true, missingAt: -1 };
}

const template = loadTemplateRegistry().get('mise-en-demeure-livraison')!;
const base = await loadExample('ordinateur-livre-jamais-recu.json');

describe('a long case', () => {
  const facts = longFacts(4000);
  const longCase: CaseFile = {
    ...base,
    dispute: { ...base.dispute, facts },
    contacts: Array.from({ length: 30 }, (_, i) => ({
      date: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`,
      channel: 'phone' as const,
      agent: `Conseiller ${i + 1}`,
      reference: `REF-${1000 + i}`,
      summary: `Appel numéro ${i + 1} : il a fallu tout réexpliquer depuis le début.`,
    })),
  };
  const doc = composeLetter(longCase, template, { today: '2026-11-25' });

  it('PDF: many pages, every word of the facts present and in order, every page numbered', async () => {
    const pdf = await extractPdf(await writeLetterPdf(doc));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(6);
    const letterWords = words(pdf.pages.join('\n'));
    const result = isSubsequence(words(facts), letterWords);
    expect(result, `word ${result.missingAt} of the facts is missing`).toEqual({ ok: true, missingAt: -1 });
    for (let i = 0; i < 30; i += 1) expect(readable(pdf.pages.join(' '))).toContain(`REF-${1000 + i}`);
    pdf.pages.forEach((page, i) => expect(readable(page)).toContain(`${i + 1} / ${pdf.pages.length}`));
    // The signature comes last, after the closing formula.
    const last = readable(pdf.pages[pdf.pages.length - 1]!);
    expect(last.indexOf('M. Karim Benali')).toBeGreaterThan(last.indexOf('salutations distinguées'));
  });

  it('DOCX: every word of the facts present and in order', async () => {
    const docx = await extractDocx(await writeLetterDocx(doc));
    const result = isSubsequence(words(facts), words(docx.paragraphs.map((p) => p.text).join('\n')));
    expect(result.ok).toBe(true);
  });
});

describe('user text that looks like syntax', () => {
  const tricky = 'Le vendeur a écrit {{x}} puis <w:p> & "livré" ; **non** | ## fin';
  const c: CaseFile = { ...base, dispute: { ...base.dispute, facts: tricky }, claimant: { ...base.claimant, lastName: 'Benali & <Fils>' } };
  const doc = composeLetter(c, template, { today: '2026-11-25' });
  const expected = ['{{x}} puis <w:p> & « livré » ; **non** | ## fin', 'M. Karim Benali & <Fils>'];

  it('comes out literally in the PDF', async () => {
    const text = readable((await extractPdf(await writeLetterPdf(doc))).pages.join(' ')).replace(/\s+/g, ' ');
    for (const e of expected) expect(text).toContain(e);
  });
  it('comes out literally in the DOCX', async () => {
    const text = readable((await extractDocx(await writeLetterDocx(doc))).text);
    for (const e of expected) expect(text).toContain(e);
  });
});

describe('order numbers', () => {
  it('are never split at their hyphens at the end of a line, in the PDF', async () => {
    const repeated = Array.from({ length: 60 }, (_, i) => `${'x'.repeat(i % 7)} commande 402-7719254-3381946`).join(' ');
    const c: CaseFile = { ...base, dispute: { ...base.dispute, facts: repeated } };
    const pdf = await extractPdf(await writeLetterPdf(composeLetter(c, template, { today: '2026-11-25' })));
    const lines = pdf.pages.join('\n').split('\n');
    expect(lines.filter((l) => /\d-\s*$/.test(l))).toEqual([]);
    expect(pdf.pages.join(' ').match(/402-7719254-3381946/g)?.length).toBeGreaterThanOrEqual(61);
  });
});
