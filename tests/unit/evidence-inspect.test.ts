/** Evidence files as `recours evidence` and the case store see them: real type, fingerprint, date taken, problems. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { evidenceThumbnail, inspectEvidenceFile } from '../../core/node/evidence/index.js';
import { examine } from '../../core/node/evidence/examine.js';
import {
  emlMessage,
  encryptedPdf,
  heicPhoto,
  heifEncAvailable,
  animatedGif,
  messageExport,
  mp4Video,
  multiPageTiff,
  webpImage,
  pdfWithRotatedPage,
  photoOrientation6,
  pngBomb,
  pngWithAlpha,
  sha256,
  truncatedJpeg,
} from '../support/fixtures-evidence.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-evidence-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  writeFileSync(file('photo.jpg'), await photoOrientation6());
  writeFileSync(file('capture.png'), await pngWithAlpha());
  writeFileSync(file('facture.pdf'), await pdfWithRotatedPage());
  writeFileSync(file('reponse.eml'), emlMessage());
  writeFileSync(file('conversation.txt'), messageExport());
  writeFileSync(file('tronquee.jpg'), await truncatedJpeg());
  writeFileSync(file('vide.jpg'), '');
  writeFileSync(file('protege.pdf'), encryptedPdf());
  writeFileSync(file('bombe.png'), pngBomb());
  writeFileSync(file('video.mp4'), mp4Video());
  writeFileSync(file('capture-en-fait.jpg'), await pngWithAlpha());
  writeFileSync(file('releve.pdf'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 1)]));
  writeFileSync(file('fax.tif'), await multiPageTiff());
  writeFileSync(file('anime.gif'), await animatedGif());
  writeFileSync(file('image.webp'), await webpImage());
});

describe('inspectEvidenceFile', () => {
  it('reads a phone photo: type from the bytes, fingerprint, date taken, size as displayed', async () => {
    const r = await inspectEvidenceFile(file('photo.jpg'));
    expect(r).toMatchObject({ kind: 'image', mediaType: 'image/jpeg', pages: 1, takenAt: '2026-10-03', problems: [] });
    expect(r.sha256).toBe(sha256(readFileSync(file('photo.jpg'))));
    expect(r.size).toBe(statSync(file('photo.jpg')).size);
    // Stored 1200 × 900 with orientation 6: shown upright, 900 × 1200.
    expect([r.width, r.height]).toEqual([900, 1200]);
  });

  it('tells a PDF, an e-mail, a text export and a video apart from their bytes', async () => {
    expect(await inspectEvidenceFile(file('facture.pdf'))).toMatchObject({ kind: 'pdf', pages: 2, problems: [] });
    expect(await inspectEvidenceFile(file('reponse.eml'))).toMatchObject({ kind: 'email', mediaType: 'message/rfc822', problems: [] });
    expect(await inspectEvidenceFile(file('conversation.txt'))).toMatchObject({ kind: 'text', mediaType: 'text/plain', problems: [] });
    expect(await inspectEvidenceFile(file('video.mp4'))).toMatchObject({ kind: 'other', mediaType: 'video/mp4', label: 'vidéo MP4' });
  });

  it('reads the other image formats: every page of a TIFF, the first frame of an animated GIF, WebP', async () => {
    expect(await inspectEvidenceFile(file('fax.tif'))).toMatchObject({ kind: 'image', mediaType: 'image/tiff', pages: 3, problems: [] });
    expect(await inspectEvidenceFile(file('anime.gif'))).toMatchObject({
      kind: 'image', mediaType: 'image/gif', pages: 1, problems: ['image animée ou à plusieurs vues (3) : seule la première est reproduite'],
    });
    expect(await inspectEvidenceFile(file('image.webp'))).toMatchObject({ kind: 'image', mediaType: 'image/webp', pages: 1, problems: [] });
  });

  it('says in French what is wrong with each bad file', async () => {
    expect((await inspectEvidenceFile(file('tronquee.jpg'))).unreadable).toBe('le fichier image est tronqué (fichier incomplet)');
    expect((await inspectEvidenceFile(file('vide.jpg'))).unreadable).toBe('le fichier est vide (0 octet)');
    expect((await inspectEvidenceFile(file('absent.pdf'))).unreadable).toBe('fichier introuvable');
    expect((await inspectEvidenceFile(file('protege.pdf'))).unreadable).toBe('le PDF est protégé par un mot de passe');
    const bomb = await inspectEvidenceFile(file('bombe.png'));
    expect(bomb.unreadable).toMatch(/^image aux dimensions démesurées \(50\u202f000 × 50\u202f000 pixels/);
    expect(bomb.sha256).toBe(sha256(readFileSync(file('bombe.png'))));
  });

  it('compares the extension with the content: a PNG named .jpg is still shown, a ZIP named .pdf is not', async () => {
    const png = await inspectEvidenceFile(file('capture-en-fait.jpg'));
    expect(png.unreadable).toBeUndefined();
    expect(png.mediaType).toBe('image/png');
    expect(png.problems).toEqual(['l’extension « .jpg » ne correspond pas au contenu (image PNG) ; le contenu réel est reproduit']);
    const zip = await inspectEvidenceFile(file('releve.pdf'));
    expect(zip.unreadable).toBe('le nom annonce un PDF (« .pdf ») mais le contenu est une archive ZIP');
  });

  it('checks the extension of the name the user knows (originalName), not the stored copy’s', async () => {
    const r = await inspectEvidenceFile(file('capture.png'), { name: 'capture.jpg' });
    expect(r.problems[0]).toContain('l’extension « .jpg » ne correspond pas au contenu (image PNG)');
  });

  it('never changes the file it reads', async () => {
    const before = readFileSync(file('photo.jpg'));
    const mtime = statSync(file('photo.jpg')).mtimeMs;
    await inspectEvidenceFile(file('photo.jpg'));
    await evidenceThumbnail(file('photo.jpg'));
    expect(readFileSync(file('photo.jpg')).equals(before)).toBe(true);
    expect(statSync(file('photo.jpg')).mtimeMs).toBe(mtime);
  });

  it('reports a long text export as long, fingerprinted whole, and one with binary data further on as no text', async () => {
    const long = Buffer.from(`${messageExport()}\n`.repeat(8_000));
    expect(long.length).toBeGreaterThan(2_000_000);
    writeFileSync(file('longue-conversation.txt'), long);
    expect(await inspectEvidenceFile(file('longue-conversation.txt'))).toMatchObject({
      kind: 'text', size: long.length, sha256: sha256(long),
      problems: ['texte très long : seul le début est reproduit (environ 80 pages) ; le fichier complet est joint au PDF'],
    });
    // For the dossier: the start reproduced, the whole file attached.
    const prepared = await examine(file('longue-conversation.txt'), 'longue-conversation.txt', { image: { maxWidth: 100, maxHeight: 100, quality: 80, mozjpeg: false }, keepOriginal: false });
    expect(prepared.content).toMatchObject({ kind: 'text', truncated: true });
    expect((prepared.content as { text: string }).text.startsWith(messageExport())).toBe(true);
    expect(Buffer.from(prepared.original!).equals(long)).toBe(true);
    const binary = Buffer.concat([long, Buffer.from([0, 1, 2, 0])]);
    writeFileSync(file('fausse-conversation.txt'), binary);
    expect((await inspectEvidenceFile(file('fausse-conversation.txt'))).unreadable).toBe('le fichier contient des données binaires : ce n’est pas un texte');
  });

  it.skipIf(!heifEncAvailable())('reads an iPhone HEIC photo and its date (needs heif-enc from libheif-examples)', async () => {
    writeFileSync(file('iphone.heic'), await heicPhoto(dir));
    expect(await inspectEvidenceFile(file('iphone.heic'))).toMatchObject({ kind: 'image', mediaType: 'image/heic', takenAt: '2026-10-05', width: 640, height: 480, problems: [] });
  });
});

describe('evidenceThumbnail', () => {
  it('gives an upright preview of a photo, a PNG that keeps transparency, nothing for a PDF', async () => {
    const photo = await evidenceThumbnail(file('photo.jpg'), 128);
    expect(photo?.mediaType).toBe('image/jpeg');
    const meta = await sharp(photo?.bytes).metadata();
    expect([meta.width, meta.height]).toEqual([96, 128]);
    expect((await evidenceThumbnail(file('capture.png')))?.mediaType).toBe('image/png');
    expect(await evidenceThumbnail(file('facture.pdf'))).toBeNull();
    expect(await evidenceThumbnail(file('bombe.png'))).toBeNull();
  });
});
