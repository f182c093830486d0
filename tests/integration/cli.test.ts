/** The `recours` command as a user or a script runs it: output, files written, exit codes, French messages. */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { extractPdf } from '../support/pdf-text.js';
import { FACE_ELEMENTS, cacheFiles, embeddedFaces, sameFaces, storedFontTails } from '../support/docx-fonts.js';
import { extractDocx } from '../support/docx-text.js';
import { loadLetterFonts } from '../../core/node/fonts.js';
import { EXAMPLES_DIR, readable } from '../support/examples.js';

const run = cliRunner();

const laptop = join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json');
const phone = join(EXAMPLES_DIR, 'telephone-defectueux.json');
const tempDir = () => mkdtempSync(join(tmpdir(), 'recours-cli-'));

function writeCase(dir: string, change: (c: Record<string, any>) => void): string {
  const data = JSON.parse(readFileSync(laptop, 'utf8'));
  change(data);
  const path = join(dir, 'dossier.json');
  writeFileSync(path, JSON.stringify(data));
  return path;
}

describe('recours templates', () => {
  it('lists each template with its title, kind and disputes', async () => {
    const r = await run('templates');
    expect(r.code).toBe(0);
    expect(r.out).toContain('mise-en-demeure-livraison');
    expect(r.out).toContain('Mise en demeure de livrer');
    expect(r.out).toContain('Litiges : colis non livré, retard de livraison');
    expect(r.out).toContain('Litiges : tous les litiges');
  });
  it('gives JSON for tools', async () => {
    const r = await run('templates', '--json');
    const list = JSON.parse(r.out) as { id: string; kind: string; disputes: unknown }[];
    expect(list.find((t) => t.id === 'mise-en-demeure-livraison')).toMatchObject({ kind: 'formal-notice', disputes: ['non-delivery', 'late-delivery'] });
  });
});

describe('recours check', () => {
  it('exits 0 when the case is complete for the template', async () => {
    const r = await run('check', laptop, '--template', 'mise-en-demeure-livraison');
    expect(r.code).toBe(0);
    expect(r.out).toContain('est complet pour « Mise en demeure de livrer');
  });
  it('lists every missing fact and exits 1', async () => {
    const dir = tempDir();
    const path = writeCase(dir, (c) => {
      delete c.order.date;
      c.order.total = 'huit cents';
      c.claimant.email = 'non';
    });
    const r = await run('check', path, '--template', 'mise-en-demeure-livraison');
    expect(r.code).toBe(1);
    expect(r.out).toContain('3 problème(s)');
    expect(r.out).toContain('Date de commande (order.date) : champ obligatoire manquant');
    expect(r.out).toContain('Montant total de la commande (order.total) : « huit cents » doit être un nombre');
    expect(r.out).toContain('Adresse e-mail (claimant.email) : « non » n’est pas une adresse e-mail valide');
  });
  it('says when a template does not fit the dispute', async () => {
    const r = await run('check', phone, '--template', 'mise-en-demeure-livraison');
    expect(r.code).toBe(1);
    expect(r.out).toContain('ne traite pas le cas « produit défectueux »');
  });
  it('points to the line and column of broken JSON', async () => {
    const dir = tempDir();
    const path = join(dir, 'casse.json');
    writeFileSync(path, '{\n  "format": "recours/case@1",\n  "claimant": { "firstName": "A" \n}');
    const r = await run('check', path);
    expect(r.code).toBe(1);
    expect(r.out).toContain('ce n’est pas du JSON valide (ligne 4, colonne 2) : virgule ou fermeture (« } » ou « ] ») attendue.');
  });
  it('names a file that does not exist', async () => {
    const r = await run('check', '/nulle/part/dossier.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dossier « /nulle/part/dossier.json » : fichier introuvable.');
  });
});

describe('recours generate', () => {
  it('writes the PDF and the DOCX and prints each path', async () => {
    const dir = tempDir();
    const r = await run('generate', laptop, '--template', 'mise-en-demeure-livraison', '--out', dir);
    expect(r.code).toBe(0);
    const paths = r.out.split('\n');
    expect(paths).toEqual([join(dir, 'mise-en-demeure-livraison_2026-11-25.pdf'), join(dir, 'mise-en-demeure-livraison_2026-11-25.docx')]);
    const pdf = await extractPdf(readFileSync(paths[0]!));
    const pdfText = readable(pdf.pages.join(' '));
    expect(pdfText).toContain('Mise en demeure de livrer');
    expect(pdfText).toContain('402-7719254-3381946');
    expect(pdfText).toContain('849,99 €');
    const docx = await extractDocx(readFileSync(paths[1]!));
    expect(readable(docx.text)).toContain('M. Karim Benali');
  });
  it('writes only the formats asked for', async () => {
    const dir = tempDir();
    const r = await run('generate', laptop, '--template', 'reclamation-service-client', '--out', dir, '--format', 'docx');
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['reclamation-service-client_2026-11-25.docx']);
  });
  it('writes nothing for an invalid case, explains in French on stderr and exits 1', async () => {
    const dir = tempDir();
    const out = join(dir, 'sortie');
    const path = writeCase(dir, (c) => (c.order.number = '12345'));
    const r = await run('generate', path, '--template', 'mise-en-demeure-livraison', '--out', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('Lettre non produite');
    expect(r.err).toContain('« 12345 » n’est pas un numéro de commande Amazon');
    expect(existsSync(out)).toBe(false);
  });
  it('lists every fact the template needs and writes nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'sortie');
    const path = writeCase(dir, (c) => delete c.order);
    const r = await run('generate', path, '--template', 'mise-en-demeure-livraison', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Commande (order) : nécessaire pour « Mise en demeure de livrer');
    expect(r.err).toContain('Date de commande (order.date) : nécessaire');
    expect(existsSync(out)).toBe(false);
  });
  it.each([
    [['generate', laptop, '--out', '/tmp/x'], 'option --template manquante'],
    [['generate', laptop, '--template', 'mise-en-demeure-livraison'], 'option --out manquante'],
    [['generate', laptop, '--template', 'inconnu', '--out', '/tmp/x'], 'modèle inconnu « inconnu ». Modèles disponibles : abonnement-prime, contestation-bancaire, demande-conciliateur, demande-reexamen, demande-rgpd-acces, demande-rgpd-effacement, incident-securite-compte, mise-en-demeure-abonnement, mise-en-demeure-conformite, mise-en-demeure-livraison, mise-en-demeure-remboursement, mise-en-demeure-vices-caches, notification-dsa, petits-litiges-europeens, plainte-cnil, plainte-ddpp, reclamation-cec-france, reclamation-contrefacon, reclamation-garantie-a-z, reclamation-service-client, recouvrement-petites-creances, reexamen-refus-banque, requete-injonction-payer, requete-tribunal, saisine-mediateur-bancaire, saisine-mediateur, signalconso, signalement-douane, vendeur-marketplace'],
    [['generate', laptop, '--template', 'mise-en-demeure-livraison', '--out', '/tmp/x', '--format', 'odt'], 'format inconnu « odt »'],
    [['generate', laptop, '--bogus'], 'option inconnue « --bogus »'],
    [['envoyer'], 'commande inconnue « envoyer »'],
  ])('usage error %j exits 2 with a French message', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('Usage :');
  });
});

describe('recours --version', () => {
  it('prints the version from package.json', async () => {
    const r = await run('--version');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`recours ${JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version}`);
  });
});

describe('the installed command', () => {
  it('runs as `recours` from bin/ (compiled by npm install)', async () => {
    const bin = join(import.meta.dirname, '../../bin/recours.js');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'templates', '--json']);
    expect(JSON.parse(stdout).map((t: { id: string }) => t.id)).toContain('mise-en-demeure-livraison');
  });
  it('writes, from its bundle, the letter the sources write: same PDF and DOCX text, fonts embedded, parts deflated', async () => {
    // The bundle (scripts/bundle-cli.mjs) swaps pako for zlib and has docx store its parts for zlib to deflate.
    const bin = join(import.meta.dirname, '../../bin/recours.js');
    const [installed, sources] = [tempDir(), tempDir()];
    const args = ['generate', laptop, '--template', 'mise-en-demeure-livraison', '--today', '2026-11-25'];
    await promisify(execFile)(process.execPath, [bin, ...args, '--out', installed]);
    expect((await run(...args, '--out', sources)).code).toBe(0);
    const read = (dir: string, ext: string) => readFileSync(join(dir, `mise-en-demeure-livraison_2026-11-25.${ext}`));
    const [pdf, pdfFromSources] = await Promise.all([extractPdf(read(installed, 'pdf')), extractPdf(read(sources, 'pdf'))]);
    expect(pdf.pages).toEqual(pdfFromSources.pages);
    expect(pdf.fonts).toEqual(pdfFromSources.fonts);
    const [docx, docxFromSources] = await Promise.all([extractDocx(read(installed, 'docx')), extractDocx(read(sources, 'docx'))]);
    expect({ ...docx, coreProperties: undefined }).toEqual({ ...docxFromSources, coreProperties: undefined });
    expect(docx.fontsEmbedded).toHaveLength(4);
    // Every part deflated: the DOCX is no bigger than the one the sources write, give or take the compressor.
    expect(read(installed, 'docx').byteLength).toBeLessThan(read(sources, 'docx').byteLength * 1.02);
  });
  it('embeds in the DOCX, from its bundle, the faces deflated at build time (dist/font-tails/)', async () => {
    const bin = join(import.meta.dirname, '../../bin/recours.js');
    const out = tempDir();
    await promisify(execFile)(process.execPath, [bin, 'generate', laptop, '--template', 'mise-en-demeure-livraison', '--today', '2026-11-25', '--format', 'docx', '--out', out]);
    const docx = readFileSync(join(out, 'mise-en-demeure-livraison_2026-11-25.docx'));
    const cached = cacheFiles(join(import.meta.dirname, '../../dist/font-tails'));
    expect(storedFontTails(docx).map((tail) => cached.findIndex((c) => c.equals(tail))).sort()).toEqual([0, 1, 2, 3]);
    expect(sameFaces(await embeddedFaces(docx), loadLetterFonts())).toEqual(FACE_ELEMENTS);
  });
  it('stops quietly when the reader closes the pipe early (`recours templates | head -1`)', async () => {
    const bin = join(import.meta.dirname, '../../bin/recours.js');
    const child = spawn(process.execPath, [bin, 'templates'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
