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
    expect(registry.templates.map((t) => t.meta.id).sort()).toEqual(['mise-en-demeure-livraison', 'reclamation-service-client']);
  });
  it('applies each template to at least one example', () => {
    for (const t of registry.templates) expect(pairs.some((p) => p.template === t), t.meta.id).toBe(true);
  });
  it('cites only the articles in force (no old L216-2 / L216-3, no 30/60-day thresholds, no EU ODR platform)', () => {
    for (const { template, example } of pairs) {
      const doc = composeLetter(example.case, template, { today: TODAY });
      const text = JSON.stringify(doc);
      expect(text).not.toMatch(/L\.?\s?216-2|L\.?\s?216-3|L\.?\s?211-\d|soixante jours|60 jours|plateforme (européenne )?de (règlement|RLL)|ec\.europa\.eu\/consumers\/odr/i);
    }
  });
});

describe.each(pairs)('$name', ({ template, example }) => {
  const c = example.case;
  const doc = composeLetter(c, template, { today: TODAY });
  const expected = [
    `${c.claimant.firstName} ${c.claimant.lastName}`,
    c.respondent.name,
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
