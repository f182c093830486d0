/**
 * Every template × every example case it serves: the PDF (read back by a real PDF parser) and the DOCX
 * (read back from its XML) show what the recipient must read — the parties, the order, the amounts, the dates.
 */
import { describe, expect, it } from 'vitest';
import { composeLetter } from '../../core/common/letter/compose.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { servesDispute } from '../../core/common/templates/metadata.js';
import { formatLongDate } from '../../core/common/format/dates.js';
import { formatAmount } from '../../core/common/format/money.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { writeLetterDocx } from '../../core/node/docx/letter-docx.js';
import { extractPdf } from '../support/pdf-text.js';
import { extractDocx } from '../support/docx-text.js';
import { exampleFiles, loadExample, readable } from '../support/examples.js';

const registry = loadTemplateRegistry();
const TODAY = '2026-11-25';

const cases = await Promise.all(exampleFiles.map(async (file) => ({ file, case: await loadExample(file) })));
const pairs = registry.templates.flatMap((template) =>
  cases
    .filter((c) => servesDispute(template.meta, c.case.dispute.type) && missingFacts(c.case, template.meta).length === 0)
    .map((c) => ({ name: `${template.meta.id} × ${c.file}`, template, example: c })),
);

describe('the template catalogue', () => {
  it('loads every template without error', () => {
    expect(registry.errors.map((e) => e.message)).toEqual([]);
    expect(registry.templates.map((t) => t.meta.id).sort()).toEqual([
      'abonnement-prime',
      'contestation-bancaire',
      'demande-conciliateur',
      'demande-reexamen',
      'demande-rgpd-acces',
      'demande-rgpd-effacement',
      'incident-securite-compte',
      'mise-en-demeure-abonnement',
      'mise-en-demeure-conformite',
      'mise-en-demeure-livraison',
      'mise-en-demeure-remboursement',
      'mise-en-demeure-vices-caches',
      'notification-dsa',
      'petits-litiges-europeens',
      'plainte-cnil',
      'plainte-ddpp',
      'reclamation-cec-france',
      'reclamation-contrefacon',
      'reclamation-garantie-a-z',
      'reclamation-service-client',
      'recouvrement-petites-creances',
      'reexamen-refus-banque',
      'requete-injonction-payer',
      'requete-tribunal',
      'saisine-mediateur',
      'saisine-mediateur-bancaire',
      'signalconso',
      'signalement-douane',
      'vendeur-marketplace',
    ]);
  });
  it('applies each template to at least one example', () => {
    for (const t of registry.templates) expect(pairs.some((p) => p.template === t), t.meta.id).toBe(true);
  });
  it('cites only the articles in force (no old L216-2 / L216-3, no 30/60-day thresholds, no EU ODR platform) and nothing unconfirmed', () => {
    for (const { template, example } of pairs) {
      const doc = composeLetter(example.case, template, { today: TODAY });
      const text = JSON.stringify(doc);
      // The 30–60-day tier of L242-4 (withdrawal refunds) is current law; the former L216-3 scale (« trente jours
      // au-delà de ce terme, de 20 % jusqu'à soixante jours ») is not.
      expect(text).not.toMatch(/L\.?\s?216-2|L\.?\s?216-3|L\.?\s?211-\d|trente jours au-delà|jusqu.à soixante jours|60 jours|plateforme (européenne )?de (règlement|RLL)|ec\.europa\.eu\/consumers\/odr/i);
      // Unconfirmed in the fact sheet: the 70 / 120-day rule, the current number of CPC art. 750-1, Amazon's mediator.
      expect(text).not.toMatch(/70 jours|120 jours|750-1|FEVAD/i);
    }
  });
});

describe.each(pairs)('$name', ({ template, example }) => {
  const c = example.case;
  const doc = composeLetter(c, template, { today: TODAY });
  const expected = [
    `${c.claimant.firstName} ${c.claimant.lastName}`,
    // The professional is named when the letter goes to it; a letter to the seller, the bank, the mediator… names its recipient.
    template.meta.recipient === 'respondent' ? c.respondent.name : readable(doc.recipient[0] ?? ''),
    ...(c.order?.number ? [c.order.number] : []),
    ...(c.order ? [readable(formatAmount(c.order.total)), readable(formatLongDate(c.order.date))] : []),
    readable(formatLongDate(c.letter?.date ?? TODAY)),
    readable(doc.subject),
    ...(c.contacts ?? []).map((k) => readable(formatLongDate(k.date))),
  ];

  it('PDF: a reader finds the parties, the order, the amounts and the dates; fonts are embedded', async () => {
    const pdf = await extractPdf(await writeLetterPdf(doc));
    const text = readable(pdf.pages.join('\n')).replace(/\n/g, ' ');
    for (const fact of expected) expect(text).toContain(fact);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    expect(pdf.fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(pdf.info.Title).toBe(doc.meta.title);
    expect(pdf.info.Author).toBe(doc.meta.author);
    pdf.pages.forEach((page, i) => expect(readable(page)).toContain(`${i + 1} / ${pdf.pages.length}`));
  });

  it('DOCX: the same facts are in the paragraphs; the font is embedded', async () => {
    const docx = await extractDocx(await writeLetterDocx(doc));
    const text = readable(docx.paragraphs.map((p) => p.text).join('\n')).replace(/\n/g, ' ');
    for (const fact of expected) expect(text).toContain(fact);
    expect(docx.fontsEmbedded.length).toBeGreaterThan(0);
    expect(docx.coreProperties.title).toBe(doc.meta.title);
  });
});
