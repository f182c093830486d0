/**
 * Printing a generated PDF through the system's print dialog, on every OS: a small window shows the PDF in
 * Chromium's viewer and asks for the print dialog. Where that fails (no PDF viewer, no printer service,
 * a platform quirk), the PDF opens in the default viewer instead, which prints it.
 */
import { BrowserWindow, shell } from 'electron';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApiError } from '../../core/common/api/contract.js';
import { lockNavigation } from './web-security.js';

export type PrintMethod = 'dialog' | 'viewer';

/** Chromium reports a cancelled dialog as a failure; that is the user's choice, not a reason to fall back. */
export function isCancellation(failureReason: string): boolean {
  return /cancel/i.test(failureReason);
}

async function printInWindow(path: string, parent: BrowserWindow | null): Promise<boolean> {
  const win = new BrowserWindow({
    ...(parent ? { parent } : {}),
    width: 900,
    height: 1000,
    show: true,
    title: `Impression — ${basename(path)}`,
    webPreferences: {
      // Chromium's PDF viewer is a plug-in; nothing else of the security settings is relaxed.
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockNavigation(win.webContents);
  try {
    await win.loadURL(pathToFileURL(path).href);
    return await new Promise<boolean>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
        resolve(success || isCancellation(failureReason));
      });
    });
  } finally {
    if (!win.isDestroyed()) win.close();
  }
}

export async function printPdf(path: string, parent: BrowserWindow | null): Promise<PrintMethod> {
  try {
    if (await printInWindow(path, parent)) return 'dialog';
  } catch {
    // fall through to the default viewer
  }
  const error = await shell.openPath(path);
  if (error) {
    throw new ApiError({ code: 'failed', message: `Impossible d’imprimer ni d’ouvrir « ${basename(path)} » : ${error}` });
  }
  return 'viewer';
}
