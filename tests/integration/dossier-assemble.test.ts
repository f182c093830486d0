/**
 * A dossier built from good and bad evidence, checked the way its reader would: page count, stamps, bordereau
 * fingerprints, rotated pages, photos upright and without GPS, a placeholder and a warning for every bad file,
 * bookmarks, attached files — and the originals left untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExifReader from 'exifreader';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { assembleDossier, type DossierResult } from '../../core/node/dossier/index.js';
import type { CaseFile } from '../../core/common/case/schema.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import {
  emlMessage, encryptedPdf, heicPhoto, heifEncAvailable, messageExport, mp4Video, multiPageTiff, pdfWithRotatedPage,
  photoOrientation6, pngBomb, pngWithAlpha, sha256, truncatedJpeg,
} from '../support/fixtures-evidence.js';
import { caseWith, letterFor, pageCount, pageImages, pdfAttachments, pdfOutline, textDirection } from '../support/fixtures-dossier.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-dossier-'));

/** Exhibits in case order: file, title, pages expected in the dossier. */
const EXHIBITS = [
  { file: 'pieces/photo.jpg', title: 'Photo du carton vide', pages: 1 },
  { file: 'pieces/capture.png', title: 'Capture de l’espace client', pages: 1 },
  { file: 'pieces/facture.pdf', title: 'Facture', pages: 2 },
  { file: 'pieces/reponse.eml', title: 'Réponse du service client', pages: 1 },
  { file: 'pieces/conversation.txt', title: 'Conversation avec le service client', pages: 1 },
  { file: 'pieces/tronquee.jpg', title: 'Photo de l’étiquette', pages: 1 },
  { file: 'pieces/vide.jpg', title: 'Photo du hall', pages: 1 },
  { file: 'pieces/protege.pdf', title: 'Relevé bancaire', pages: 1 },
  { file: 'pieces/bombe.png', title: 'Plan de l’immeuble', pages: 1 },
  { file: 'pieces/video.mp4', title: 'Vidéo de l’ouverture du colis', pages: 1 },
  { file: 'pieces/releve.pdf', title: 'Relevé de suivi', pages: 1 },
  { file: 'pieces/absente.jpg', title: 'Photo manquante', pages: 1 },
] as const;

const PLACEHOLDERS: [number, string, string][] = [
  [6, 'tronquee.jpg', 'le fichier image est tronqué (fichier incomplet)'],
  [7, 'vide.jpg', 'le fichier est vide (0 octet)'],
  [8, 'protege.pdf', 'le PDF est protégé par un mot de passe'],
  [9, 'bombe.png', 'image aux dimensions démesurées (50 000 × 50 000 pixels, au-delà de 120 mégapixels) : non décodée par précaution'],
  [11, 'releve.pdf', 'le nom annonce un PDF (« .pdf ») mais le contenu est une archive ZIP'],
  [12, 'absente.jpg', 'fichier introuvable'],
];

let caseFile: CaseFile;
let letter: Awaited<ReturnType<typeof letterFor>>;
let result: DossierResult;
let text: string[];
let bordereauText: string;
const hashesBefore = new Map<string, string>();
const progress: [number, number, string][] = [];

beforeAll(async () => {
  const pieces = join(dir, 'pieces');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(pieces);
  const files: Record<string, Uint8Array | string> = {
    'photo.jpg': await photoOrientation6(),
    'capture.png': await pngWithAlpha(),
    'facture.pdf': await pdfWithRotatedPage(),
    'reponse.eml': emlMessage(),
    'conversation.txt': messageExport(),
    'tronquee.jpg': await truncatedJpeg(),
    'vide.jpg': '',
    'protege.pdf': encryptedPdf(),
    'bombe.png': pngBomb(),
    'video.mp4': mp4Video(),
    'releve.pdf': Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 2)]),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(pieces, name), bytes);
    hashesBefore.set(name, sha256(readFileSync(join(pieces, name))));
  }
  caseFile = caseWith(EXHIBITS.map(({ file, title }) => ({ file, title })));
  letter = await letterFor(caseFile);
  result = await assembleDossier({
    caseFile,
    caseDir: dir,
    letterPdf: letter.pdf,
    letterTitle: letter.title,
    today: '2026-11-25',
    onProgress: (done, total, label) => progress.push([done, total, label]),
  });
  text = (await extractPdf(result.dossierPdf)).pages.map(normaliseSpaces);
  bordereauText = normaliseSpaces((await extractPdf(result.bordereauPdf)).text);
}, 120_000);

describe('dossier PDF', () => {
  it('has the letter, the bordereau and every exhibit page, in that order', async () => {
    const letterPages = await pageCount(letter.pdf);
    const bordereauPages = await pageCount(result.bordereauPdf);
    const exhibitPages = EXHIBITS.reduce((n, e) => n + e.pages, 0);
    expect(await pageCount(result.dossierPdf)).toBe(letterPages + bordereauPages + exhibitPages);
    expect(result.pageCount).toBe(letterPages + bordereauPages + exhibitPages);
    expect(text[0]).toContain('Mise en demeure de livrer');
    expect(text[letterPages]).toContain('Bordereau des pièces jointes');
  });

  it('stamps every exhibit page « Pièce n° N — page i / n » and numbers every page of the dossier', async () => {
    const first = (await pageCount(letter.pdf)) + (await pageCount(result.bordereauPdf));
    let index = first;
    EXHIBITS.forEach((e, k) => {
      for (let i = 1; i <= e.pages; i++) {
        expect(text[index], `page ${index + 1}`).toContain(`Pièce n° ${k + 1} — page ${i} / ${e.pages}`);
        index++;
      }
    });
    text.forEach((page, i) => expect(page).toContain(`Dossier — page ${i + 1} / ${text.length}`));
    // Nothing before the exhibits is stamped as an exhibit.
    text.slice(0, first).forEach((page) => expect(page).not.toMatch(/Pièce n° \d+ — page \d+ \/ \d+/));
  });

  it('lists in the bordereau each exhibit with the SHA-256 of its file', () => {
    EXHIBITS.forEach((e, k) => {
      const name = e.file.split('/')[1] ?? '';
      expect(bordereauText).toContain(e.title);
      const hash = hashesBefore.get(name);
      if (hash && name !== 'vide.jpg') expect(bordereauText, `pièce ${k + 1}`).toContain(`${k + 1} ${hash}`);
    });
    // The empty file has a fingerprint too (that of zero bytes is not useful: it is listed as unreadable).
    expect(bordereauText).toContain('12 — (fichier illisible)');
    expect(result.entries.map((e) => e.pages)).toEqual(EXHIBITS.map((e) => e.pages));
  });

  it('keeps a rotated PDF page turned as in the original, with its stamp upright', async () => {
    const first = (await pageCount(letter.pdf)) + (await pageCount(result.bordereauPdf));
    const facturePage = first + 2 + 2; // photo, capture, then the invoice's two pages
    expect(text[facturePage - 2]).toContain('FACTURE 2026-118 page un');
    expect(text[facturePage - 1]).toContain('Detail des articles page deux');
    const rotated = await textDirection(result.dossierPdf, facturePage, 'Pièce n° 3 — page 2 / 2');
    expect(rotated.rotate).toBe(90);
    expect(rotated.landscape).toBe(true);
    expect(rotated.angles).toEqual([0]);
    const folio = await textDirection(result.dossierPdf, facturePage, `Dossier — page ${facturePage} /`);
    expect(folio.angles).toEqual([0]);
    // The original text of that page runs sideways, as in the source (a table scanned across the page).
    expect((await textDirection(result.dossierPdf, facturePage, 'Detail des articles')).angles).not.toEqual([0]);
  });

  it('shows the photo upright, at print resolution, without its EXIF data (no GPS position)', async () => {
    const first = (await pageCount(letter.pdf)) + (await pageCount(result.bordereauPdf));
    const [image] = await pageImages(result.dossierPdf, first);
    expect(image?.filter).toBe('/DCTDecode');
    expect(image && image.height > image.width).toBe(true);
    expect([image?.width, image?.height]).toEqual([900, 1200]);
    const tags = ExifReader.load(Buffer.from(image?.data ?? []));
    expect(tags.GPSLatitude).toBeUndefined();
    expect(tags.DateTimeOriginal).toBeUndefined();
    // Upright: the red half of the picture is at the top (stored sideways, turned by orientation 6).
    const { data, info } = await sharp(Buffer.from(image?.data ?? [])).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3));
    const [r1, , b1] = at(450, 100);
    const [r2, , b2] = at(450, 1100);
    expect((r1 ?? 0) > (b1 ?? 0) || (r2 ?? 0) > (b2 ?? 0)).toBe(true);
    expect(text[first]).toContain('Pièce n° 1 — Photo du carton vide');
    expect(text[first]).toContain('3 octobre 2026 (date de prise de vue)');
  });

  it('puts a transparent screenshot on white', async () => {
    const first = (await pageCount(letter.pdf)) + (await pageCount(result.bordereauPdf));
    const [image] = await pageImages(result.dossierPdf, first + 1);
    expect(image?.filter).toBe('/DCTDecode');
    const { data } = await sharp(Buffer.from(image?.data ?? [])).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(data[0] ?? 0, data[1] ?? 0, data[2] ?? 0)).toBeGreaterThan(245);
  });

  it('lays out the e-mail (headers, body, its attachment) and the message export verbatim', () => {
    const all = text.join('\n');
    expect(all).toContain('De : Service client Amazon <service-client@amazon.fr>');
    expect(all).toContain('Objet : Votre réclamation n° 12345');
    expect(all).toContain('Date : Mon, 12 Oct 2026 10:15:00 +0200');
    expect(all).toContain('Nous avons bien reçu votre réclamation : une enquête est ouverte auprès du transporteur.');
    expect(all).toContain('– enquete.txt');
    // Emoji the font lacks become « ? », the rest is kept as written.
    expect(all).toContain('[02/10/2026 18:06] Agent Amazon : Je comprends ? Pouvez-vous vérifier auprès de vos voisins ?');
    expect(all).toContain('L’ordinateur coûte 1 299,00 €.');
  });

  it('gives each bad file its placeholder page and a French warning naming it, and keeps all the others', () => {
    for (const [n, name, reason] of PLACEHOLDERS) {
      // The placeholder's first line may wrap: read each page as one line.
      expect(text.some((p) => p.replace(/\n/g, ' ').includes(`Pièce n° ${n} non reproduite : ${reason}`)), `pièce ${n}`).toBe(true);
      expect(result.warnings.some((w) => normaliseSpaces(w).startsWith(`Pièce n° ${n} (« ${name} ») non reproduite : ${reason}.`)), `avertissement ${n}`).toBe(true);
    }
    expect(result.warnings.some((w) => normaliseSpaces(w).startsWith('Pièce n° 10 (« video.mp4 ») : vidéo MP4'))).toBe(true);
    // The good exhibits are all there.
    const all = text.join('\n');
    for (const needle of ['Pièce n° 1 — Photo du carton vide', 'Pièce n° 2 — Capture de l’espace client', 'FACTURE 2026-118 page un', 'Pièce n° 4 — Réponse du service client', 'Pièce n° 5 — Conversation avec le service client']) {
      expect(all).toContain(needle);
    }
    expect(all).toContain('Cette pièce est une vidéo MP4 : elle ne peut pas être imprimée.');
  });

  it('attaches what cannot be printed: the video, the e-mail’s attachment (not the protected PDF, which cannot be cleaned)', async () => {
    expect(await pdfAttachments(result.dossierPdf)).toEqual(['piece-04-pj1-enquete.txt', 'piece-10-video.mp4']);
  });

  it('has one bookmark per part, each opening its first page', async () => {
    const outline = await pdfOutline(result.dossierPdf);
    const letterPages = await pageCount(letter.pdf);
    expect(outline[0]).toEqual({ title: `Lettre — ${letter.title}`, page: 1 });
    expect(outline[1]).toEqual({ title: 'Bordereau des pièces jointes', page: letterPages + 1 });
    expect(outline.slice(2).map((o) => normaliseSpaces(o.title))).toEqual(EXHIBITS.map((e, k) => `Pièce n° ${k + 1} — ${e.title}`));
    expect(outline[4]?.page).toBe(outline[3] ? outline[3].page + 1 : 0);
    expect(outline[5]?.page).toBe(outline[4] ? outline[4].page + 2 : 0);
  });

  it('reports progress for each exhibit, then the bordereau and the assembly', () => {
    expect(progress.at(-1)).toEqual([EXHIBITS.length + 2, EXHIBITS.length + 2, 'Dossier assemblé']);
    expect(progress.filter(([, , label]) => label.startsWith('Pièce n°\u00a0')).length).toBe(EXHIBITS.length);
  });

  it('leaves every original file as it was', () => {
    for (const [name, hash] of hashesBefore) expect(sha256(readFileSync(join(dir, 'pieces', name))), name).toBe(hash);
  });

  it('writes the bordereau as an editable DOCX as well', async () => {
    const { extractDocx } = await import('../support/docx-text.js');
    const docx = await extractDocx(result.bordereauDocx);
    const all = normaliseSpaces(docx.paragraphs.map((p) => p.text).join('\n'));
    expect(all).toContain('Bordereau des pièces jointes à ma lettre du 25 novembre 2026');
    expect(all).toContain(hashesBefore.get('facture.pdf'));
  });
});

describe('dossier with a multi-page TIFF', () => {
  it('gives each page of the TIFF its own stamped page', async () => {
    writeFileSync(join(dir, 'fax.tif'), await multiPageTiff());
    const c = caseWith([{ file: 'fax.tif', title: 'Télécopie du transporteur' }]);
    const l = await letterFor(c);
    const r = await assembleDossier({ caseFile: c, caseDir: dir, letterPdf: l.pdf, letterTitle: l.title, today: '2026-11-25' });
    const pages = (await extractPdf(r.dossierPdf)).pages.map(normaliseSpaces).slice(-3);
    pages.forEach((p, i) => {
      expect(p).toContain(`Pièce n° 1 — page ${i + 1} / 3`);
      expect(p).toContain(`Pièce n° 1 — Télécopie du transporteur (vue ${i + 1} / 3)`);
    });
    expect(r.entries[0]?.pages).toBe(3);
  });
});

describe('dossier with a HEIC photo', () => {
  it.skipIf(!heifEncAvailable())('reproduces an iPhone HEIC photo (needs heif-enc from libheif-examples)', async () => {
    writeFileSync(join(dir, 'iphone.heic'), await heicPhoto(dir));
    const c = caseWith([{ file: 'iphone.heic', title: 'Photo prise avec un iPhone' }]);
    const l = await letterFor(c);
    const r = await assembleDossier({ caseFile: c, caseDir: dir, letterPdf: l.pdf, letterTitle: l.title, today: '2026-11-25' });
    expect(r.warnings).toEqual([]);
    const doc = await PDFDocument.load(r.dossierPdf);
    const last = doc.getPageCount() - 1;
    const [image] = await pageImages(r.dossierPdf, last);
    expect([image?.width, image?.height]).toEqual([640, 480]);
    const page = normaliseSpaces((await extractPdf(r.dossierPdf)).pages[last] ?? '');
    expect(page).toContain('Pièce n° 1 — page 1 / 1');
    expect(page).toContain('5 octobre 2026 (date de prise de vue)');
  });
});
