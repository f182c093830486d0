/**
 * `recours generate` writes the PDF in a thread of its own (letter-pdf-thread.ts), started before the case is read.
 * The thread's PDF must be the one this thread would write, and a failure there must reach the caller as an error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLetterPdfThread, type LetterPdfThread } from '../../core/node/pdf/letter-pdf-thread.js';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import type { LetterDocument } from '../../core/common/document/model.js';
import { extractPdf } from '../support/pdf-text.js';
import { SAMPLE, sampleLetter } from '../support/sample-letter.js';

describe('the PDF thread of a one-shot letter', () => {
  let thread: LetterPdfThread | undefined;
  afterEach(async () => {
    await thread?.close();
    thread = undefined;
  });

  it('writes the same pages, text and fonts as this thread, for two letters in a row', async () => {
    thread = startLetterPdfThread();
    const letter = sampleLetter();
    const [inThread, here] = await Promise.all([thread.render(letter), writeLetterPdf(letter)]);
    const [a, b] = await Promise.all([extractPdf(inThread), extractPdf(here)]);
    expect(a.pages).toEqual(b.pages);
    expect(a.fonts).toEqual(b.fonts);
    expect(a.info.Title).toBe(letter.meta.title);
    expect(a.text).toContain(SAMPLE.orderNumber);

    const second = await extractPdf(await thread.render(sampleLetter({ subject: 'Deuxième lettre du même fil' })));
    expect(second.text).toContain('Deuxième lettre du même fil');
  });

  it('rejects with the writer’s error when the document cannot be written', async () => {
    thread = startLetterPdfThread();
    const broken = { ...sampleLetter(), body: 42 } as unknown as LetterDocument;
    await expect(thread.render(broken)).rejects.toThrow();
    // The thread still serves the next letter.
    expect((await extractPdf(await thread.render(sampleLetter()))).text).toContain(SAMPLE.orderNumber);
  });

  it('says in French, with the limit, that a PDF which does not finish was interrupted', async () => {
    // A limit no PDF can meet stands for a letter that hangs.
    thread = startLetterPdfThread(1);
    await expect(thread.render(sampleLetter())).rejects.toThrow(/^l’écriture du PDF a été interrompue après 1 s : elle ne finissait pas\./);
  });

  it('refuses work once closed', async () => {
    thread = startLetterPdfThread();
    await thread.close();
    await expect(thread.render(sampleLetter())).rejects.toThrow(/closed/);
  });
});
