/**
 * Stand-in for the `electron` module in every test: Electron's binary is not installed on build machines,
 * and loading the real module would try to download it. vitest.config.ts aliases 'electron' here.
 * Tests that need more behaviour extend these objects with vi.spyOn / mockImplementation.
 */
import { vi } from 'vitest';

export const app = {
  getPath: vi.fn((_name: string) => '/tmp/recours-test'),
  getVersion: vi.fn(() => '0.0.0-test'),
  getName: vi.fn(() => 'Recours'),
  whenReady: vi.fn(async () => {}),
  on: vi.fn(),
  quit: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  setAboutPanelOptions: vi.fn(),
};
export const ipcMain = { handle: vi.fn(), on: vi.fn(), removeHandler: vi.fn() };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() };
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const shell = { openPath: vi.fn(async () => ''), openExternal: vi.fn(async () => {}), showItemInFolder: vi.fn() };
export const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(), showErrorBox: vi.fn() };
export const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
export const Notification = Object.assign(vi.fn(() => ({ show: vi.fn(), on: vi.fn() })), { isSupported: vi.fn(() => true) });
export const protocol = { handle: vi.fn(), registerSchemesAsPrivileged: vi.fn() };
export const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } } };
export const utilityProcess = { fork: vi.fn() };
export const webUtils = { getPathForFile: vi.fn() };
export const net = { fetch: vi.fn() };
export const BrowserWindow = vi.fn();
export default { app, ipcMain, ipcRenderer, contextBridge, shell, dialog, Menu, Notification, protocol, session, utilityProcess, webUtils, net, BrowserWindow };
