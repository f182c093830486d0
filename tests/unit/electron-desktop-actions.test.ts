/**
 * Desktop-only actions with every system service faked: the files a user picks, the documents they open,
 * print or e-mail, and the background dossier — what ends up on disk and what the user is told.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type StoredCase } from '../../core/common/api/contract.js';
import { createApiDispatcher } from '../../core/node/api/index.js';
import { createMemorySettingsStore } from '../../core/node/settings/index.js';
import { createDesktopActions, MAX_EVIDENCE_BYTES, type CoreHost, type DesktopDeps } from '../../electron/main/desktop-actions.js';
import { FakeWebContents } from '../stubs/electron.js';

const CASE_ID = '2026-11-25-abcdefgh';
const LETTER = new TextEncoder().encode('%PDF-1.7 lettre');
const DOSSIER = new Uint8Array(300_000).map((_, i) => (i * 7) % 256);

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'recours-desktop-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function setup(overrides: Partial<DesktopDeps> = {}) {
  const folder = join(dir, CASE_ID, 'documents', 'doc-12345678');
  const host: CoreHost = {
    importCaseFile: vi.fn(async () => ({ id: '2026-11-26-zzzzzzzz' }) as never),
    exportCaseFile: vi.fn(async () => null),
    addEvidenceFile: vi.fn(async (_caseId: string, path: string) => {
      if (path.endsWith('vide.jpg')) throw new ApiError({ code: 'invalid-request', message: '« vide.jpg » est vide.' });
      return { id: CASE_ID, evidence: [{ originalName: path.split('/').at(-1) }] } as never;
    }),
    documentPath: vi.fn(async (_caseId: string, _documentId: string, format: string) => {
      await mkdir(folder, { recursive: true });
      const [name, bytes] = format === 'dossier' ? ['Dossier de pièces.pdf', DOSSIER] : ['Mise en demeure.pdf', LETTER];
      await writeFile(join(folder, name), bytes);
      return { path: join(folder, name), name, mediaType: 'application/pdf' };
    }),
    generateDocument: vi.fn(async (_params, hooks) => {
      hooks?.onProgress?.(2, 5, 'Pièce n° 2 : photo.jpg');
      return { document: { id: 'doc-12345678' }, warnings: [] } as never;
    }),
  };
  const deps: DesktopDeps = {
    host,
    settings: { get: async () => ({ sender: null, defaultPlace: '', documentsDir: '', emailSizeLimit: 10_000_000 }), set: async (s) => s },
    chooseFiles: vi.fn(async () => []),
    chooseSavePath: vi.fn(async () => null),
    openPath: vi.fn(async () => ''),
    showItemInFolder: vi.fn(),
    openExternal: vi.fn(async () => {}),
    print: vi.fn(async () => 'dialog' as const),
    sendEvent: vi.fn(),
    ...overrides,
  };
  return { deps, actions: createDesktopActions(deps), host, folder };
}

const sender = new FakeWebContents() as never;

describe('evidence chosen in the system dialog', () => {
  it('adds each chosen file to the case (copied by core from the dialog’s path), and reports the ones refused', async () => {
    await writeFile(join(dir, 'photo colis.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    await writeFile(join(dir, 'vide.jpg'), new Uint8Array());
    await writeFile(join(dir, 'film.mp4'), '');
    await truncate(join(dir, 'film.mp4'), MAX_EVIDENCE_BYTES + 1); // sparse: nothing is really written
    const { actions, host } = setup({ chooseFiles: vi.fn(async () => [join(dir, 'photo colis.jpg'), join(dir, 'vide.jpg'), join(dir, 'film.mp4'), dir]) });
    const result = await actions.chooseEvidence({ caseId: CASE_ID }, sender);
    expect(result.cancelled).toBe(false);
    expect(result.case).toEqual({ id: CASE_ID, evidence: [{ originalName: 'photo colis.jpg' }] });
    expect(result.errors).toEqual([
      '« vide.jpg » est vide.',
      '« film.mp4 » est trop lourd (220\u00a0Mo) : 220\u00a0Mo au plus.',
      `« ${dir.split('/').at(-1)} » n’est pas un fichier.`,
    ]);
    expect(host.addEvidenceFile).toHaveBeenCalledWith(CASE_ID, join(dir, 'photo colis.jpg'));
    expect(host.addEvidenceFile).toHaveBeenCalledTimes(2);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { actions, host } = setup();
    expect(await actions.chooseEvidence({ caseId: CASE_ID }, sender)).toEqual({ cancelled: true, case: null, errors: [] });
    expect(host.addEvidenceFile).not.toHaveBeenCalled();
  });
});

describe('import and export of .recours files', () => {
  it('imports the chosen file by its path', async () => {
    await writeFile(join(dir, 'ancien.recours'), new Uint8Array([9, 9]));
    const { actions, host } = setup({ chooseFiles: vi.fn(async () => [join(dir, 'ancien.recours')]) });
    expect(await actions.importCaseFile({}, sender)).toEqual({ cancelled: false, case: { id: '2026-11-26-zzzzzzzz' } });
    // By its path, so that core streams it: a large archive is never read whole into the main process.
    expect(host.importCaseFile).toHaveBeenCalledWith(join(dir, 'ancien.recours'));
  });

  /** A real case with a photo, behind core's real host (the archive written by core, as in the app). */
  async function realCase() {
    const dispatcher = createApiDispatcher({ dataDir: join(dir, 'donnees'), settings: createMemorySettingsStore() });
    const { id } = (await dispatcher.call('createCase', { disputeType: 'non-delivery' })) as StoredCase;
    const photo = new Uint8Array(200_000).map((_, i) => (i * 31) % 251);
    await dispatcher.call('addEvidence', { id, name: 'boîte aux lettres.jpg', bytes: photo });
    return { dispatcher, id, photo };
  }

  it('asks for the path first, then has core write the archive straight there, whole (no temporary file left)', async () => {
    const { dispatcher, id, photo } = await realCase();
    const out = join(dir, 'sauvegardes');
    await mkdir(out);
    const chooseSavePath = vi.fn(async (name: string) => join(out, `copie de ${name}`));
    const { actions } = setup({ host: { ...setup().host, exportCaseFile: dispatcher.host.exportCaseFile }, chooseSavePath });
    const result = await actions.exportCaseFile({ caseId: id }, sender);
    expect(chooseSavePath).toHaveBeenCalledWith(`dossier-${id}.recours`);
    expect(result).toEqual({ cancelled: false, fileName: `copie de dossier-${id}.recours` });
    expect(await readdir(out)).toEqual([`copie de dossier-${id}.recours`]);
    const copy = (await dispatcher.host.importCaseFile(join(out, `copie de dossier-${id}.recours`))) as StoredCase;
    const piece = copy.evidence[0]!;
    expect(piece.originalName).toBe('boîte aux lettres.jpg');
    // A piece is named by its SHA-256, checked by the import against the file it installs.
    expect(piece).toMatchObject({ id: createHash('sha256').update(photo).digest('hex'), size: photo.length });
  });

  it('writes nothing when the save dialog is cancelled, and says in French when the case is gone', async () => {
    const { dispatcher, id } = await realCase();
    const { actions } = setup({ host: { ...setup().host, exportCaseFile: dispatcher.host.exportCaseFile } });
    expect(await actions.exportCaseFile({ caseId: id }, sender)).toEqual({ cancelled: true, fileName: null });
    expect((await readdir(dir)).sort()).toEqual(['donnees']);
    await dispatcher.call('deleteCase', { id });
    await expect(actions.exportCaseFile({ caseId: id }, sender)).rejects.toMatchObject({ payload: { code: 'not-found', message: expect.stringMatching(/^Dossier .* introuvable/) } });
  });
});

describe('generated documents', () => {
  it('opens, shows and prints the document file of the case folder, found by its ids', async () => {
    const { actions, deps, host, folder } = setup();
    const ref = { caseId: CASE_ID, documentId: 'doc-12345678', format: 'pdf' as const };
    const path = join(folder, 'Mise en demeure.pdf');
    expect(await actions.openDocument(ref, sender)).toEqual({ opened: true });
    expect(host.documentPath).toHaveBeenCalledWith(CASE_ID, 'doc-12345678', 'pdf');
    expect(deps.openPath).toHaveBeenCalledWith(path);
    expect(await actions.showDocument(ref, sender)).toEqual({ shown: true });
    expect(deps.showItemInFolder).toHaveBeenCalledWith(path);
    expect(await actions.printDocument({ ...ref, format: 'dossier' }, sender)).toEqual({ method: 'dialog' });
    expect(deps.print).toHaveBeenCalledWith(join(folder, 'Dossier de pièces.pdf'));
  });

  it('says in French when no program can open the document', async () => {
    const { actions } = setup({ openPath: vi.fn(async () => 'Aucune application associée') });
    await expect(actions.openDocument({ caseId: CASE_ID, documentId: 'doc-12345678', format: 'pdf' }, sender)).rejects.toMatchObject({
      payload: { code: 'failed', message: 'Impossible d’ouvrir « Mise en demeure.pdf » : Aucune application associée' },
    });
  });

});

describe('« Envoyer par e-mail »', () => {
  const email = {
    caseId: CASE_ID,
    documents: [{ documentId: 'doc-12345678', format: 'pdf' as const }, { documentId: 'doc-12345678', format: 'dossier' as const }],
    to: ['service-client@amazon.fr'],
    subject: 'Mise en demeure — commande 402-1234567-8901234',
    body: 'Madame, Monsieur,\n\nVeuillez trouver ci-joint ma mise en demeure.',
  };

  it('writes the draft next to the documents, with the PDFs attached, and opens it in the mail program', async () => {
    const { actions, deps, folder } = setup();
    const result = await actions.emailDocuments(email, sender);
    expect(result).toEqual({ method: 'draft', fileName: 'Mise en demeure — commande 402-1234567-8901234.eml', warning: null });
    const path = join(folder, result.fileName);
    expect(deps.openPath).toHaveBeenCalledWith(path);
    const parsed = await PostalMime.parse(await readFile(path));
    expect(parsed.to).toEqual([{ address: 'service-client@amazon.fr', name: '' }]);
    expect(parsed.subject).toBe(email.subject);
    expect(parsed.headers.find((h) => h.key === 'x-unsent')?.value).toBe('1');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['Mise en demeure.pdf', 'Dossier de pièces.pdf']);
    expect(new Uint8Array(parsed.attachments[1]!.content as ArrayBuffer)).toEqual(DOSSIER);
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('warns when the message exceeds the size limit of the settings', async () => {
    const { actions } = setup({
      settings: { get: async () => ({ sender: null, defaultPlace: '', documentsDir: '', emailSizeLimit: 200_000 }), set: async (s) => s },
    });
    const result = await actions.emailDocuments(email, sender);
    expect(result.warning).toMatch(/^Le message pèse 411\u00a0Ko avec ses pièces jointes \(300\u00a0Ko de fichiers.*au-delà de la limite de 200\u00a0Ko fixée dans les Réglages/);
  });

  it('falls back to mailto: and shows the files in their folder when no program opens .eml files', async () => {
    const openPath = vi.fn(async (p: string) => (p.endsWith('.eml') ? 'Aucune application pour ce type de fichier' : ''));
    const { actions, deps } = setup({ openPath });
    const result = await actions.emailDocuments(email, sender);
    expect(result.method).toBe('mailto');
    const url = vi.mocked(deps.openExternal).mock.calls[0]?.[0] ?? '';
    expect(url.startsWith('mailto:service-client@amazon.fr?subject=Mise%20en%20demeure')).toBe(true);
    expect(decodeURIComponent(url)).toContain('Pièces à joindre : Mise en demeure.pdf, Dossier de pièces.pdf (dans le dossier qui vient de s’ouvrir).');
    expect(deps.showItemInFolder).toHaveBeenCalledWith(join(dir, CASE_ID, 'documents', 'doc-12345678', 'Mise en demeure.pdf'));
    expect(await readFile(join(dir, CASE_ID, 'documents', 'doc-12345678', result.fileName))).toBeTruthy();
  });
});

describe('dossier in the background', () => {
  it('generates the letter and its dossier, forwarding progress to the window that asked', async () => {
    const { actions, deps, host } = setup();
    const result = await actions.assembleDossier({ jobId: 'job-12345678', caseId: CASE_ID, templateId: 'mise-en-demeure-livraison' }, sender);
    expect(result).toEqual({ document: { id: 'doc-12345678' }, warnings: [] });
    expect(host.generateDocument).toHaveBeenCalledWith(
      { id: CASE_ID, templateId: 'mise-en-demeure-livraison', formats: ['pdf', 'dossier'] },
      { onProgress: expect.any(Function), signal: expect.any(AbortSignal) },
    );
    expect(deps.sendEvent).toHaveBeenCalledWith(sender, { type: 'progress', jobId: 'job-12345678', done: 2, total: 5, label: 'Pièce n° 2 : photo.jpg' });
  });

  it('cancels a running generation through its signal, and only that one', async () => {
    let signal: AbortSignal | undefined;
    const { actions, host } = setup();
    vi.mocked(host.generateDocument).mockImplementation(
      (_params, hooks) =>
        new Promise((_resolve, reject) => {
          signal = hooks?.signal;
          signal?.addEventListener('abort', () => reject(new ApiError({ code: 'failed', message: 'Préparation annulée à votre demande.' })));
        }),
    );
    const job = actions.assembleDossier({ jobId: 'job-12345678', caseId: CASE_ID, templateId: 'mise-en-demeure-livraison' }, sender);
    await vi.waitFor(() => expect(signal).toBeDefined());
    await expect(actions.assembleDossier({ jobId: 'job-12345678', caseId: CASE_ID, templateId: 'x' }, sender)).rejects.toMatchObject({ payload: { code: 'invalid-request' } });
    expect(await actions.cancelJob({ jobId: 'job-99999999' }, sender)).toEqual({ cancelled: false });
    expect(signal?.aborted).toBe(false);
    expect(await actions.cancelJob({ jobId: 'job-12345678' }, sender)).toEqual({ cancelled: true });
    await expect(job).rejects.toMatchObject({ payload: { message: 'Préparation annulée à votre demande.' } });
    expect(await actions.cancelJob({ jobId: 'job-12345678' }, sender)).toEqual({ cancelled: false });
  });
});
