/**
 * The letter PDF as its recipient sees it: text extracted with pdf.js, fonts, metadata, and where things sit on
 * page 1 (the address must show through the window of a DL envelope).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDocument, PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { layoutLetterPdf, writeLetterPdf } from '../../core/node/pdf/letter-pdf.js';
import { LETTER_GEOMETRY, MM } from '../../core/node/pdf/letter-layout.js';
import type { LetterLayout } from '../../core/node/pdf/letter-layout.js';
import type { TextOp } from '../../core/node/pdf/page-layout.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { SAMPLE, sampleLetter } from '../support/sample-letter.js';

const flat = (text: string) => normaliseSpaces(text).replace(/\s*\n\s*/g, ' ');

function textOps(layout: LetterLayout, page = 0): TextOp[] {
  return (layout.pages[page]?.ops ?? []).filter((op): op is TextOp => op.kind === 'text');
}
const opText = (op: TextOp) => op.fragments.map((f) => f.text).join('');

describe('the sample letter', async () => {
  const doc = sampleLetter();
  const bytes = await writeLetterPdf(doc);
  const pdf = await extractPdf(bytes);
  const text = flat(pdf.text);

  it('is a valid PDF of two A4 pages', () => {
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.pages.length).toBe(2);
  });

  it('reads the parties, references, amounts, dates, subject and closing', () => {
    for (const expected of [
      'M. Jean Dupont',
      '12 rue des Lilas',
      '69003 Lyon',
      'Amazon EU S.à r.l.',
      '38 avenue John F. Kennedy',
      'L-1855 Luxembourg',
      'LUXEMBOURG',
      'Lyon, le 25 novembre 2026',
      `Lettre recommandée avec accusé de réception n° ${normaliseSpaces(SAMPLE.registeredMail)}`,
      'Objet : Mise en demeure de livrer ou de rembourser — ordinateur portable non livré',
      `Commande : n° ${SAMPLE.orderNumber} du 3 octobre 2026`,
      normaliseSpaces(SAMPLE.amount),
      normaliseSpaces(SAMPLE.total),
      '(commande n° 402-1234567-8901234)',
      'l’article L. 216-6 du Code de la consommation', // U+2011 comes out as a plain hyphen
      'service-client@example.com',
      'Madame, Monsieur,',
      'je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées',
      'Pièces jointes :',
      'Pièce n° 3 : échanges avec le service client',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('numbers every page « k / n » in the footer', () => {
    expect(pdf.pages[0]?.split('\n').at(-1)).toBe('1 / 2');
    expect(pdf.pages[1]?.split('\n').at(-1)).toBe('2 / 2');
  });

  it('heads page 2 with the sender and the subject', () => {
    expect(pdf.pages[1]?.split('\n')[0]).toMatch(/^M\. Jean Dupont — Mise en demeure/);
  });

  it('puts the signature after the closing, and the enclosures last', () => {
    const last = pdf.pages[1] ?? '';
    expect(last.indexOf('Jean Dupont\n')).toBeGreaterThan(last.indexOf('salutations distinguées'));
    expect(last.indexOf('Pièces jointes')).toBeGreaterThan(last.indexOf('salutations distinguées'));
  });

  it('embeds every font, as subsets of DejaVu Serif', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of pdf.fonts) {
      expect(font.embedded, font.name).toBe(true);
      // A subset's name starts with a tag of six capitals and « + » (ISO 32000-1 §9.6.4), which pdf-lib, our
      // writer until December 2026, did not write (it added « -1234 » at the end).
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVuSerif/);
    }
    expect(bytes.length).toBeLessThan(120_000); // subsets, not 4 × 350 KB of full fonts
  });

  it('carries the metadata', () => {
    expect(pdf.info.Title).toBe(doc.meta.title);
    expect(pdf.info.Author).toBe('Jean Dupont');
    expect(pdf.info.Language).toBe('fr-FR');
    expect(pdf.info.Subject).toBe(doc.subject);
    expect(pdf.info.Keywords).toBe('Mise en demeure');
    expect(pdf.info.Creator).toBe('Recours');
  });

  it('places the recipient in the window of a DL envelope and the date right-aligned', () => {
    const layout = layoutLetterPdf(doc);
    const ops = textOps(layout);
    const recipient = ops.filter((op) => doc.recipient.includes(opText(op)));
    expect(recipient.length).toBe(doc.recipient.length);
    for (const op of recipient) {
      expect(op.x).toBeCloseTo(110 * MM, 3);
      expect(op.y).toBeGreaterThan(55 * MM);
      expect(op.y).toBeLessThan(100 * MM);
      expect(op.x + Math.max(...op.fragments.map((f) => f.x + f.width))).toBeLessThanOrEqual(op.x + 85 * MM);
    }
    const sender = ops.find((op) => opText(op) === 'M. Jean Dupont')!;
    expect(sender.x).toBeCloseTo(25 * MM, 3);
    expect(sender.y).toBeLessThan(30 * MM);
    expect(sender.fragments[0]?.style).toBe('bold');

    const date = ops.find((op) => opText(op) === 'Lyon, le 25 novembre 2026')!;
    const dateRight = date.x + Math.max(...date.fragments.map((f) => f.x + f.width));
    expect(dateRight).toBeCloseTo(LETTER_GEOMETRY.pageWidth - LETTER_GEOMETRY.marginRight, 3);
    expect(date.y).toBeGreaterThan(Math.max(...recipient.map((op) => op.y)));

    const objet = ops.find((op) => opText(op).startsWith('Objet'))!;
    expect(objet.fragments[0]).toMatchObject({ style: 'bold' });
    expect(objet.y).toBeGreaterThan(date.y);

    const signature = textOps(layout, 1).find((op) => opText(op) === 'Jean Dupont')!;
    expect(signature.x).toBeCloseTo(LETTER_GEOMETRY.signatureLeft, 3);
  });

  it('justifies body lines to the right margin, except the last line of each paragraph', () => {
    const layout = layoutLetterPdf(doc);
    const body = layout.pages.flatMap((p) => p.ops).filter((op): op is TextOp => op.kind === 'text' && !!op.paragraph);
    const right = LETTER_GEOMETRY.pageWidth - LETTER_GEOMETRY.marginRight;
    const justified = body.filter((op) => {
      const last = op.fragments[op.fragments.length - 1];
      return last && Math.abs(op.x + last.x + last.width - right) < 0.01;
    });
    expect(justified.length).toBeGreaterThan(20);
    for (const op of body) {
      const extent = Math.max(...op.fragments.map((f) => op.x + f.x + f.width));
      expect(extent, opText(op)).toBeLessThanOrEqual(right + 0.01);
    }
  });
});

describe('hostile text', () => {
  it('renders the typography torture string: substitutes what the font lacks, drops nothing else', async () => {
    const torture = 'Édouard œuvre à Noël : « façade » — 12 € ; l’été… Œ ç ! 😀 \u2011 \u2009';
    const doc = sampleLetter({
      subject: torture,
      sender: [torture, '12 rue des Lilas'],
      body: [{ type: 'paragraph', runs: [{ text: torture }, { text: ` ${torture}`, bold: true }, { text: ` ${torture}`, italic: true }, { text: ` ${torture}`, bold: true, italic: true }] }],
    });
    const pdf = await extractPdf(await writeLetterPdf(doc));
    const text = flat(pdf.text);
    expect(text).toContain('Édouard œuvre à Noël : « façade » — 12 € ; l’été… Œ ç ! ? -');
    expect(text).not.toContain('😀');
    expect(pdf.fonts.length).toBe(4);
    for (const font of pdf.fonts) expect(font.embedded).toBe(true);
  });

  it('survives control characters, lone surrogates and empty parts', async () => {
    const doc = sampleLetter({
      sender: ['\u0000\u0007Jean\uD800 Dupont'],
      recipient: [],
      sending: [],
      references: [],
      salutation: '',
      body: [{ type: 'paragraph', runs: [] }, { type: 'list', ordered: true, items: [] }, { type: 'table', rows: [] }],
      signature: [],
      enclosures: [],
    });
    const pdf = await extractPdf(await writeLetterPdf(doc));
    expect(pdf.pages.length).toBe(1);
    expect(pdf.text).toContain('Jean? Dupont');
  });

  it('writes text that looks like markup literally', async () => {
    const tricky = 'Le vendeur a écrit {{x}} puis <w:p> & "livré" ; **non** | ## fin </Font> %PDF-1.7 (parenthèse \\ antislash';
    const doc = sampleLetter({
      meta: { title: 'Titre <b>&amp;</b> {{x}}' },
      sender: ['M. Karim Benali & <Fils>', '12 rue des Lilas'],
      body: [{ type: 'paragraph', runs: [{ text: tricky }] }],
    });
    const pdf = await extractPdf(await writeLetterPdf(doc));
    const text = flat(pdf.text);
    expect(text).toContain(tricky);
    expect(text).toContain('M. Karim Benali & <Fils>');
    expect(pdf.info.Title).toBe('Titre <b>&amp;</b> {{x}}');
  });

  it('keeps a long unbreakable reference inside the margins', async () => {
    const url = 'https://www.exemple.fr/suivi?colis=' + 'ABCDEFGHIJ'.repeat(12);
    const doc = sampleLetter({ body: [{ type: 'paragraph', runs: [{ text: `Voir ${url} pour le suivi.` }] }] });
    const layout = layoutLetterPdf(doc);
    const right = LETTER_GEOMETRY.pageWidth - LETTER_GEOMETRY.marginRight;
    for (const op of layout.pages.flatMap((p) => p.ops)) {
      if (op.kind !== 'text') continue;
      for (const f of op.fragments) expect(op.x + f.x + f.width).toBeLessThanOrEqual(right + 0.01);
    }
    const pdf = await extractPdf(await writeLetterPdf(doc));
    expect(pdf.text.replace(/\n/g, '')).toContain(url);
  });
});

/** The embedded font programs (compressed bytes, as stored), in object order. */
async function fontPrograms(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor') continue;
    const file = obj.lookup(PDFName.of('FontFile2'));
    if (file instanceof PDFRawStream) out.push(Buffer.from(file.contents).toString('base64'));
  }
  return out.sort();
}

describe('fonts', () => {
  it('renders letters concurrently with the process-wide font cache, with the same font programs', async () => {
    const docs = [sampleLetter(), sampleLetter({ subject: 'Autre objet : Œuvre, façade, 😀' }), sampleLetter({ body: [] })];
    const sequential: string[][] = [];
    for (const d of docs) sequential.push(await fontPrograms(await writeLetterPdf(d)));
    const concurrent = await Promise.all(docs.map(async (d) => fontPrograms(await writeLetterPdf(d))));
    expect(concurrent).toEqual(sequential);
  });

  it('uses the font set it is given', async () => {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    const read = (f: string) => new Uint8Array(readFileSync(join(dir, f)));
    const fonts = {
      regular: read('DejaVuSans.ttf'),
      bold: read('DejaVuSans-Bold.ttf'),
      italic: read('DejaVuSans-Oblique.ttf'),
      boldItalic: read('DejaVuSans-BoldOblique.ttf'),
    };
    const pdf = await extractPdf(await writeLetterPdf(sampleLetter(), { fonts }));
    expect(pdf.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique']);
    expect(normaliseSpaces(pdf.text)).toContain('Amazon EU S.à r.l.');
  });
});
