import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 30_000,
    // Two cores here: keep workers to what the machine has.
    maxWorkers: 2,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Never load the real Electron in a test: its binary is absent on build machines (see tests/stubs/electron.ts).
    alias: { electron: fileURLToPath(new URL('./tests/stubs/electron.ts', import.meta.url)) },
    // Packages that import 'electron' themselves must be transformed by Vitest for the alias to reach them.
    server: { deps: { inline: ['electron-store'] } },
  },
});
