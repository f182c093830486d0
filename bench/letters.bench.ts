/**
 * Letter benchmark (run by `npm run bench`): mises en demeure composed and written to PDF and to DOCX, warm.
 */
import { join } from 'node:path';
import { measure } from './measure.js';
import { PDFDocument } from 'pdf-lib';
import { composeLetter } from '../core/common/letter/compose.js';
import { loadCaseFile } from '../core/node/case-file.js';
import { loadTemplateRegistry } from '../core/node/template-registry.js';
import { writeLetterPdf } from '../core/node/pdf/letter-pdf.js';
import { writeLetterDocx } from '../core/node/docx/letter-docx.js';

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
