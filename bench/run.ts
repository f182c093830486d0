/**
 * `npm run bench`: speed figures reported in closing notes, never asserted by unit tests.
 * Letter: a two-page mise en demeure (the laptop example) composed and written to PDF and to DOCX, warm.
 */
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { composeLetter } from '../core/common/letter/compose.js';
import { loadCaseFile } from '../core/node/case-file.js';
import { loadTemplateRegistry } from '../core/node/template-registry.js';
import { writeLetterPdf } from '../core/node/pdf/letter-pdf.js';
import { writeLetterDocx } from '../core/node/docx/letter-docx.js';

const RUNS = 40;
const WARMUP = 5;

async function measure(label: string, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  const p90 = times[Math.floor(times.length * 0.9)] ?? NaN;
  console.log(`${label.padEnd(44)} median ${median.toFixed(1).padStart(6)} ms   p90 ${p90.toFixed(1).padStart(6)} ms   (${RUNS} runs)`);
  return median;
}

const template = loadTemplateRegistry().get('mise-en-demeure-livraison');
if (!template) throw new Error('template mise-en-demeure-livraison missing');

// The sofa case gives a two-page mise en demeure (the reference); the laptop case, with six contacts, three pages.
for (const example of ['retard-livraison-marketplace.json', 'ordinateur-livre-jamais-recu.json']) {
  const loaded = await loadCaseFile(join(import.meta.dirname, '../examples', example));
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const document = composeLetter(loaded.case, template, { today: '2026-11-25' });
  const pdfBytes = await writeLetterPdf(document);
  const pages = (await PDFDocument.load(pdfBytes)).getPageCount();
  const docxBytes = await writeLetterDocx(document);
  console.log(`\nMise en demeure, ${example} : ${pages} page(s), PDF ${(pdfBytes.length / 1024).toFixed(0)} KiB, DOCX ${(docxBytes.length / 1024).toFixed(0)} KiB`);
  await measure('compose (template → document model)', async () => composeLetter(loaded.case, template, { today: '2026-11-25' }));
  await measure('PDF  (document model → PDF bytes)', () => writeLetterPdf(document));
  await measure('DOCX (document model → DOCX bytes)', () => writeLetterDocx(document));
  await measure('compose + PDF', async () => writeLetterPdf(composeLetter(loaded.case, template, { today: '2026-11-25' })));
  await measure('compose + DOCX', async () => writeLetterDocx(composeLetter(loaded.case, template, { today: '2026-11-25' })));
}
