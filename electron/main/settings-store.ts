/**
 * Settings persisted with electron-store in the main process (its README warns against the renderer), behind
 * the `SettingsStore` interface core uses, plus the window's size and position. A settings file edited by hand
 * or written by an older version is validated on every read: what is wrong falls back to the default, never
 * crashes the app.
 */
import Store from 'electron-store';
import { settingsSchema, type Settings } from '../../core/common/api/contract.js';
import type { WindowBounds } from './window-bounds.js';

import type { SettingsStore } from '../../core/node/settings/settings-store.js';

export type { SettingsStore } from '../../core/node/settings/settings-store.js';

export const DEFAULT_SETTINGS: Settings = {
  sender: null,
  defaultPlace: '',
  documentsDir: '',
  // Most mail services accept 20 to 25 Mo per message; 10 Mo also gets through the stricter ones.
  emailSizeLimit: 10_000_000,
};

interface StoreShape extends Record<string, unknown> {
  settings: unknown;
  windowBounds: unknown;
}

export interface DesktopSettingsStore extends SettingsStore {
  windowBounds(): unknown;
  saveWindowBounds(bounds: WindowBounds): void;
  /** Where the file lives (shown in the logs). */
  readonly path: string;
}

export function createDesktopSettingsStore(options: { cwd?: string; log?: (message: string, error?: unknown) => void } = {}): DesktopSettingsStore {
  const store = new Store<StoreShape>({
    name: 'reglages',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    // A corrupt JSON file is replaced by the defaults rather than stopping the app at start.
    clearInvalidConfig: true,
  });

  /** Field by field: a wrong size limit must not cost the user their sender identity. */
  const read = (): Settings => {
    const raw = store.get('settings');
    const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
    if (raw === null || typeof raw !== 'object') {
      if (raw !== undefined) options.log?.('Réglages illisibles : valeurs par défaut utilisées');
      return out as unknown as Settings;
    }
    for (const [key, schema] of Object.entries(settingsSchema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = schema.safeParse(value);
      if (parsed.success) out[key] = parsed.data;
      else options.log?.(`Réglage « ${key} » illisible : valeur par défaut utilisée`, parsed.error);
    }
    return out as unknown as Settings;
  };

  return {
    path: store.path,
    async get() {
      return read();
    },
    async set(settings) {
      const valid = settingsSchema.parse(settings);
      store.set('settings', valid);
      return read();
    },
    windowBounds() {
      return store.get('windowBounds');
    },
    saveWindowBounds(bounds) {
      store.set('windowBounds', bounds);
    },
  };
}
