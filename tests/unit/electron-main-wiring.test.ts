/**
 * The main process put together (electron/main/app.ts) with the electron stand-in and the real core: what is
 * registered before the app is ready, what the window gets, and that the IPC channel reaches core.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_PRIVILEGES } from '../../electron/main/app-protocol.js';
import { API_CHANNEL, DESKTOP_CHANNEL } from '../../electron/shared/channels.js';
import { app, dialog, FakeBrowserWindow, FakeWebContents, ipcMain, Menu, protocol, session } from '../stubs/electron.js';

type Handler = (...args: unknown[]) => unknown;

function appHandler(name: string): Handler {
  const call = app.on.mock.calls.find((c) => c[0] === name);
  if (!call) throw new Error(`no handler for app '${name}'`);
  return call[1] as Handler;
}

function ipcHandler(channel: string): Handler {
  return ipcMain.handle.mock.calls.find((c) => c[0] === channel)?.[1] as Handler;
}

describe('main process wiring', () => {
  let userData = '';
  let win: FakeBrowserWindow;
  const listeners = { uncaughtException: process.listeners('uncaughtException'), unhandledRejection: process.listeners('unhandledRejection') };

  beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'recours-main-'));
    app.getPath.mockImplementation(() => userData);
    process.env.RECOURS_USER_DATA = userData;
    const { startRecours } = await import('../../electron/main/app.js');
    await startRecours();
    win = FakeBrowserWindow.instances.at(-1)!;
  });

  afterAll(async () => {
    // The crash handlers were installed on this test process: take them off again.
    for (const l of process.listeners('uncaughtException')) if (!listeners.uncaughtException.includes(l)) process.removeListener('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection')) if (!listeners.unhandledRejection.includes(l)) process.removeListener('unhandledRejection', l);
    delete process.env.RECOURS_USER_DATA;
    await rm(userData, { recursive: true, force: true });
  });

  it('registers the app:// scheme and takes the single-instance lock before the app is ready', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    const ready = app.whenReady.mock.invocationCallOrder[0]!;
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(app.requestSingleInstanceLock.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);
  });

  it('locks the session down and serves app:// with the CSP', async () => {
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    const [scheme, handler] = protocol.handle.mock.calls.at(-1) as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://recours/../../etc/passwd'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('opens one sandboxed window with the CommonJS preload, on app://recours/', () => {
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://recours/index.html');
    // Any other WebContents (print window…) gets the same rules.
    const other = new FakeWebContents();
    appHandler('web-contents-created')({}, other);
    expect(other.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    const guest = new FakeWebContents();
    guest.getType.mockReturnValue('webview');
    appHandler('web-contents-created')({}, guest);
    expect(guest.setWindowOpenHandler).not.toHaveBeenCalled();
  });

  it('answers the window on the API channel through the real core, and refuses anyone else', async () => {
    const handle = ipcHandler(API_CHANNEL);
    const own = { sender: win.webContents, senderFrame: { url: 'app://recours/index.html', parent: null } };
    expect(await handle(own, 'listCases', {})).toEqual({ ok: true, result: [] });
    const settings = (await handle(own, 'getSettings', {})) as { ok: boolean; result: { emailSizeLimit: number } };
    expect(settings.result.emailSizeLimit).toBe(10_000_000);
    expect(await handle({ ...own, sender: new FakeWebContents() }, 'listCases', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(ipcHandler(DESKTOP_CHANNEL)).toBeTypeOf('function');
  });

  it('installs the French menu', () => {
    const template = Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as MenuItemConstructorOptions[];
    expect(template.map((m) => m.label)).toContain('Fichier');
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('imports a .recours file given to a second launch, and explains in French when it cannot', async () => {
    const bad = join(userData, 'abîmé.recours');
    await writeFile(bad, 'pas une archive');
    appHandler('second-instance')({}, ['/opt/Recours/recours', bad], userData);
    expect(win.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ message: 'Ce dossier n’a pas pu être importé.' })));
  });
});
