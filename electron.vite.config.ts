/**
 * Builds the desktop app into out/: main process (ESM, out/main), preload (CommonJS — a sandboxed preload
 * cannot load ES modules — out/preload/index.cjs) and the React UI (renderer/vite.config.ts, out/renderer).
 *
 * The main process does not bundle core: it imports core as compiled by `npm run build:core` (dist/core), the
 * same files the `recours` command runs. Core finds its worker threads, templates and optional modules relative
 * to its own files (`new URL('./worker.js', import.meta.url)`, dynamic imports), which a bundle would break.
 * The preload, which may only require('electron'), bundles the little it needs (the API contract and zod).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { defineConfig, type MainViteConfig } from 'electron-vite';
import renderer from './renderer/vite.config.js';

const root = import.meta.dirname;
const coreSources = join(root, 'core');
const coreBuild = join(root, 'dist', 'core');

/** Rewrites every import of core/… to the compiled dist/core/… and keeps it out of the bundle. */
const coreFromDist: NonNullable<MainViteConfig['plugins']>[number] = {
  name: 'recours-core-from-dist',
  enforce: 'pre',
  resolveId(source: string, importer: string | undefined) {
    if (!importer || !source.startsWith('.')) return null;
    const target = resolve(dirname(importer), source);
    const inCore = relative(coreSources, target);
    if (inCore.startsWith('..') || isAbsolute(inCore)) return null;
    const compiled = join(coreBuild, inCore.replace(/\.ts$/, '.js'));
    if (!existsSync(compiled)) {
      throw new Error(`${compiled} est absent : lancez « npm run build:core » avant « electron-vite build ».`);
    }
    return { id: compiled, external: true };
  },
};

export default defineConfig({
  main: {
    plugins: [coreFromDist],
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The utility process that assembles dossiers (progress, cancel, crash isolation).
          background: resolve(root, 'electron/main/jobs/background.ts'),
        },
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads can only require('electron'): zod and the contract are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: resolve(root, 'renderer'),
    build: {
      ...renderer.build,
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the UI unminified by default; users get the same files as the web bridge serves.
      minify: true,
      // electron-vite looks for src/renderer/index.html unless told (and reads rolldownOptions, not rollupOptions).
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
