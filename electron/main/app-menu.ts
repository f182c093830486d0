/** The application menu, in French, with the shortcuts people expect on each system. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../core/common/api/desktop.js';

export interface MenuActions {
  /** Commands the UI carries out (sent to the window). */
  command: (command: MenuCommand) => void;
  about: () => void;
  openLogs: () => void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only outside the packaged app. */
  devTools: boolean;
  actions: MenuActions;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ isMac, devTools, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'À propos de Recours', click: actions.about };
  const settings: MenuItemConstructorOptions = {
    label: 'Réglages…',
    accelerator: 'CmdOrCtrl+,',
    click: () => actions.command('show-settings'),
  };
  const quit: MenuItemConstructorOptions = { label: 'Quitter Recours', role: 'quit', accelerator: 'CmdOrCtrl+Q' };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Recours',
          submenu: [
            about,
            separator,
            settings,
            separator,
            { label: 'Services', role: 'services' },
            separator,
            { label: 'Masquer Recours', role: 'hide', accelerator: 'Cmd+H' },
            { label: 'Masquer les autres', role: 'hideOthers', accelerator: 'Cmd+Alt+H' },
            { label: 'Tout afficher', role: 'unhide' },
            separator,
            quit,
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      { label: 'Nouveau dossier', accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-case') },
      { label: 'Importer un dossier…', accelerator: 'CmdOrCtrl+O', click: () => actions.command('import-case') },
      { label: 'Mes dossiers', accelerator: 'CmdOrCtrl+Shift+L', click: () => actions.command('show-cases') },
      ...(isMac ? [] : [separator, settings, separator, quit]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { label: 'Annuler', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
      { label: 'Rétablir', role: 'redo', accelerator: isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
      separator,
      { label: 'Couper', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { label: 'Copier', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { label: 'Coller', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      { label: 'Tout sélectionner', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { label: 'Taille réelle', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { label: 'Zoom avant', role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
      { label: 'Zoom arrière', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { label: 'Plein écran', role: 'togglefullscreen', accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(devTools ? [separator, { label: 'Outils de développement', role: 'toggleDevTools' as const, accelerator: 'CmdOrCtrl+Alt+I' }] : []),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Fenêtre',
    submenu: [
      { label: 'Réduire', role: 'minimize', accelerator: 'CmdOrCtrl+M' },
      { label: 'Fermer la fenêtre', role: 'close', accelerator: 'CmdOrCtrl+W' },
      ...(isMac ? [separator, { label: 'Tout ramener au premier plan', role: 'front' as const }] : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: 'Aide',
    role: 'help',
    submenu: [...(isMac ? [] : [about, separator]), { label: 'Ouvrir le dossier des journaux', click: actions.openLogs }],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** The text of « À propos de Recours ». */
export function aboutText(versions: { app: string; electron: string; chrome: string; node: string }): { message: string; detail: string } {
  return {
    message: `Recours ${versions.app}`,
    detail:
      'Des faits d’un litige de consommation aux lettres et dossiers qui le règlent.\n' +
      'Tout fonctionne sur votre ordinateur\u00a0: aucune donnée ne le quitte.\n\n' +
      `Electron ${versions.electron} · Chromium ${versions.chrome} · Node.js ${versions.node}`,
  };
}
