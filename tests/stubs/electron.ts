/**
 * Stand-in for the `electron` module in every test: Electron's binary is not installed on build machines,
 * and loading the real module would try to download it. vitest.config.ts aliases 'electron' here.
 * Tests that need more behaviour extend these objects with vi.spyOn / mockImplementation.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export const app = {
  getPath: vi.fn((_name: string) => '/tmp/recours-test'),
  setPath: vi.fn(),
  getVersion: vi.fn(() => '0.0.0-test'),
  getName: vi.fn(() => 'Recours'),
  getAppPath: vi.fn(() => '/tmp/recours-test/app'),
  isPackaged: false,
  whenReady: vi.fn(async () => {}),
  on: vi.fn(),
  once: vi.fn(),
  quit: vi.fn(),
  exit: vi.fn(),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  setAboutPanelOptions: vi.fn(),
};
export const ipcMain = { handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const shell = { openPath: vi.fn(async () => ''), openExternal: vi.fn(async () => {}), showItemInFolder: vi.fn() };
export const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })), showErrorBox: vi.fn() };
export const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
export const Notification = Object.assign(vi.fn(() => ({ show: vi.fn(), on: vi.fn() })), { isSupported: vi.fn(() => true) });
export const protocol = { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() };
export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
  },
};
export const screen = { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]) };
export const utilityProcess = { fork: vi.fn() };
export const webUtils = { getPathForFile: vi.fn() };
export const net = { fetch: vi.fn() };

/** A WebContents that records its handlers; tests emit its events ('will-navigate', …) to check the reactions. */
export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly session = session.defaultSession;
  readonly send = vi.fn();
  readonly reload = vi.fn();
  readonly print = vi.fn();
  readonly isDestroyed = vi.fn(() => false);
  readonly getType = vi.fn((): string => 'window');
  readonly setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: 'allow' | 'deny' }) => {
    this.windowOpenHandler = handler;
  });
}

/** A BrowserWindow that keeps its constructor options (webPreferences…) for assertions. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  /** Called with each new window, for tests that must script it before the code under test uses it. */
  static onCreate: ((win: FakeBrowserWindow) => void) | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly maximize = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isMaximized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => this.destroyed);
  readonly getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1200, height: 800 }));
  readonly close = vi.fn(() => {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  });
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
    FakeBrowserWindow.onCreate?.(this);
  }
}
export const BrowserWindow = FakeBrowserWindow;

export default {
  app, ipcMain, ipcRenderer, contextBridge, shell, dialog, Menu, Notification, protocol, session, screen, utilityProcess, webUtils, net, BrowserWindow,
};
