/** `recours generate --dossier` and `recours evidence` as a user runs them: files, messages, exit codes. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { EXAMPLES_DIR } from '../support/examples.js';
import { encryptedPdf, mediumPhoto, sha256 } from '../support/fixtures-evidence.js';
import { pdfAttachments } from '../support/fixtures-dossier.js';

const run = cliRunner({ err: normaliseSpaces });

const dir = mkdtempSync(join(tmpdir(), 'recours-dossier-cli-'));
const casePath = join(dir, 'dossier.json');
const BASE = 'mise-en-demeure-livraison_2026-11-25';

beforeAll(async () => {
  // The laptop example with its three text exhibits, a photo (stored by the case store under its fingerprint,
  // with the user's file name kept) and a password-protected PDF.
  mkdirSync(join(dir, 'pieces'));
  for (const f of readdirSync(join(EXAMPLES_DIR, 'pieces'))) copyFileSync(join(EXAMPLES_DIR, 'pieces', f), join(dir, 'pieces', f));
  const photo = await mediumPhoto();
  writeFileSync(join(dir, 'pieces', `${sha256(photo)}.jpg`), photo);
  writeFileSync(join(dir, 'pieces', 'releve.pdf'), encryptedPdf());
  const c = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json'), 'utf8'));
  c.evidence.push(
    { id: 'carton', file: `pieces/${sha256(photo)}.jpg`, originalName: 'IMG_2041.JPG', title: 'Photo du carton vide' },
    { id: 'releve', file: 'pieces/releve.pdf', title: 'Relevé bancaire' },
  );
  writeFileSync(casePath, JSON.stringify(c, null, 2));
});

describe('recours generate --dossier', () => {
  it('writes the letter, the bordereau and the dossier, prints each path, warns about each bad exhibit on stderr', async () => {
    const caseBefore = readFileSync(casePath);
    const out = join(dir, 'sortie');
    const r = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', out, '--dossier');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      join(out, `${BASE}.pdf`),
      join(out, `${BASE}.docx`),
      join(out, `${BASE}_bordereau.pdf`),
      join(out, `${BASE}_bordereau.docx`),
      join(out, `${BASE}_dossier.pdf`),
    ]);
    for (const path of r.out.split('\n')) expect(existsSync(path)).toBe(true);
    expect(r.err).toContain('Attention : Pièce n° 5 (« releve.pdf ») non reproduite : le PDF est protégé par un mot de passe.');
    // The case file is never rewritten.
    expect(readFileSync(casePath).equals(caseBefore)).toBe(true);
    // The bordereau shows the name the user knows, not the stored copy's.
    const bordereau = normaliseSpaces((await extractPdf(readFileSync(join(out, `${BASE}_bordereau.pdf`)))).text);
    expect(bordereau).toContain('IMG_2041.JPG');
    // A protected PDF cannot be cleaned of scripts: it is attached only with --attach-originals.
    expect(await pdfAttachments(readFileSync(join(out, `${BASE}_dossier.pdf`)))).toEqual([]);
  });

  it('attaches every original with --attach-originals', async () => {
    const out = join(dir, 'originaux');
    const r = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', out, '--dossier', '--attach-originals', '--format', 'pdf');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toHaveLength(4);
    expect(await pdfAttachments(readFileSync(join(out, `${BASE}_dossier.pdf`)))).toEqual([
      'piece-01-confirmation-commande.txt',
      'piece-02-suivi-colis.txt',
      'piece-03-attestation-gardien.txt',
      'piece-04-IMG_2041.JPG',
      'piece-05-releve.pdf',
    ]);
  });

  it('says what --max-size chose; exits 1 but still writes the dossier when it cannot fit', async () => {
    const fits = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', join(dir, 'grand'), '--dossier', '--max-size', '10MB');
    expect(fits.code).toBe(0);
    expect(fits.err).toMatch(/Limite de 10 Mo respectée sans réduction : photos à 200 dpi, qualité JPEG 80 ; dossier de [\d,]+ Ko\./);
    const out = join(dir, 'petit');
    const tight = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', out, '--dossier', '--max-size', '50Ko');
    expect(tight.code).toBe(1);
    expect(tight.err).toMatch(/Le dossier pèse [\d,]+ Ko : il dépasse de [\d,]+ Ko la limite de 50 Ko\./);
    expect(existsSync(join(out, `${BASE}_dossier.pdf`))).toBe(true);
  });

  it('refuses a size it cannot read, and the dossier options without --dossier (exit 2)', async () => {
    const bad = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', dir, '--dossier', '--max-size', 'beaucoup');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Erreur : taille incorrecte « beaucoup » pour --max-size : écrivez par exemple 10MB, 10Mo, 500KB ou 10M.');
    const alone = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', dir, '--attach-originals');
    expect(alone.code).toBe(2);
    expect(alone.err).toContain('--attach-originals ne s’emploie qu’avec --dossier');
  });
});

describe('recours evidence', () => {
  it('lists each exhibit with its type, pages, date and fingerprint, and the problems; exit 1 when one is unusable', async () => {
    const r = await run('evidence', casePath);
    expect(r.code).toBe(1);
    const out = r.out.replace(/[\u00a0\u202f]/g, ' ');
    expect(out).toContain('Pièce n° 1 — Confirmation de commande (clé « confirmation »)');
    expect(out).toContain(`SHA-256 : ${sha256(readFileSync(join(dir, 'pieces', 'suivi-colis.txt')))}`);
    expect(out).toContain('Pièce n° 4 — Photo du carton vide (clé « carton »)\n  Fichier : IMG_2041.JPG — image JPEG');
    expect(out).toContain('Pièce n° 5 — Relevé bancaire (clé « releve »)');
    expect(out).toContain('Non reproductible : le PDF est protégé par un mot de passe');
    expect(out).toContain('5 pièce(s), dont 1 non reproductible(s).');
  });

  it('gives JSON for tools', async () => {
    const r = await run('evidence', casePath, '--json');
    const list = JSON.parse(r.out) as { number: number; kind: string; sha256: string; problems: string[] }[];
    expect(list.map((e) => e.kind)).toEqual(['text', 'text', 'text', 'image', 'pdf']);
    expect(list[4]?.problems).toEqual(['le PDF est protégé par un mot de passe']);
  });

  it('exits 0 when every exhibit can be reproduced', async () => {
    const r = await run('evidence', join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json'));
    expect(r.code).toBe(0);
    expect(normaliseSpaces(r.out)).toContain('3 pièce(s), toutes reproductibles.');
  });
});
