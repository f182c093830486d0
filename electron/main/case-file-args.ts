/**
 * `.recours` files handed to the app by the system: on the command line (Windows, Linux, and the second launch
 * forwarded by the single-instance lock) or through macOS's `open-file` event.
 */
import { isAbsolute, resolve } from 'node:path';

export const CASE_FILE_EXTENSION = '.recours';

/** The `.recours` paths among command-line arguments, made absolute against the launching directory. */
export function caseFilesInArgs(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  // argv[0] is the executable; options (--flag, -psn_… on old macOS) are never files.
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string' || arg.startsWith('-')) continue;
    if (!arg.toLowerCase().endsWith(CASE_FILE_EXTENSION) || arg.includes('\0')) continue;
    const path = isAbsolute(arg) ? arg : resolve(workingDirectory, arg);
    if (!files.includes(path)) files.push(path);
  }
  return files;
}
