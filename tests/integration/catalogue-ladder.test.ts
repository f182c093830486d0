/**
 * The catalogue and the ladder agree: every template has its rung and response period, every template says where
 * its law comes from and when it was checked, and a text meant for an online form fits the form.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueOptions, computeDeadlines, TEMPLATE_STEPS } from '../../core/common/deadlines/index.js';
import { addDays } from '../../core/common/format/dates.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import { formText, letterWarnings } from '../../core/common/letter/form-text.js';
import { defaultTemplatesDir, loadTemplateRegistry } from '../../core/node/template-registry.js';
import { amazonLaptopCase } from '../support/cases.js';
import { exampleFiles, loadExample } from '../support/examples.js';

const registry = loadTemplateRegistry();
const TODAY = '2026-11-25';

describe('the ladder knows every template', () => {
  // The response period is no longer restated by the ladder: each letter's answer is awaited for its header's period.
  it('has one step per template, and awaits the answer for the period of the template’s header', () => {
    expect(Object.keys(TEMPLATE_STEPS).sort()).toEqual(registry.templates.map((t) => t.meta.id).sort());
    const catalogue = catalogueOptions((id) => registry.get(id)?.meta);
    const sent = '2026-11-02';
    for (const t of registry.templates) {
      const c = { ...amazonLaptopCase(), sendings: [{ template: t.meta.id, date: sent, received: sent }] };
      const due = computeDeadlines(c, TODAY, catalogue).find((d) => d.id === 'response-due');
      // The bank's and the GDPR answers are due by law, not by the letter (their own deadlines).
      if (['contestation-bancaire', 'demande-rgpd-acces', 'demande-rgpd-effacement'].includes(t.meta.id)) expect(due, t.meta.id).toBeUndefined();
      else expect(due?.date, t.meta.id).toBe(addDays(sent, t.meta.responseDays));
    }
  });
});

describe('every template records its sources', () => {
  it.each(registry.templates.map((t) => [t.meta.id, t] as const))('%s: checked date, sources with addresses, a source note above its legal paragraphs', (id, t) => {
    expect(t.meta.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.meta.sources.length).toBeGreaterThan(0);
    for (const s of t.meta.sources) expect(s.url, s.ref).toMatch(/^https?:\/\//);
    const file = readFileSync(join(defaultTemplatesDir(), `${id}.hbs`), 'utf8');
    const body = file.slice(file.indexOf('\n---\n') + 5);
    // Each paragraph that cites an article is preceded by a « Source » comment.
    const paragraphs = body.split(/\n\s*\n/);
    for (const p of paragraphs) {
      const cites = /\barticles? (L|R|D)?\d|\(article|art\. L\d/.test(p.replace(/\{\{!--[\s\S]*?--\}\}/g, ''));
      if (cites) expect(p, `${id} : ${p.slice(0, 120)}`).toMatch(/\{\{!-- Sources? :/);
    }
  });
  it('a text filed on a website has no sending mode to recommend', () => {
    for (const t of registry.templates) {
      if (typeof t.meta.recipient === 'object' && t.meta.recipient.online) expect(t.meta.recommendedSending, t.meta.id).toBeUndefined();
    }
  });
});

describe('SignalConso: the description fits the form (5 000 characters)', () => {
  const signalconso = registry.get('signalconso')!;
  it('declares the limit of the form', () => {
    expect(signalconso.meta.maxLength).toBe(5000);
  });
  it.each(exampleFiles)('%s: the text to paste is within the limit, and no warning is given', async (file) => {
    const doc = composeLetter(await loadExample(file), signalconso, { today: TODAY });
    expect(formText(doc).length).toBeLessThanOrEqual(5000);
    expect(letterWarnings(doc, signalconso.meta)).toEqual([]);
  });
  it('warns, in French and naming the field, when the facts make the text too long', async () => {
    const c = await loadExample('ordinateur-livre-jamais-recu.json');
    c.dispute.facts = `${'Le colis n’est jamais arrivé malgré mes nombreuses relances auprès du service client. '.repeat(60)}`;
    const doc = composeLetter(c, signalconso, { today: TODAY });
    const length = formText(doc).length;
    expect(length).toBeGreaterThan(5000);
    const [warning] = letterWarnings(doc, signalconso.meta);
    expect(warning?.replace(/\u202f/g, ' ')).toBe(
      `« Texte du signalement SignalConso (DGCCRF) » : le texte compte ${String(length).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} caractères, au-delà des 5 000 acceptés par le formulaire ; raccourcissez le récit des faits (dispute.facts) de ${String(length - 5000).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} caractères au moins.`,
    );
  });
  it('counts what the user pastes: salutation, every paragraph and list item, closing', async () => {
    const doc = composeLetter(await loadExample('televiseur-non-conforme.json'), signalconso, { today: TODAY });
    const text = formText(doc);
    expect(text.startsWith('Madame, Monsieur,\n\nJe signale un litige avec Électro Discount France SAS')).toBe(true);
    expect(text.endsWith('Je vous remercie de l’attention portée à ce signalement.')).toBe(true);
  });
});
