/** The desktop shell around the window: menus, « À propos », remembered window, settings, .recours files, crash log. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aboutText, buildMenuTemplate } from '../../electron/main/app-menu.js';
import { caseFilesInArgs } from '../../electron/main/case-file-args.js';
import { CRASH_MESSAGE, createFileLog, crashDetail, installCrashHandlers } from '../../electron/main/failure-log.js';
import { createDesktopSettingsStore, DEFAULT_SETTINGS } from '../../electron/main/settings-store.js';
import { DEFAULT_BOUNDS, restoreBounds } from '../../electron/main/window-bounds.js';
import { defaultSettings } from '../../core/node/settings/index.js';

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  return (menu?.submenu ?? []) as MenuItemConstructorOptions[];
}

function shortcut(template: MenuItemConstructorOptions[], menu: string, label: string): string | undefined {
  return items(template, menu).find((i) => i.label === label)?.accelerator as string | undefined;
}

describe('application menu', () => {
  const actions = { command: vi.fn(), about: vi.fn(), openLogs: vi.fn() };

  it('is in French with the usual shortcuts (Windows and Linux)', () => {
    const template = buildMenuTemplate({ isMac: false, devTools: false, actions });
    expect(template.map((m) => m.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(items(template, 'Fichier').filter((i) => i.label).map((i) => [i.label, i.accelerator])).toEqual([
      ['Nouveau dossier', 'CmdOrCtrl+N'],
      ['Importer un dossier…', 'CmdOrCtrl+O'],
      ['Mes dossiers', 'CmdOrCtrl+Shift+L'],
      ['Réglages…', 'CmdOrCtrl+,'],
      ['Quitter Recours', 'CmdOrCtrl+Q'],
    ]);
    expect(items(template, 'Édition').filter((i) => i.label).map((i) => i.label)).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(shortcut(template, 'Édition', 'Rétablir')).toBe('Ctrl+Y');
    expect(shortcut(template, 'Édition', 'Coller')).toBe('CmdOrCtrl+V');
    expect(shortcut(template, 'Affichage', 'Plein écran')).toBe('F11');
    expect(items(template, 'Affichage').map((i) => i.label)).not.toContain('Outils de développement');
    expect(items(template, 'Aide').map((i) => i.label)).toEqual(['À propos de Recours', undefined, 'Ouvrir le dossier des journaux']);
  });

  it('sends its commands to the UI and opens « À propos »', () => {
    const template = buildMenuTemplate({ isMac: false, devTools: true, actions });
    const click = (menu: string, label: string) => (items(template, menu).find((i) => i.label === label)?.click as () => void)();
    click('Fichier', 'Nouveau dossier');
    click('Fichier', 'Réglages…');
    click('Aide', 'À propos de Recours');
    expect(actions.command.mock.calls).toEqual([['new-case'], ['show-settings']]);
    expect(actions.about).toHaveBeenCalled();
    expect(items(template, 'Affichage').map((i) => i.label)).toContain('Outils de développement');
  });

  it('follows macOS conventions: application menu first, ⌘⇧Z to redo', () => {
    const template = buildMenuTemplate({ isMac: true, devTools: false, actions });
    expect(template.map((m) => m.label)).toEqual(['Recours', 'Fichier', 'Édition', 'Affichage', 'Fenêtre', 'Aide']);
    expect(items(template, 'Recours').filter((i) => i.label).map((i) => i.label)).toEqual([
      'À propos de Recours', 'Réglages…', 'Services', 'Masquer Recours', 'Masquer les autres', 'Tout afficher', 'Quitter Recours',
    ]);
    expect(shortcut(template, 'Édition', 'Rétablir')).toBe('Shift+Cmd+Z');
    expect(items(template, 'Fichier').map((i) => i.label)).not.toContain('Quitter Recours');
  });

  it('« À propos » names the version', () => {
    expect(aboutText({ app: '0.1.0', electron: '45.5.0', chrome: '146.0.0.0', node: '22.20.0' })).toEqual({
      message: 'Recours 0.1.0',
      detail:
        'Des faits d’un litige de consommation aux lettres et dossiers qui le règlent.\n' +
        'Tout fonctionne sur votre ordinateur\u00a0: aucune donnée ne le quitte.\n\n' +
        'Electron 45.5.0 · Chromium 146.0.0.0 · Node.js 22.20.0',
    });
  });
});

describe('window position', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];

  it('comes back where it was', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1400, height: 900, maximized: true }, screens)).toEqual({ x: 100, y: 50, width: 1400, height: 900, maximized: true });
  });

  it('comes back on a visible screen when the one it was on is gone, and never too small or too big', () => {
    expect(restoreBounds({ x: 2500, y: 100, width: 1400, height: 900 }, screens)).toEqual({ width: 1400, height: 900, maximized: false });
    expect(restoreBounds({ x: 10, y: 10, width: 200, height: 100 }, screens)).toEqual({ x: 10, y: 10, width: 900, height: 600, maximized: false });
    expect(restoreBounds({ width: 5000, height: 4000 }, screens)).toEqual({ width: 1920, height: 1040, maximized: false });
  });

  it('falls back to the default size for anything unreadable', () => {
    for (const saved of [undefined, null, 'grand', { width: 'large', height: 800 }, { width: NaN, height: 1 }]) {
      expect(restoreBounds(saved, screens)).toEqual(DEFAULT_BOUNDS);
    }
  });
});

describe('.recours files given to the app', () => {
  it('are found among the arguments of a launch or a second launch, made absolute', () => {
    expect(caseFilesInArgs(['/opt/Recours/recours', '--no-sandbox', 'Litige Amazon.recours', '/home/jeanne/b.RECOURS', 'notes.txt', '--flag=x.recours'], '/home/jeanne')).toEqual([
      '/home/jeanne/Litige Amazon.recours',
      '/home/jeanne/b.RECOURS',
    ]);
    expect(caseFilesInArgs(['recours'], '/')).toEqual([]);
  });
});

describe('settings (electron-store)', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recours-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('start from the same defaults as core, and are saved to disk', async () => {
    const store = createDesktopSettingsStore({ cwd: dir });
    expect(await store.get()).toEqual(defaultSettings());
    expect(DEFAULT_SETTINGS).toEqual(defaultSettings());
    const mine = { ...DEFAULT_SETTINGS, defaultPlace: 'Lyon', emailSizeLimit: 20_000_000 };
    expect(await store.set(mine)).toEqual(mine);
    const again = createDesktopSettingsStore({ cwd: dir });
    expect(await again.get()).toEqual(mine);
    expect(JSON.parse(await readFile(join(dir, 'reglages.json'), 'utf8')).settings.defaultPlace).toBe('Lyon');
  });

  it('keep what is valid of a file edited by hand, and survive a corrupt file', async () => {
    const sender = { firstName: 'Jeanne', lastName: 'Martin', address: { lines: ['3 rue des Lilas'], postalCode: '69003', city: 'Lyon' } };
    await writeFile(join(dir, 'reglages.json'), JSON.stringify({ settings: { sender, defaultPlace: 42, emailSizeLimit: -5 } }));
    const log = vi.fn();
    expect(await createDesktopSettingsStore({ cwd: dir, log }).get()).toEqual({ ...DEFAULT_SETTINGS, sender });
    expect(log).toHaveBeenCalledWith('Réglage « defaultPlace » illisible : valeur par défaut utilisée', expect.anything());
    await writeFile(join(dir, 'reglages.json'), '{ pas du json');
    expect(await createDesktopSettingsStore({ cwd: dir }).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('refuse to save invalid settings, and remember the window bounds', async () => {
    const store = createDesktopSettingsStore({ cwd: dir });
    await expect(store.set({ ...DEFAULT_SETTINGS, emailSizeLimit: -1 })).rejects.toThrow();
    store.saveWindowBounds({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(createDesktopSettingsStore({ cwd: dir }).windowBounds()).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false });
  });
});

describe('uncaught errors', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recours-logs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are written to a dated log file and explained once in French, however many arrive', async () => {
    const log = createFileLog(join(dir, 'logs'), () => new Date('2026-11-25T10:00:00Z'));
    const proc = new EventEmitter();
    let close: () => void = () => {};
    const showError = vi.fn(() => new Promise<void>((resolve) => (close = resolve)));
    installCrashHandlers({ log, showError, process: proc as never });
    proc.emit('uncaughtException', new Error('lecture impossible'));
    proc.emit('unhandledRejection', 'raison textuelle');
    proc.emit('unhandledRejection', new Error('encore'));
    expect(showError).toHaveBeenCalledTimes(1);
    expect(showError).toHaveBeenCalledWith(CRASH_MESSAGE);
    expect(CRASH_MESSAGE).toBe('Recours a rencontré une erreur inattendue.');
    close();
    await new Promise((r) => setImmediate(r));
    proc.emit('uncaughtException', new Error('plus tard'));
    expect(showError).toHaveBeenCalledTimes(2);
    expect(await readdir(join(dir, 'logs'))).toEqual(['recours-2026-11-25.log']);
    const text = await readFile(join(dir, 'logs', 'recours-2026-11-25.log'), 'utf8');
    expect(text).toContain('[2026-11-25T10:00:00.000Z] Exception non interceptée\n    Error: lecture impossible');
    expect(text).toContain("[2026-11-25T10:00:00.000Z] Promesse rejetée sans traitement\n    'raison textuelle'");
    expect(text.match(/^\[/gm)).toHaveLength(4);
    expect(crashDetail('/home/jeanne/.config/Recours/logs')).toBe(
      'Ce que vous avez saisi est enregistré au fur et à mesure\u00a0: vous pouvez continuer, ou redémarrer Recours si ' +
        'quelque chose ne répond plus.\n\nLe détail technique est dans le journal\u00a0:\n/home/jeanne/.config/Recours/logs',
    );
  });

  it('never make logging itself fail', async () => {
    // A log folder that cannot exist: its parent is a file.
    await writeFile(join(dir, 'fichier'), 'x');
    const log = createFileLog(join(dir, 'fichier', 'logs'));
    expect(() => log('message', new Error('x'))).not.toThrow();
  });
});
