/**
 * Uncaught errors and unhandled rejections of the main process: written to a log file in the user data folder
 * (one file a day), then explained in plain French. The app keeps running — the UI saves as the user types,
 * so nothing typed is lost — and a storm of errors shows one dialog, not a hundred.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';

export type Log = (message: string, error?: unknown) => void;

export function logFilePath(dir: string, now: Date): string {
  return join(dir, `recours-${now.toISOString().slice(0, 10)}.log`);
}

export function formatLogEntry(now: Date, message: string, error?: unknown): string {
  const detail = error === undefined ? '' : `\n${error instanceof Error ? (error.stack ?? error.message) : inspect(error, { depth: 4 })}`;
  return `[${now.toISOString()}] ${message}${detail.replace(/\n/g, '\n    ')}\n`;
}

/** A log that appends synchronously: the line must be on disk even if the process dies right after. */
export function createFileLog(dir: string, now: () => Date = () => new Date()): Log {
  return (message, error) => {
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(logFilePath(dir, now()), formatLogEntry(now(), message, error), 'utf8');
    } catch {
      // Logging must never become the error: a read-only disk leaves only the dialog.
    }
  };
}

export const CRASH_MESSAGE = 'Recours a rencontré une erreur inattendue.';
export function crashDetail(logDir: string): string {
  return (
    'Ce que vous avez saisi est enregistré au fur et à mesure\u00a0: vous pouvez continuer, ou redémarrer Recours si ' +
    `quelque chose ne répond plus.\n\nLe détail technique est dans le journal\u00a0:\n${logDir}`
  );
}

interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function installCrashHandlers(deps: {
  log: Log;
  /** Shows the French explanation; resolves when the user closed it. */
  showError: (message: string) => Promise<unknown>;
  process?: ProcessLike;
}): void {
  const proc: ProcessLike = deps.process ?? process;
  let showing = false;
  const report = (what: string, error: unknown): void => {
    deps.log(what, error);
    if (showing) return;
    showing = true;
    deps
      .showError(CRASH_MESSAGE)
      .catch(() => undefined)
      .finally(() => {
        showing = false;
      });
  };
  proc.on('uncaughtException', (error) => report('Exception non interceptée', error));
  proc.on('unhandledRejection', (reason) => report('Promesse rejetée sans traitement', reason));
}
