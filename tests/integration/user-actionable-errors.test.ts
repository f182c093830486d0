/**
 * Conditions the user can act on get a French sentence saying what to do, never « Erreur interne »: a read-only
 * data folder, a full disk, a locked file; a FIFO, device or folder given as a piece; a file name that a
 * bidirectional control would show reversed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayFileName } from '../../core/common/format/display-name.js';
import { toApiError } from '../../core/node/api/dispatcher.js';
import { inspectEvidenceFile } from '../../core/node/evidence/index.js';
import { createCaseStore } from '../../core/node/store/index.js';

const errno = (code: string, path = '/donnees/recours/case.json') => Object.assign(new Error(`${code}: failed, open '${path}'`), { code, path });

describe('file-system errors through the API', () => {
  it('explains a read-only folder, a full disk and a locked file, and says what to do', () => {
    expect(toApiError(errno('EROFS')).payload.message).toBe(
      'Le dossier des données « /donnees/recours/case.json » est en lecture seule (clé USB verrouillée, disque monté en lecture seule ?) : rien n’a été enregistré. Rendez-le modifiable ou choisissez un autre dossier, puis recommencez.',
    );
    expect(toApiError(errno('ENOSPC')).payload.message).toBe('Le disque est plein : rien n’a été enregistré. Libérez de la place et recommencez.');
    expect(toApiError(errno('EBUSY', 'C:\\Recours\\lettre.docx')).payload.message).toBe(
      'Le fichier « C:\\Recours\\lettre.docx » est verrouillé par un autre programme (traitement de texte, antivirus, synchronisation ?) : fermez-le et recommencez.',
    );
    for (const code of ['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EBUSY']) expect(toApiError(errno(code)).payload.message).not.toMatch(/Erreur interne/);
  });

  // Root writes anywhere: a folder's permissions cannot refuse it anything.
  it.skipIf(process.getuid?.() === 0)('answers a save into a folder that cannot be written with advice, not « Erreur interne »', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recours-ro-'));
    const store = createCaseStore({ dataDir });
    const { id } = await store.create({});
    chmodSync(join(dataDir, id), 0o500);
    try {
      const error = await store.saveDraft(id, { claimant: { lastName: 'Martin' } }).catch((e: unknown) => e);
      expect(toApiError(error).payload.message).toMatch(/^Accès refusé au fichier « .* » : rien n’a été enregistré\. Vérifiez que vous avez le droit d’écrire/);
    } finally {
      chmodSync(join(dataDir, id), 0o700);
    }
  });
});

describe('pieces that are not regular files', () => {
  it('calls a FIFO, a device and a folder « n’est pas un fichier ordinaire », not « vide (0 octet) »', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recours-fifo-'));
    const fifo = join(dir, 'tube.pdf');
    execFileSync('mkfifo', [fifo]);
    for (const path of [fifo, '/dev/zero', dir]) {
      const report = await inspectEvidenceFile(path);
      expect(report.unreadable, path).toBe('n’est pas un fichier ordinaire (dossier, tube ou périphérique) : rien n’est lu');
    }
  });

  it('refuses to copy a FIFO into a case instead of waiting for it forever', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recours-fifo-'));
    const fifo = join(dir, 'tube.pdf');
    execFileSync('mkfifo', [fifo]);
    const store = createCaseStore({ dataDir: join(dir, 'donnees') });
    const { id } = await store.create({});
    await expect(store.copyPiece(id, fifo)).rejects.toThrow('« tube.pdf » n’est pas un fichier ordinaire (dossier, tube ou périphérique) : rien n’a été ajouté.');
  });
});

describe('file names shown in the UI', () => {
  it('removes bidirectional controls and invisible characters, so a name reads in the order of its characters', () => {
    expect(displayFileName('facture\u202Efdp.exe')).toBe('facturefdp.exe');
    expect(displayFileName('\u2067photo\u2069\u200B\u200E.jpg\uFEFF')).toBe('photo.jpg');
    expect(displayFileName('ligne\nsuivante\t.txt')).toBe('lignesuivante.txt');
    expect(displayFileName('reçu n°\u00A03 – été.pdf')).toBe('reçu n°\u00A03 – été.pdf');
    expect(displayFileName('\u202E\u200B')).toBe('(sans nom)');
  });
});
