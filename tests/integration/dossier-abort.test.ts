/**
 * A dossier can be cancelled, and no exhibit can hold it up: past its time limit an exhibit becomes a placeholder
 * and the dossier is still produced.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDossier } from '../../core/node/dossier/index.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { mediumPhoto, simplePdf } from '../support/fixtures-evidence.js';
import { caseWith, letterFor } from '../support/fixtures-dossier.js';

const dir = mkdtempSync(join(tmpdir(), 'recours-abort-'));
const c = caseWith([
  { file: 'a.jpg', title: 'Photo A' },
  { file: 'b.jpg', title: 'Photo B' },
  { file: 'c.pdf', title: 'Document C' },
  { file: 'd.jpg', title: 'Photo D' },
]);
let letter: Awaited<ReturnType<typeof letterFor>>;

beforeAll(async () => {
  const photo = await mediumPhoto();
  for (const name of ['a.jpg', 'b.jpg', 'd.jpg']) writeFileSync(join(dir, name), photo);
  writeFileSync(join(dir, 'c.pdf'), await simplePdf('DOCUMENT C'));
  letter = await letterFor(c);
});

describe('dossier under pressure', () => {
  it('stops when its signal aborts, with an AbortError', async () => {
    const controller = new AbortController();
    const run = assembleDossier({
      caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25',
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // The workers it stopped are replaced: the next dossier is complete.
    const next = await assembleDossier({ caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25' });
    expect(next.warnings).toEqual([]);
  });

  it('turns an exhibit that takes too long into a placeholder, and produces the rest', async () => {
    const r = await assembleDossier({ caseFile: c, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25', timeoutMs: 1 });
    const text = normaliseSpaces((await extractPdf(r.dossierPdf)).text.replace(/\n/g, ' '));
    expect(text).toContain('Pièce n° 1 non reproduite : l’analyse du fichier a été interrompue après 1 ms (fichier probablement malformé)');
    expect(r.warnings[0]).toMatch(/^Pièce n°\u00a01 \(« a\.jpg »\) non reproduite : l’analyse du fichier a été interrompue/);
    // Fingerprints are still given, computed outside the worker.
    expect(r.entries.every((e) => /^[0-9a-f]{64}$/.test(e.sha256))).toBe(true);
  });
});
