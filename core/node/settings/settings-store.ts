/**
 * Where the user's settings live. Core only knows this interface: the web bridge and the tests use the JSON file
 * below, the desktop app an electron-store implementation of the same interface.
 */
import type { Settings } from '../../common/api/contract.js';

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Saves and returns the settings as stored. */
  set(settings: Settings): Promise<Settings>;
}

/** Most mail providers refuse messages above 20 to 25 MB once encoded; 10 MB of attachments stays clear of that. */
export const DEFAULT_EMAIL_SIZE_LIMIT = 10_000_000;

export function defaultSettings(): Settings {
  return { sender: null, defaultPlace: '', documentsDir: '', emailSizeLimit: DEFAULT_EMAIL_SIZE_LIMIT };
}

/** An in-memory implementation, for tests and tools that need no persistence. */
export function createMemorySettingsStore(initial: Settings = defaultSettings()): SettingsStore {
  let current = structuredClone(initial);
  return {
    get: async () => structuredClone(current),
    set: async (s) => {
      current = structuredClone(s);
      return structuredClone(current);
    },
  };
}
