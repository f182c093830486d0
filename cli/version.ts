/** `recours --version`: apart, so that the bundle's entry answers it without loading the command line. */
import { createRequire } from 'node:module';

export function isVersionRequest(argv: readonly string[]): boolean {
  return argv[0] === '--version' || argv[0] === '-v';
}

export function versionLine(): string {
  return `recours ${version()}`;
}

function version(): string {
  // package.json sits two folders up, from cli/ in source and from dist/cli/ or dist/bundle/ once built.
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'recours' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return 'inconnue';
}
