/**
 * The file structure of a letter's PDF (pdf-objects.ts, pdf-font.ts): what a viewer relies on to open it at all,
 * and to copy its text. The text, fonts and metadata a reader sees are in pdf-letter.test.ts.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { name, pdfNumber, PdfString, serialise } from '../../core/node/pdf/pdf-objects.js';
import { extractPdf } from '../support/pdf-text.js';
import { sampleLetter } from '../support/sample-letter.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('a letter PDF file', async () => {
  const now = new Date('2026-12-02T10:20:30Z');
  const bytes = await writeLetterPdf(sampleLetter(), { now });
  const file = text(bytes);

  it('has a cross-reference table whose every offset starts its object', () => {
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(file)?.[1]);
    expect(file.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(file.slice(startxref)) ?? [];
    expect(first).toBe('0');
    const entries = file.slice(startxref).split('\n').slice(2, 2 + Number(count));
    expect(entries[0]).toBe('0000000000 65535 f ');
    entries.slice(1).forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(file.slice(offset, offset + `${i + 1} 0 obj\n`.length)).toBe(`${i + 1} 0 obj\n`);
    });
    expect(file).toMatch(new RegExp(`trailer\\n<</Size ${count} /Root \\d+ 0 R /Info \\d+ 0 R>>`));
  });

  it('opens in pdf-lib, which the dossier merges it with', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
    expect(doc.getPageCount()).toBe(2);
    expect(doc.getTitle()).toBe(sampleLetter().meta.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T10:20:30.000Z');
  });

  it('is the same file for the same letter at the same time', async () => {
    expect(Buffer.from(await writeLetterPdf(sampleLetter(), { now })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('maps every glyph back to its character, past the 100 entries of one ToUnicode block', async () => {
    // 150 distinct letters of one style (Latin, Greek, Cyrillic: DejaVu Serif draws them all).
    const letters = [...Array.from({ length: 50 }, (_, i) => 0x100 + i), ...Array.from({ length: 40 }, (_, i) => 0x3b1 + (i % 25)), ...Array.from({ length: 60 }, (_, i) => 0x410 + i)]
      .map((cp) => String.fromCodePoint(cp))
      .join('');
    const doc = sampleLetter({ body: [{ type: 'paragraph', runs: [{ text: letters }] }] });
    const pdf = await extractPdf(await writeLetterPdf(doc));
    expect(pdf.text.replace(/\s/g, '')).toContain(letters);
  });
});

describe('PDF syntax', () => {
  it('escapes names, strings and numbers', () => {
    expect(serialise(name('A B#(/é'))).toBe('/A#20B#23#28#2f#c3#a9');
    expect(serialise(PdfString.ascii('a(b)\\c'))).toBe('(a\\(b\\)\\\\c)');
    expect(serialise(PdfString.text('é€'))).toBe('<FEFF00e920ac>');
    expect(() => PdfString.ascii('é')).toThrow();
    expect([1e-7, -0.00001, 1234.56789, -12, 0.5].map(pdfNumber)).toEqual(['0', '0', '1234.5679', '-12', '0.5']);
    expect(() => pdfNumber(Number.NaN)).toThrow();
    expect(serialise({ A: [1, true, name('B')], C: undefined })).toBe('<</A [1 true /B]>>');
  });
});
