/**
 * The window's security settings, tested with the electron stand-in (tests/stubs/electron.ts): what a page
 * could do if one of them were missing — run Node, leave the app, open windows, get the camera, read files.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, session, shell, type FakeBrowserWindow } from '../stubs/electron.js';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../electron/main/app-protocol.js';
import { createMainWindow } from '../../electron/main/main-window.js';
import { hardenSession, isAppUrl, lockNavigation, REMOTE_URL_PATTERNS } from '../../electron/main/web-security.js';

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('main window', () => {
  it('runs the page isolated, sandboxed, without Node and with web security', () => {
    const win = createMainWindow({ preload: '/app/out/preload/index.cjs', bounds: { width: 1000, height: 700 }, devTools: false, onClose: vi.fn() }) as unknown as FakeBrowserWindow;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('plugins');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('opens hidden on app://recours/, shows when ready, and remembers its bounds when closed', () => {
    const onClose = vi.fn();
    const win = createMainWindow({ preload: '/p/index.cjs', bounds: { x: 5, y: 6, width: 1000, height: 700, maximized: true }, devTools: true, onClose }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ x: 5, y: 6, width: 1000, height: 700, show: false, title: 'Recours' });
    expect((win.options.webPreferences as Record<string, unknown>).sandbox).toBe(true);
    expect(win.loadURL).toHaveBeenCalledWith('app://recours/index.html');
    expect(APP_INDEX_URL).toBe('app://recours/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    win.close();
    expect(onClose).toHaveBeenCalledWith({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    // Navigation rules are installed on the window's contents.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('navigation', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents();
    lockNavigation(contents as never);
    shell.openExternal.mockClear();
  });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s to another origin is refused', (name) => {
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://recours.evil/index.html',
      'app://recours@evil/index.html',
      'app://evil@recours/index.html',
      'app://recours:8080/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      const event = navigationEvent(url);
      contents.emit(name, event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('within the app is allowed', () => {
    const event = navigationEvent('app://recours/index.html#/dossiers/2026-11-25-abcdefgh');
    contents.emit('will-navigate', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('never opens a window; https links go to the system browser, nothing else does', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044142217' })).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044142217');
    for (const url of ['app://recours/index.html', 'file:///etc/passwd', 'http://example.org/', 'smb://server/share', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('refuses <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('compares parsed URLs, not prefixes', () => {
    expect(isAppUrl('app://recours/')).toBe(true);
    expect(isAppUrl('app://recourse/')).toBe(false);
    expect(isAppUrl('app://recours.example/')).toBe(false);
    expect(isAppUrl('app:recours/index.html')).toBe(false);
    expect(isAppUrl('APP://recours/')).toBe(true); // schemes are case-insensitive
  });
});

describe('session', () => {
  it('denies every permission request and check, and cancels every network request', () => {
    const ses = session.defaultSession;
    hardenSession(ses as never);
    const request = ses.setPermissionRequestHandler.mock.calls.at(-1)?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = ses.setPermissionCheckHandler.mock.calls.at(-1)?.[0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://recours', {})).toBe(false);
    const device = ses.setDevicePermissionHandler.mock.calls.at(-1)?.[0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
    const [filter, onRequest] = ses.webRequest.onBeforeRequest.mock.calls.at(-1) as [{ urls: string[] }, (d: unknown, cb: (r: unknown) => void) => void];
    expect(filter.urls).toEqual(REMOTE_URL_PATTERNS);
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    onRequest({ url: 'https://tracker.example/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});

describe('app:// protocol', () => {
  let base = '';
  let root = '';
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'recours-protocol-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Recours</title>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'ne doit pas sortir');
    await symlink(join(base, 'secret.txt'), join(root, 'lien.txt'));
    handler = createAppProtocolHandler({ root });
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('is registered as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } });
  });

  it('serves the built UI with the Content-Security-Policy header', async () => {
    const response = await handler(new Request('app://recours/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Recours</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "connect-src 'self'",
    ]) {
      expect(csp?.split('; ')).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    const script = await handler(new Request('app://recours/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await handler(new Request('app://recours/'))).status).toBe(200);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://recours/../secret.txt',
      'app://recours/%2e%2e/secret.txt',
      'app://recours/..%2fsecret.txt',
      'app://recours/..%5csecret.txt',
      'app://recours/assets/..%2f..%2fsecret.txt',
      'app://recours/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      `app://recours/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://recours/index.html%00.png',
      'app://recours/%E0%A4%A',
      'app://recours/lien.txt',
      'app://evil/index.html',
      'file:///etc/passwd',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('ne doit pas sortir');
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(resolveAppPath(root, 'app://recours/..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://recours@evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://user@recours/index.html')).toBeNull();
    expect(resolveAppPath(root, 'app://recours/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it('answers only reads', async () => {
    expect((await handler(new Request('app://recours/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await handler(new Request('app://recours/absent.js'))).status).toBe(404);
  });
});
