/**
 * Long-word benchmark (run by `npm run bench`): a letter whose facts are one unbroken word (a pasted link or
 * blob) against a letter whose facts are ordinary French text of the same length, both composed and written
 * to PDF and DOCX. The ratio is the figure: bounded layout keeps it close to 1 at every length.
 */
import { join } from 'node:path';
import { measure } from './measure.js';
import { composeLetter } from '../core/common/letter/compose.js';
import type { CaseFile } from '../core/common/case/schema.js';
import { loadCaseFile } from '../core/node/case-file.js';
import { loadTemplateRegistry } from '../core/node/template-registry.js';
import { writeLetterPdf } from '../core/node/pdf/letter-pdf.js';
import { writeLetterDocx } from '../core/node/docx/letter-docx.js';

const template = loadTemplateRegistry().get('mise-en-demeure-livraison');
if (!template) throw new Error('template mise-en-demeure-livraison missing');
const loaded = await loadCaseFile(join(import.meta.dirname, '../examples', 'retard-livraison-marketplace.json'));
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
const base = loaded.case;

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const withFacts = (facts: string): CaseFile => ({ ...base, dispute: { ...base.dispute, facts } });

for (const n of [8_000, 32_000, 300_000]) {
  const word = withFacts(fill('anticonstitutionnellement', n));
  const text = withFacts(fill('Le colis n’est jamais arrivé malgré mes relances répétées. ', n));
  const runs = n > 100_000 ? 3 : 5;
  console.log(`\nFaits de ${n.toLocaleString('fr-FR')} caractères`);
  for (const [format, write] of [
    ['PDF ', writeLetterPdf],
    ['DOCX', writeLetterDocx],
  ] as const) {
    const produce = (c: CaseFile) => async () => write(composeLetter(c, template, { today: '2026-11-25' }));
    const normal = await measure(`${format} texte ordinaire`, produce(text), runs, 1);
    const long = await measure(`${format} un seul mot`, produce(word), runs, 1);
    console.log(`${format} ratio mot long / texte ordinaire : ${(long / normal).toFixed(2)}`);
  }
}
