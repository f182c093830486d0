/**
 * Evidence stays in its case: `/etc/passwd`, `../../../../etc/passwd` and a symlink to a system file are not
 * reproduced in the dossier nor read by `recours evidence` — each gets a placeholder and a warning naming it —
 * unless --allow-outside is given. A folder or a FIFO is « pas un fichier ordinaire ».
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../support/cli.js';
import { EXAMPLES_DIR } from '../support/examples.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';

const run = cliRunner(normaliseSpaces);

const dir = mkdtempSync(join(tmpdir(), 'recours-dehors-'));
const casePath = join(dir, 'affaire', 'dossier.json');
const BASE = 'mise-en-demeure-livraison_2026-11-25';
const OUTSIDE = ['/etc/passwd', '../../../../../../../../etc/passwd', 'pieces/lien-systeme.txt'];

beforeAll(() => {
  const pieces = join(dir, 'affaire', 'pieces');
  mkdirSync(pieces, { recursive: true });
  for (const f of readdirSync(join(EXAMPLES_DIR, 'pieces'))) copyFileSync(join(EXAMPLES_DIR, 'pieces', f), join(pieces, f));
  symlinkSync('/etc/passwd', join(pieces, 'lien-systeme.txt'));
  // A symlink that stays inside the case is fine.
  symlinkSync(join(pieces, 'suivi-colis.txt'), join(pieces, 'lien-interne.txt'));
  mkdirSync(join(pieces, 'un-dossier'));
  execFileSync('mkfifo', [join(pieces, 'tube')]);
  const c = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'ordinateur-livre-jamais-recu.json'), 'utf8'));
  c.evidence = [
    ...OUTSIDE.map((file, i) => ({ id: `dehors${i + 1}`, file, title: `Pièce douteuse ${i + 1}` })),
    { id: 'interne', file: 'pieces/lien-interne.txt', title: 'Suivi (lien interne)' },
    { id: 'dossier', file: 'pieces/un-dossier', title: 'Un dossier' },
    { id: 'tube', file: 'pieces/tube', title: 'Un tube' },
  ];
  writeFileSync(casePath, JSON.stringify(c, null, 2));
});

describe('evidence outside the case folder', () => {
  it('recours evidence refuses each outside path, reads nothing of it, and says why', async () => {
    const r = await run('evidence', casePath, '--json');
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.out) as { file: string; unreadable?: string; sha256: string; size: number }[];
    for (const file of OUTSIDE) {
      const report = reports.find((x) => x.file === file);
      expect(report?.unreadable, file).toMatch(/^le fichier est en dehors du dossier de l’affaire/);
      expect(report?.sha256, file).toBe('');
      expect(report?.size, file).toBe(0);
    }
    expect(reports.find((x) => x.file === 'pieces/lien-interne.txt')?.unreadable).toBeUndefined();
    expect(reports.find((x) => x.file === 'pieces/un-dossier')?.unreadable).toMatch(/^n’est pas un fichier ordinaire/);
    expect(reports.find((x) => x.file === 'pieces/tube')?.unreadable).toMatch(/^n’est pas un fichier ordinaire/);
  }, 30_000);

  it('recours generate --dossier gives each a placeholder and a warning, and never prints the file', async () => {
    const out = join(dir, 'sortie');
    const r = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', out, '--dossier');
    expect(r.code).toBe(0);
    OUTSIDE.forEach((file, i) => {
      const name = file.split('/').pop();
      expect(r.err).toContain(`Attention : Pièce n° ${i + 1} (« ${name} ») non reproduite : le fichier est en dehors du dossier de l’affaire`);
    });
    const text = (await extractPdf(readFileSync(join(out, `${BASE}_dossier.pdf`)))).text;
    expect(text).not.toContain('root:x:0:0');
    expect(normaliseSpaces(text).replace(/\n/g, ' ')).toContain('Pièce n° 1 non reproduite : le fichier est en dehors du dossier de l’affaire');
    // The symlink inside the case is reproduced.
    expect(r.err).not.toContain('« lien-interne.txt »');
  }, 60_000);

  it('reproduces them with --allow-outside', async () => {
    const out = join(dir, 'sortie-autorisee');
    const r = await run('generate', casePath, '--template', 'mise-en-demeure-livraison', '--out', out, '--dossier', '--allow-outside');
    expect(r.code).toBe(0);
    expect(r.err).not.toContain('en dehors du dossier');
    expect((await extractPdf(readFileSync(join(out, `${BASE}_dossier.pdf`)))).text).toContain('root:x:0:0');
  }, 60_000);
});
