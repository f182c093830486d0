/** Printing a generated PDF: the system's print dialog from a window showing it, else the default PDF viewer. */
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBrowserWindow, shell } from '../stubs/electron.js';
import { isCancellation, printPdf } from '../../electron/main/print-document.js';

type PrintCallback = (success: boolean, failureReason: string) => void;

/** Scripts the next window: its print() answers `outcome`, or its loadURL() fails. */
function nextWindowPrints(outcome: [boolean, string] | Error): void {
  FakeBrowserWindow.onCreate = (win) => {
    FakeBrowserWindow.onCreate = null;
    if (outcome instanceof Error) win.loadURL.mockRejectedValueOnce(outcome);
    else win.webContents.print.mockImplementation((_options: unknown, callback: PrintCallback) => callback(...outcome));
  };
}

describe('printing a PDF', () => {
  beforeEach(() => {
    shell.openPath.mockReset().mockResolvedValue('');
  });

  it('shows the print dialog from a sandboxed window displaying the file, then closes it', async () => {
    nextWindowPrints([true, '']);
    expect(await printPdf('/dossiers/c/documents/d/Mise en demeure.pdf', null)).toBe('dialog');
    const win = FakeBrowserWindow.instances.at(-1)!;
    expect(win.options.title).toBe('Impression — Mise en demeure.pdf');
    expect(win.options.webPreferences).toMatchObject({ plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loadURL).toHaveBeenCalledWith('file:///dossiers/c/documents/d/Mise%20en%20demeure.pdf');
    expect(win.webContents.print).toHaveBeenCalledWith({ silent: false, printBackground: true }, expect.any(Function));
    expect(win.close).toHaveBeenCalled();
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('takes a cancelled dialog as the user’s choice, not as a failure', async () => {
    nextWindowPrints([false, 'Print job canceled']);
    expect(await printPdf('/x/lettre.pdf', null)).toBe('dialog');
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(isCancellation('cancelled')).toBe(true);
    expect(isCancellation('Print job failed')).toBe(false);
  });

  it('opens the PDF in the default viewer when printing fails or the file cannot be shown', async () => {
    nextWindowPrints([false, 'Print job failed']);
    expect(await printPdf('/x/lettre.pdf', null)).toBe('viewer');
    expect(shell.openPath).toHaveBeenLastCalledWith('/x/lettre.pdf');
    nextWindowPrints(new Error('ERR_FAILED'));
    expect(await printPdf('/x/lettre.pdf', null)).toBe('viewer');
    expect(FakeBrowserWindow.instances.at(-1)?.close).toHaveBeenCalled();
  });

  it('says in French when neither works', async () => {
    nextWindowPrints([false, 'Print job failed']);
    shell.openPath.mockResolvedValue('Aucune application pour ouvrir ce fichier');
    await expect(printPdf('/x/lettre.pdf', null)).rejects.toMatchObject({
      payload: { code: 'failed', message: 'Impossible d’imprimer ni d’ouvrir « lettre.pdf » : Aucune application pour ouvrir ce fichier' },
    });
  });
});
