/**
 * Settings kept in one JSON file, written atomically. A file that cannot be read is renamed aside (never
 * overwritten) and the defaults are used, so that a damaged file never stops the application.
 */
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { settingsSchema, type Settings } from '../../common/api/contract.js';
import { writeFileDurable } from '../store/durable-write.js';
import { defaultSettings, type SettingsStore } from './settings-store.js';

export interface JsonSettingsStoreOptions {
  /** Told, in French, when the file could not be read and was renamed aside. */
  onProblem?: (message: string) => void;
}

export function createJsonSettingsStore(path: string, options: JsonSettingsStoreOptions = {}): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function read(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
      throw e;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    // Missing keys take their default (a file written by an older version); wrong ones make the file unreadable.
    const parsed = settingsSchema.safeParse(data !== null && typeof data === 'object' ? { ...defaultSettings(), ...data } : data);
    if (parsed.success) return parsed.data;
    const aside = `${path}.illisible-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    options.onProblem?.(`Réglages « ${path} » illisibles : réglages par défaut utilisés ; l’ancien fichier est conservé sous « ${aside} ».`);
    return defaultSettings();
  }

  return {
    get: () => serial(read),
    set: (settings) =>
      serial(async () => {
        const valid = settingsSchema.parse(settings);
        await mkdir(dirname(path), { recursive: true });
        await writeFileDurable(path, `${JSON.stringify(valid, null, 2)}\n`);
        return valid;
      }),
  };
}
