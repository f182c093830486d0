import JSZip from 'jszip';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeLetterDocx } from '../../core/node/docx/index.js';
import { columnWidths } from '../../core/node/docx/table.js';
import { readZip, writeZip, entryContent } from '../../core/node/docx/zip-archive.js';
import { loadLetterFonts } from '../../core/node/fonts.js';
import { FACE_ELEMENTS, embeddedFaces, sameFaces } from '../support/docx-fonts.js';
import { extractDocx } from '../support/docx-text.js';
import { fixtureLetter } from './docx-fixture.js';

const A4_WIDTH = 11906;
const TEXT_WIDTH = 11906 - 2 * 1417;

async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes, { checkCRC32: true });
}

async function part(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`missing ${path}`);
  return file.async('string');
}

describe('writeLetterDocx: the package', () => {
  let bytes: Uint8Array;
  let zip: JSZip;
  let documentXml: string;
  let stylesXml: string;

  beforeAll(async () => {
    bytes = await writeLetterDocx(fixtureLetter());
    zip = await unzip(bytes);
    documentXml = await part(zip, 'word/document.xml');
    stylesXml = await part(zip, 'word/styles.xml');
  });

  it('embeds the four whole DejaVu Serif faces, obfuscated with the keys of the font table', async () => {
    const fonts = loadLetterFonts();
    expect(sameFaces(await embeddedFaces(bytes), fonts)).toEqual(FACE_ELEMENTS);
    expect(await part(zip, 'word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
  });

  it('writes valid packages again and again (cached font data, fresh keys)', async () => {
    const [a, b] = await Promise.all([writeLetterDocx(fixtureLetter()), writeLetterDocx(fixtureLetter())]);
    const [za, zb] = await Promise.all([unzip(a), unzip(b)]);
    expect(await part(za, 'word/fontTable.xml')).not.toEqual(await part(zb, 'word/fontTable.xml'));
    expect((await extractDocx(b)).fontsEmbedded).toHaveLength(4);
  });

  it('starts with [Content_Types].xml and every part is well-formed XML', async () => {
    expect(Object.keys(zip.files)[0]).toBe('[Content_Types].xml');
    for (const path of Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))) {
      expect(XMLValidator.validate(await part(zip, path)), path).toBe(true);
    }
  });

  // The PDF's page since the writers share core/common/document/page-geometry.ts (was 25 mm all round).
  it('is an A4 page with the PDF letter margins: 20 mm top, 22 mm bottom, 25 mm sides', () => {
    expect(documentXml).toMatch(new RegExp(`<w:pgSz w:w="${A4_WIDTH}" w:h="16838"`));
    expect(documentXml).toMatch(/<w:pgMar w:top="1134" w:right="1417" w:bottom="1247" w:left="1417"/);
  });

  it('defines the named letter styles, DejaVu Serif in French by default, justified body text', () => {
    for (const id of ['Expediteur', 'Destinataire', 'LieuDate', 'ModeEnvoi', 'Objet', 'Corps', 'Titre', 'Liste', 'Cloture', 'Signature', 'PiecesJointes']) {
      expect(stylesXml, id).toContain(`w:styleId="${id}"`);
    }
    expect(stylesXml).toMatch(/<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Serif"[^>]*\/><w:sz w:val="21"\/>.*<w:lang w:val="fr-FR"\/>/);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`).exec(stylesXml)?.[0] ?? '';
    expect(style('Corps')).toContain('<w:jc w:val="both"/>');
    expect(style('Titre')).toContain('<w:keepNext/>');
    expect(style('Cloture')).toContain('<w:keepNext/>');
    expect(style('Signature')).toMatch(/<w:keepNext\/><w:keepLines\/>/);
    expect(style('ModeEnvoi')).toContain('<w:b/>');
    expect(style('LieuDate')).toContain('<w:jc w:val="right"/>');
    // Recipient 110 mm from the page's left edge: 85 mm from the 25 mm margin.
    expect(style('Destinataire')).toContain('<w:ind w:left="4819"/>');
  });

  it('turns on automatic hyphenation, except where the PDF never hyphenates (addresses, subject, headings, closing)', async () => {
    expect(await part(zip, 'word/settings.xml')).toContain('<w:autoHyphenation/>');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}">.*?</w:style>`).exec(stylesXml)?.[0] ?? '';
    for (const id of ['Expediteur', 'Destinataire', 'Objet', 'Titre', 'Cloture', 'Signature']) {
      expect(style(id), id).toContain('<w:suppressAutoHyphens/>');
    }
    for (const id of ['Corps', 'Liste', 'Tableau']) expect(style(id), id).not.toContain('suppressAutoHyphens');
  });

  it('pushes the recipient down to the envelope window (≈ 55 mm from the top)', () => {
    // 6 sender lines of 13.86 pt (277 twips, the PDF's line) from the 20 mm margin, then the space before: 55 mm = 3118 twips.
    const before = /<w:pStyle w:val="Destinataire"\/><w:spacing [^>]*w:before="(\d+)"/.exec(documentXml);
    expect(Math.abs(Number(before?.[1]) - (3118 - 1134 - 6 * 277))).toBeLessThanOrEqual(1);
  });

  it('uses real numbering for lists, each numbered list starting again', () => {
    const numIds = [...documentXml.matchAll(/<w:pStyle w:val="Liste"\/>(?:<w:widowControl\/>)?<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(numIds).toHaveLength(4);
    expect(new Set(numIds).size).toBe(2);
  });

  it('repeats the table header row, spans the text width with the relative widths', () => {
    expect(documentXml).toContain('<w:tblHeader/>');
    const grid = [...(/<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(documentXml)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(grid).toEqual(columnWidths(3, [3, 3, 8]));
    expect(grid[2]! / grid[0]!).toBeCloseTo(8 / 3, 2);
  });
});

describe('writeLetterDocx: text stays literal', () => {
  it('writes markup-looking text, quotes, ampersands and « CURRENT » as they are', async () => {
    const tricky = ['{{x}}', '<w:p>', 'A & B', '"guillemets droits"', "l'apostrophe", 'CURRENT', ']]>', '&amp;'];
    const letter = fixtureLetter({
      subject: 'Objet <b>{{subject}}</b> & "co"',
      body: [
        { type: 'paragraph', runs: tricky.map((text) => ({ text: `${text} ` })) },
        { type: 'paragraph', runs: [{ text: 'avant\ttab\tCURRENT\naprès' }] },
        { type: 'heading', runs: [{ text: '<Titre> & {{titre}}' }] },
        { type: 'table', rows: [[[{ text: '<td>' }], [{ text: '{{#each}}' }]]] },
      ],
    });
    const docx = await extractDocx(await writeLetterDocx(letter));
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts).toContain(tricky.map((t) => `${t} `).join(''));
    expect(texts).toContain('avant\ttab\tCURRENT\naprès');
    expect(texts).toContain('<Titre> & {{titre}}');
    expect(texts).toContain('<td>');
    expect(texts).toContain('{{#each}}');
    expect(docx.paragraphs.find((p) => p.style === 'Objet')?.text).toBe('Objet\u00a0:\tObjet <b>{{subject}}</b> & "co"');
  });

  it('keeps bold and italic runs', async () => {
    const zip = await unzip(await writeLetterDocx(fixtureLetter()));
    const xml = await part(zip, 'word/document.xml');
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">849,99\u202f€<\/w:t><\/w:r>/);
    expect(xml).toMatch(/<w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Cass\. 1re civ\./);
  });
});

describe('writeLetterDocx: sparse letters', () => {
  it('writes a valid document from an almost empty letter, and separates two tables that follow each other', async () => {
    const table = { type: 'table' as const, rows: [[[{ text: 'a' }], [{ text: 'b' }]]] };
    const letter = fixtureLetter({
      sender: [],
      recipient: [],
      placeDate: '',
      sending: [],
      references: [],
      salutation: '',
      body: [table, table, { type: 'table', rows: [] }, { type: 'list', ordered: true, items: [] }],
      closing: '',
      signature: [],
      enclosures: [],
    });
    const bytes = await writeLetterDocx(letter);
    const zip = await unzip(bytes);
    const xml = await part(zip, 'word/document.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('</w:tbl><w:tbl>');
    const docx = await extractDocx(bytes);
    expect(docx.paragraphs.map((p) => p.text)).toEqual(['Objet\u00a0:\t' + letter.subject, 'a', 'b', '', 'a', 'b', '']);
  });
});

describe('column widths', () => {
  it('normalises relative widths to the text width, equal columns without usable widths', () => {
    expect(columnWidths(2, [1, 3])).toEqual([Math.floor(TEXT_WIDTH / 4), TEXT_WIDTH - Math.floor(TEXT_WIDTH / 4)]);
    expect(columnWidths(3, undefined).reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(new Set(columnWidths(3, [0, -1, Number.NaN]).slice(0, 2)).size).toBe(1);
    expect(columnWidths(3, [2, 2])).toEqual(columnWidths(3, [2, 2, 2]));
  });
});

describe('zip archive', () => {
  it('reads and writes back a zip that JSZip reads, entries unchanged', async () => {
    const source = new JSZip();
    source.file('a.txt', 'Bonjour « à » tous');
    source.file('dossier/é.xml', '<x/>', { compression: 'STORE' });
    source.file('b.bin', new Uint8Array(5000).fill(7), { compression: 'DEFLATE' });
    const bytes = await source.generateAsync({ type: 'uint8array' });
    const entries = readZip(bytes);
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dossier/', 'dossier/é.xml', 'b.bin']);
    expect(new TextDecoder().decode(entryContent(entries[0]!))).toBe('Bonjour « à » tous');
    const copy = await JSZip.loadAsync(writeZip(entries), { checkCRC32: true });
    expect(await copy.file('a.txt')!.async('string')).toBe('Bonjour « à » tous');
    expect(await copy.file('dossier/é.xml')!.async('string')).toBe('<x/>');
    expect((await copy.file('b.bin')!.async('uint8array')).every((b) => b === 7)).toBe(true);
  });
});
