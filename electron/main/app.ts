/**
 * Wiring of the desktop shell: everything here is Electron glue around modules tested on their own.
 * Order matters: the custom scheme is registered and the single-instance lock taken before the app is ready;
 * sessions are locked down and IPC handlers installed before the window loads its first page.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
  type WebContents,
} from 'electron';
import type { DesktopEvent } from '../../core/common/api/desktop.js';
import { aboutText, buildMenuTemplate } from './app-menu.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js';
import { caseFilesInArgs } from './case-file-args.js';
import { createCore } from './core-services.js';
import { createDesktopActions, importCaseFromPath } from './desktop-actions.js';
import { crashDetail, createFileLog, installCrashHandlers } from './failure-log.js';
import { createApiHandler } from './ipc/api-handler.js';
import { createDesktopHandler } from './ipc/desktop-handler.js';
import { createJobHost, type WorkerProcess } from './jobs/job-host.js';
import { createMainWindow } from './main-window.js';
import { printPdf } from './print-document.js';
import { loadCaseDeadlines } from './reminders/load-cases.js';
import { startReminders } from './reminders/scheduler.js';
import { createDesktopSettingsStore } from './settings-store.js';
import { API_CHANNEL, DESKTOP_CHANNEL, EVENT_CHANNEL } from '../shared/channels.js';
import { hardenSession, lockNavigation } from './web-security.js';
import { restoreBounds } from './window-bounds.js';

const here = fileURLToPath(new URL('.', import.meta.url));

function sendEvent(contents: WebContents | null | undefined, event: DesktopEvent): void {
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
}

export async function startRecours(): Promise<void> {
  // End-to-end tests run the unpackaged app against a throw-away data folder.
  const testData = process.env.RECOURS_USER_DATA;
  if (!app.isPackaged && testData) app.setPath('userData', testData);

  const userData = app.getPath('userData');
  const logDir = join(userData, 'logs');
  const log = createFileLog(logDir);
  installCrashHandlers({
    log,
    showError: (message) =>
      dialog.showMessageBox({ type: 'error', title: 'Recours', message, detail: crashDetail(logDir), buttons: ['Continuer'] }),
  });

  if (!app.requestSingleInstanceLock()) {
    // Another Recours is running: it receives our arguments through 'second-instance'.
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  const trusted = (): WebContents | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null);
  const pendingFiles = caseFilesInArgs(process.argv, process.cwd());
  let importFile: ((path: string) => void) | null = null;

  const focusWindow = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    for (const path of caseFilesInArgs(argv, workingDirectory)) {
      if (importFile) importFile(path);
      else pendingFiles.push(path);
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (importFile) importFile(path);
    else pendingFiles.push(path);
  });
  // Every window's WebContents, including the print window and any created later, gets the same navigation
  // rules. Chromium's own guests (the PDF viewer inside the print window) are left alone: they are not ours to
  // steer, and <webview> is refused in our windows anyway.
  app.on('web-contents-created', (_event, contents) => {
    if (contents.getType() === 'window') lockNavigation(contents);
  });
  const rendererCrashes: number[] = [];
  app.on('render-process-gone', (_event, contents, details) => {
    log(`Processus d’affichage arrêté (${details.reason}, code ${details.exitCode})`);
    if (details.reason === 'clean-exit' || contents !== trusted()) return;
    // The UI saved as the user typed: reloading brings everything back — unless it keeps crashing.
    const now = Date.now();
    rendererCrashes.push(now);
    if (rendererCrashes.filter((t) => now - t < 60_000).length <= 3) {
      contents.reload();
      return;
    }
    void dialog.showMessageBox({
      type: 'error',
      title: 'Recours',
      message: 'La fenêtre de Recours s’est arrêtée plusieurs fois de suite.',
      detail: `Vos dossiers sont enregistrés. Redémarrez Recours ; le détail est dans le journal\u00a0:\n${logDir}`,
    });
  });
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') log(`Processus ${details.type} arrêté (${details.reason}, code ${details.exitCode})`);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  await app.whenReady();

  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: join(here, '../renderer') }));

  const settings = createDesktopSettingsStore({ log });
  const dataDir = join(userData, 'dossiers');

  const jobs = createJobHost({
    log,
    spawn: () => {
      const child = utilityProcess.fork(join(here, 'background.js'), [], {
        serviceName: 'Recours — préparation des dossiers',
      });
      return child as unknown as WorkerProcess;
    },
  });
  app.on('will-quit', () => jobs.dispose());

  const dispatcher = createCore({ dataDir, settings, jobs, log });

  const actions = createDesktopActions({
    host: dispatcher.host,
    settings,
    chooseFiles: async (purpose) => {
      const options: Electron.OpenDialogOptions =
        purpose === 'evidence'
          ? {
              title: 'Ajouter des pièces',
              buttonLabel: 'Ajouter',
              properties: ['openFile', 'multiSelections'],
              filters: [
                { name: 'Pièces (photos, PDF, messages)', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic', 'heif', 'tif', 'tiff', 'pdf', 'txt', 'eml'] },
                { name: 'Tous les fichiers', extensions: ['*'] },
              ],
            }
          : {
              title: 'Importer un dossier Recours',
              buttonLabel: 'Importer',
              properties: ['openFile'],
              filters: [{ name: 'Dossier Recours', extensions: ['recours'] }],
            };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    chooseSavePath: async (defaultName) => {
      const options: Electron.SaveDialogOptions = {
        title: 'Exporter le dossier',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [{ name: 'Dossier Recours', extensions: ['recours'] }],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openPath: (path) => shell.openPath(path),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    openExternal: (url) => shell.openExternal(url),
    print: (path) => printPdf(path, mainWindow),
    sendEvent,
  });

  ipcMain.handle(API_CHANNEL, createApiHandler({ dispatcher, trusted, log }));
  ipcMain.handle(DESKTOP_CHANNEL, createDesktopHandler({ actions, trusted, log }));

  const showAbout = (): void => {
    const text = aboutText({
      app: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    });
    void dialog.showMessageBox({ type: 'info', title: 'À propos de Recours', ...text, buttons: ['OK'] });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        devTools: !app.isPackaged,
        actions: {
          command: (command) => sendEvent(trusted(), { type: 'menu', command }),
          about: showAbout,
          openLogs: () => void shell.openPath(existsSync(logDir) ? logDir : userData),
        },
      }),
    ),
  );

  const openWindow = (): BrowserWindow => {
    const win = createMainWindow({
      preload: join(here, '../preload/index.cjs'),
      bounds: restoreBounds(settings.windowBounds(), screen.getAllDisplays().map((d) => d.workArea)),
      devTools: !app.isPackaged,
      onClose: (bounds) => settings.saveWindowBounds(bounds),
    });
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    return win;
  };
  mainWindow = openWindow();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = openWindow();
  });

  // Files opened before the window was ready (double-click on a .recours) are imported once it has loaded.
  importFile = (path) => {
    importCaseFromPath(dispatcher.host, path)
      .then((stored) => sendEvent(trusted(), { type: 'case-imported', case: stored }))
      .catch((e: unknown) => {
        const message = (e as { payload?: { message?: string } }).payload?.message ?? `Import de « ${path} » impossible.`;
        log('Import d’un dossier impossible', e);
        void dialog.showMessageBox({ type: 'warning', title: 'Recours', message: 'Ce dossier n’a pas pu être importé.', detail: message });
      });
  };
  mainWindow.webContents.once('did-finish-load', () => {
    for (const path of pendingFiles.splice(0)) importFile?.(path);
  });

  // Notifications are kept referenced until closed: a collected one would lose its click handler.
  const shown = new Set<Notification>();
  startReminders({
    loadCases: () => loadCaseDeadlines(dispatcher, log),
    log,
    notify: (notice) => {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: notice.title, body: notice.body });
      shown.add(n);
      n.on('close', () => shown.delete(n));
      n.on('click', () => {
        shown.delete(n);
        focusWindow();
        if (notice.caseId) sendEvent(trusted(), { type: 'open-case', caseId: notice.caseId });
      });
      n.show();
    },
  });
}
