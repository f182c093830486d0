/**
 * A letter starts, breaks and ends alike in our PDF and in LibreOffice's rendering of our DOCX: same page count,
 * each page opening and closing on the same words, page 1's blocks in the same order. Both writers take their page
 * from core/common/document/page-geometry.ts; this is what proves that the DOCX writer only converts it.
 *
 * Compared as words (poppler's text of each page), not positions: the fonts' metrics differ slightly and
 * LibreOffice has no French hyphenation dictionary here, so lines wrap a little differently inside a paragraph.
 * A page break may therefore land a few lines away (MAX_LINES_MOVED), never a paragraph away.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile } from '../../core/common/case/schema.js';
import { LETTER_LABELS, runningHeaderText } from '../../core/common/document/page-geometry.js';
import { composeLetter } from '../../core/common/letter/compose.js';
import type { LetterDocument } from '../../core/common/document/model.js';
import { renderCaseFiles } from '../../core/node/generate.js';
import { loadTemplateRegistry } from '../../core/node/template-registry.js';
import { loadExample } from '../support/examples.js';

const run = promisify(execFile);
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
/** Without LibreOffice there is nothing to compare with (CI installs it: .ci/run); poppler is required either way. */
const SOFFICE = has('soffice');
const SKIPPED = SOFFICE ? '' : ' — skipped: soffice (LibreOffice) is not installed (apt-get install libreoffice-writer-nogui)';

const TODAY = '2026-12-01';
/** Words of a page start or end shown or compared. */
const EDGE = 6;
/**
 * Our PDF never ends a page on a hyphenated line (the word would be split across two pages) nor leaves the last two
 * lines of a paragraph apart; the word processor has no such rule for hyphens, and LibreOffice here has no French
 * hyphenation dictionary, so its lines wrap a little differently. A page break may land this many lines away.
 */
const MAX_LINES_MOVED = 3;
/** Both writers embed DejaVu Serif: page 1's blocks sit at the same place within this (points). */
const POSITION_TOLERANCE = 1.5;

/** A facts text long enough for a letter of three pages or more, each paragraph recognisable. */
function longFacts(): string {
  const events = [
    'le suivi de ma commande a indiqué « Livré, remis en main propre au résident » alors que j’étais chez moi toute la journée',
    'j’ai interrogé le gardien de l’immeuble, qui n’a vu passer aucun livreur et n’a reçu aucun colis à mon nom',
    'j’ai contacté le service client par messagerie, qui m’a promis une enquête auprès du transporteur sous quarante-huit heures',
    'personne ne m’a rappelé, et la conversation précédente n’apparaissait plus dans mon espace client',
    'un second conseiller m’a demandé de patienter encore une semaine, sans me donner de numéro de dossier',
    'j’ai adressé un courrier électronique détaillé, avec la capture du suivi et l’attestation du gardien',
    'on m’a répondu par un message type que le colis était considéré comme livré, sans photo ni signature',
    'j’ai demandé par écrit la preuve de la remise du colis, que je n’ai jamais obtenue',
    'le vendeur m’a renvoyé vers le transporteur, et le transporteur vers le vendeur',
    'j’ai déposé une main courante au commissariat de mon quartier pour garder trace de ces faits',
    'le service client a clôturé ma réclamation sans m’en avertir ni motiver sa décision',
    'j’ai constaté que le montant de la commande avait bien été débité de mon compte bancaire dès le jour de l’achat',
  ];
  return events
    .map((event, i) => {
      const day = i + 3;
      const detail = i % 3 === 0 ? ' Ce fait est établi par les pièces que je joins à la présente, dont chacune est datée et identifiée dans le bordereau.' : '';
      return `Paragraphe ${i + 1}. Le ${day} octobre 2026, ${event}. Je le rappelle ici pour que la chronologie soit complète et qu’aucune de mes démarches ne puisse être ignorée.${detail}`;
    })
    .join('\n\n');
}

interface Sample {
  name: string;
  file: string;
  template: string;
  change?: (c: CaseFile) => CaseFile;
  minPages: number;
}

const SAMPLES: Sample[] = [
  { name: 'réclamation au service client', file: 'telephone-defectueux.json', template: 'reclamation-service-client', minPages: 1 },
  { name: 'mise en demeure, vices cachés', file: 'lave-linge-vice-cache.json', template: 'mise-en-demeure-vices-caches', minPages: 2 },
  {
    name: 'mise en demeure, faits très longs',
    file: 'ordinateur-livre-jamais-recu.json',
    template: 'mise-en-demeure-livraison',
    change: (c) => ({ ...c, dispute: { ...c.dispute, facts: longFacts() } }),
    minPages: 3,
  },
];

/** Poppler's text as a reader sees it: no-break spaces as spaces, words hyphenated at a line end joined. */
function dehyphenate(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/(\p{Ll})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2');
}

const words = (text: string): string[] => dehyphenate(text).split(/\s+/).filter((w) => w !== '');

interface Word {
  text: string;
  /** Line number over the whole letter (body lines only), for the distance between two page breaks. */
  line: number;
}

interface Page {
  /** Words of the page between the running header and the footer. */
  body: Word[];
  footer: string;
  /** Whole text, for the block order of page 1. */
  text: string;
}

const FOOTER = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

/** Splits poppler's text into pages; takes away the footer « k / n » and, from pages 2+, the running header. */
function pages(text: string, header: string): Page[] {
  const raw = text.split('\f');
  if (raw.at(-1)?.trim() === '') raw.pop();
  const headerWords = words(header);
  let lineCount = 0;
  return raw.map((page, index) => {
    const lines = dehyphenate(page).split('\n').filter((l) => l.trim() !== '');
    const footer = FOOTER.test(lines.at(-1) ?? '') ? lines.pop()!.replace(/\s+/g, '') : '';
    let body = lines.flatMap((l) => {
      const line = lineCount++;
      return l.split(/\s+/).filter((w) => w !== '').map((w) => ({ text: w, line }));
    });
    if (index > 0) {
      // The header: its words, the PDF's last one maybe cut short with « … », LibreOffice's maybe on two lines.
      let k = 0;
      while (k < headerWords.length && body[k]?.text === headerWords[k]) k++;
      const cut = body[k]?.text;
      if (k < headerWords.length && cut?.endsWith('\u2026') && headerWords[k]!.startsWith(cut.slice(0, -1))) k++;
      expect(k, `page ${index + 1}: running header « ${header} »`).toBeGreaterThanOrEqual(Math.min(3, headerWords.length));
      body = body.slice(k);
    }
    return { body, footer, text: page };
  });
}

interface PlacedLine {
  x: number;
  y: number;
  text: string;
}

/** Page 1's lines with their top-left corner (points), from poppler's bounding boxes. */
async function placedLines(path: string): Promise<PlacedLine[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  return [...stdout.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    text: words(decode([...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '))).join(' '),
  }));
}

async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Where each page break lands: the index, in the letter's body words, of each page's first word. */
const breaks = (ps: readonly Page[]): number[] => ps.slice(1).map((_, k) => ps.slice(0, k + 1).reduce((n, p) => n + p.body.length, 0));

describe.skipIf(!SOFFICE)(`our PDF and LibreOffice’s rendering of our DOCX agree${SKIPPED}`, () => {
  let dir: string;
  const rendered = new Map<string, { letter: LetterDocument; pdf: Page[]; docx: Page[]; pdfLines: PlacedLine[]; docxLines: PlacedLine[] }>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recours-writers-'));
    const registry = loadTemplateRegistry();
    const letters: LetterDocument[] = [];
    const docxPaths: string[] = [];
    for (const [i, sample] of SAMPLES.entries()) {
      const template = registry.templates.find((t) => t.meta.id === sample.template);
      if (!template) throw new Error(`template ${sample.template} not found`);
      const loaded = await loadExample(sample.file);
      const caseFile = sample.change ? sample.change(loaded) : loaded;
      // The one path from a case to its files (CLI and API), and the letter it composes, for the expected texts.
      const { files } = await renderCaseFiles({ caseFile, template, formats: ['pdf', 'docx'], today: TODAY });
      letters.push(composeLetter(caseFile, template, { today: TODAY }));
      for (const file of files) {
        const path = join(dir, `letter-${i}.${file.role}`);
        await writeFile(path, file.bytes);
        if (file.role === 'docx') docxPaths.push(path);
      }
    }
    // One LibreOffice for all the letters, with a profile of its own so that parallel runs do not collide.
    await run(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), ...docxPaths],
      { timeout: 120_000 },
    );
    for (const [i, sample] of SAMPLES.entries()) {
      const letter = letters[i]!;
      const header = runningHeaderText(letter.sender, letter.subject);
      const ours = join(dir, `letter-${i}.pdf`);
      const theirs = join(dir, 'lo', `letter-${i}.pdf`);
      rendered.set(sample.name, {
        letter,
        pdf: pages(await pdfText(ours), header),
        docx: pages(await pdfText(theirs), header),
        pdfLines: await placedLines(ours),
        docxLines: await placedLines(theirs),
      });
    }
  }, 180_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  for (const sample of SAMPLES) {
    describe(sample.name, () => {
      it('has as many pages, each numbered « k / n » alike', () => {
        const { pdf, docx } = rendered.get(sample.name)!;
        expect(pdf.length).toBeGreaterThanOrEqual(sample.minPages);
        expect(docx.length).toBe(pdf.length);
        expect(docx.map((p) => p.footer)).toEqual(pdf.map((p) => p.footer));
        expect(pdf.map((p) => p.footer)).toEqual(pdf.map((_, k) => `${k + 1}/${pdf.length}`));
      });

      it('says the same words in the same order, and ends on the same words', () => {
        const { pdf, docx } = rendered.get(sample.name)!;
        const text = (ps: readonly Page[]) => ps.flatMap((p) => p.body.map((w) => w.text)).join(' ');
        expect(text(docx)).toBe(text(pdf));
        expect(docx.at(-1)!.body.slice(-EDGE).map((w) => w.text)).toEqual(pdf.at(-1)!.body.slice(-EDGE).map((w) => w.text));
      });

      it('breaks each page at the same place, give or take the lines a hyphenated word keeps together', () => {
        const { pdf, docx } = rendered.get(sample.name)!;
        const words = pdf.flatMap((p) => p.body);
        const ours = breaks(pdf);
        const theirs = breaks(docx);
        ours.forEach((at, k) => {
          const there = theirs[k]!;
          // Distance in our PDF's lines between the two breaks (a heading counts as a line).
          const moved = Math.abs((words[there]?.line ?? Infinity) - words[at]!.line);
          const page = `page ${k + 2}: ours starts « ${words.slice(at, at + EDGE).map((w) => w.text).join(' ')} », LibreOffice’s « ${words.slice(there, there + EDGE).map((w) => w.text).join(' ')} »`;
          expect(moved, page).toBeLessThanOrEqual(MAX_LINES_MOVED);
        });
      });

      it('puts sender, recipient, place and date, « Objet : » and the salutation at the same places on page 1', () => {
        const { letter, pdfLines, docxLines } = rendered.get(sample.name)!;
        const marks = [letter.sender[0]!, letter.recipient[0]!, letter.placeDate, LETTER_LABELS.subject, letter.salutation].map((m) => words(m).join(' '));
        const find = (lines: readonly PlacedLine[], mark: string) => lines.find((l) => l.text.startsWith(mark));
        const places = (lines: readonly PlacedLine[]) => marks.map((m) => find(lines, m));
        const ours = places(pdfLines);
        const theirs = places(docxLines);
        marks.forEach((mark, i) => {
          expect(ours[i], `PDF: « ${mark} »`).toBeDefined();
          expect(theirs[i], `DOCX: « ${mark} »`).toBeDefined();
          expect(Math.abs(theirs[i]!.x - ours[i]!.x), `x of « ${mark} »`).toBeLessThanOrEqual(POSITION_TOLERANCE);
          expect(Math.abs(theirs[i]!.y - ours[i]!.y), `y of « ${mark} »`).toBeLessThanOrEqual(POSITION_TOLERANCE);
        });
        // In reading order: the blocks follow each other down the page.
        for (const placed of [ours, theirs]) {
          const ys = placed.map((p) => p!.y);
          expect([...ys].sort((a, b) => a - b)).toEqual(ys);
        }
      });
    });
  }

  it('breaks the long letter at the same paragraph', () => {
    const { pdf, docx } = rendered.get('mise en demeure, faits très longs')!;
    const paragraphOf = (page: Page) => /Paragraphe (\d+)\./.exec(page.body.map((w) => w.text).join(' '))?.[1];
    // The first numbered paragraph seen on each page: the same in both when the break lands at the same place.
    expect(docx.map(paragraphOf)).toEqual(pdf.map(paragraphOf));
    expect(pdf.map(paragraphOf).filter(Boolean).length).toBeGreaterThanOrEqual(2);
  });
});
