/**
 * A file name with a right-to-left override (« facture\u202Efdp.exe » reads « factureexe.pdf ») is shown as its
 * characters go, without the override, wherever Recours quotes it: the API's error messages (import, archive)
 * and the bordereau of the dossier, as parsed from its PDF and its DOCX.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiMethod, type ApiParams } from '../../core/common/api/contract.js';
import { createApiDispatcher } from '../../core/node/api/index.js';
import { assembleDossier } from '../../core/node/dossier/index.js';
import { createMemorySettingsStore } from '../../core/node/settings/index.js';
import { extractDocx } from '../support/docx-text.js';
import { caseWith, letterFor } from '../support/fixtures-dossier.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';

const RLO = '\u202E';

function setup() {
  const dispatcher = createApiDispatcher({ dataDir: mkdtempSync(join(tmpdir(), 'recours-noms-')), settings: createMemorySettingsStore(), log: () => {} });
  return <M extends ApiMethod>(method: M, params: ApiParams<M>) => dispatcher.call(method, params);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(ApiError);
  return (e as ApiError).message;
}

describe('file names in the API’s messages', () => {
  it('an import refused names the file without its override', async () => {
    const call = setup();
    const message = await refusal(call('proposeImport', { name: `commandes${RLO}vsc.csv`, bytes: new Uint8Array([0x4f, 0x72, 0xff, 0xfe, 0x0a]) }));
    expect(message).toBe('Import impossible : « commandesvsc.csv » : le fichier « commandesvsc.csv » n’est pas un texte UTF-8. Rien n’a été modifié.');
    expect(message).not.toContain(RLO);
  });

  it('an archive refused names its entry without its override', async () => {
    const call = setup();
    const bytes = zipSync({ 'manifest.json': new TextEncoder().encode('{}'), [`pieces/${RLO}fdp.exe`]: new Uint8Array([1]) });
    const message = await refusal(call('importCase', { bytes }));
    expect(message).toBe('Fichier .recours non importé : il contient des fichiers inattendus (« pieces/fdp.exe »).');
  });
});

describe('file names in the bordereau', () => {
  it('lists the piece under its name without the override', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recours-noms-dossier-'));
    mkdirSync(join(dir, 'pieces'));
    writeFileSync(join(dir, 'pieces', 'suivi.txt'), 'Colis en cours d’acheminement.\n');
    const caseFile = caseWith([{ file: 'pieces/suivi.txt', title: 'Suivi du colis', originalName: `suivi${RLO}txt.exe` }]);
    const letter = await letterFor(caseFile);
    const result = await assembleDossier({ caseFile, caseDir: dir, letterPdf: letter.pdf, letterTitle: letter.title, today: '2026-11-25' });
    const bordereau = (await extractPdf(result.bordereauPdf)).text;
    expect(normaliseSpaces(bordereau).replace(/\s+/g, '')).toContain('suivitxt.exe');
    expect(bordereau).not.toContain(RLO);
    // The PDF writer drops bidirectional controls itself; the DOCX bordereau, opened in a word processor, did not.
    const docx = (await extractDocx(result.bordereauDocx)).text;
    expect(docx.replace(/\s+/g, '')).toContain('suivitxt.exe');
    expect(docx).not.toContain(RLO);
    const dossier = (await extractPdf(result.dossierPdf)).text;
    expect(dossier).not.toContain(RLO);
    expect(result.warnings.join('\n')).not.toContain(RLO);
  }, 60_000);
});
