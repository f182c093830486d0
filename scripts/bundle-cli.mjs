/**
 * Bundles the `recours` command line into dist/bundle/ (run at the end of `npm run build:core`).
 *
 * Why: run from dist/cli/, a one-shot letter spends a third of its time in Node's module loaders (hundreds of files
 * resolved, read and compiled one by one, CommonJS packages scanned for their export names). One bundle, split so
 * that each command still loads only what it uses, is read in a few files.
 *
 * The libraries are bundled apart, in five files (dist/bundle/vendor-text.cjs: zod, Handlebars' runtime;
 * vendor-compiler.cjs: yaml, Handlebars; vendor-layout.cjs: linebreak, hyphen; vendor-pdf.cjs: pdf-lib, fontkit, for
 * the dossier; vendor-docx.cjs: docx),
 * each loaded on first use by scripts/bundle/code-cache-loader.mjs
 * with V8's code cache (vendor-<group>.cjs.cache, written by a sample letter at the end of this build): Node 20 has no compile cache for ES
 * modules, and compiling these ~4 MB was a sixth of a letter's time. `--version` never loads them.
 *
 * What stays outside, loaded at run time as before:
 * - sharp (native), pdfjs-dist (imported by URL in import/pdf-text.ts), heic-decode (its wasm is read by path):
 *   resolved from node_modules, which sits above dist/bundle/ as above dist/core/;
 * - the evidence worker: evidence/index.ts points at `./worker.js` beside it, so it is bundled as its own entry,
 *   dist/bundle/worker.js, next to the chunks that point at it (chunks are written flat in dist/bundle/);
 * - fonts (dejavu-fonts-ttf, via require.resolve), their deflated tails (dist/font-tails/) and templates/ (both
 *   found by walking up to package.json), which resolve from dist/bundle/ as from dist/core/.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const outdir = join(root, 'dist', 'bundle');

/**
 * core/node/pdf/cjs-libraries.ts requires pdf-lib and fontkit through createRequire (to spare Node's scan of their
 * CommonJS sources); a bundler cannot follow that require, so in the bundle they are imported, and bundled.
 */
const bundledCjsLibraries = {
  name: 'recours-bundled-cjs-libraries',
  setup(b) {
    b.onLoad({ filter: /[\\/]core[\\/]node[\\/]pdf[\\/]cjs-libraries\.ts$/ }, () => ({
      loader: 'ts',
      contents: "import * as pdfLib from 'pdf-lib';\nimport fontkit from '@pdf-lib/fontkit';\nexport { pdfLib, fontkit };\n",
    }));
  },
};

/**
 * Start-up work of fontkit (its ES build, which imports pako instead of embedding a copy) that a letter never uses,
 * or that Node does natively: each patch must find its text, or the build fails (a new fontkit must be looked at).
 * - The Brotli dictionary (only WOFF2 fonts need it, and the letter fonts are TTF) is decompressed, in JavaScript, at
 *   load: it is decompressed on first use instead.
 * - The Unicode tries are inflated by tiny-inflate, in JavaScript: by zlib instead (same raw DEFLATE data).
 * - Its copy of the browser's `buffer` package (every read of a font, every subset written, byte by byte in
 *   JavaScript): Node's Buffer instead.
 * - Its copy of the browser's `process.nextTick` defers by setTimeout (a millisecond at least, for each step of the
 *   stream that encodes a font subset): Node's own nextTick instead.
 */
const FONTKIT_PATCHES = [
  {
    from: 'var buffer = createCommonjsModule(function (module, exports) {',
    to: 'var buffer = __recoursBuffer || createCommonjsModule(function (module, exports) {',
  },
  {
    from: 'function nextTick(fun) {\n',
    to: 'function nextTick(fun) {\n  return globalThis.process.nextTick.apply(globalThis.process, arguments);\n',
  },
  {
    from: 'dictionary.init(BrotliDecompressBuffer);',
    to: `Object.defineProperty(dictionary, 'dictionary', {
  configurable: true,
  get() {
    dictionary.init(BrotliDecompressBuffer);
    return dictionary.dictionary;
  },
});`,
  },
  {
    from: 'inflate = tinyInflate;',
    to: `inflate = (source, dest) => {
  const out = __recoursZlib.inflateRawSync(source);
  dest.set(out.subarray(0, dest.length));
  return out.length < dest.length ? dest.subarray(0, out.length) : dest;
};`,
  },
];

const fastFontkit = {
  name: 'recours-fast-fontkit',
  setup(b) {
    b.onResolve({ filter: /^@pdf-lib\/fontkit$/ }, () => ({ path: join(root, 'node_modules/@pdf-lib/fontkit/dist/fontkit.es.js') }));
    b.onLoad({ filter: /[\\/]@pdf-lib[\\/]fontkit[\\/]dist[\\/]fontkit\.es\.js$/ }, async (args) => {
      const source = await patched(args.path, FONTKIT_PATCHES);
      return { loader: 'js', contents: `import * as __recoursZlib from 'node:zlib';\nimport __recoursBuffer from ${JSON.stringify(join(root, 'scripts/bundle/node-buffer.mjs'))};\n${source}` };
    });
    // pako (deflate/inflate of pdf-lib, its standard fonts and fontkit) by Node's zlib.
    b.onResolve({ filter: /^pako$/ }, () => ({ path: join(root, 'scripts/bundle/pako-zlib.mjs') }));
    // tiny-inflate (linebreak's Unicode trie) likewise.
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: join(root, 'scripts/bundle/tiny-inflate-zlib.cjs') }));
  },
};

/**
 * docx deflates its package's parts with fflate, in JavaScript; here it stores them, and core/node/docx deflates
 * them with zlib (deflateStored in zip-archive.ts), which it does anyway for the parts it rewrites.
 */
const DOCX_STORES = {
  from: 'var zipFiles = (files) => zipSync(Object.fromEntries([...files].map(([path, data]) => [path, bytesOf$2(data)])));',
  to: 'var zipFiles = (files) => zipSync(Object.fromEntries([...files].map(([path, data]) => [path, bytesOf$2(data)])), { level: 0 });',
};

/** The source of a package file with each patch applied, each found exactly once (or the build fails). */
async function patched(path, patches) {
  let source = await readFile(path, 'utf8');
  for (const { from, to } of patches) {
    if (source.split(from).length !== 2) throw new Error(`« ${from} » not found once in ${path}: look at the new version of the package`);
    source = source.replace(from, () => to);
  }
  return source;
}

const docxStoresParts = {
  name: 'recours-docx-stores-parts',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => ({ loader: 'js', contents: await patched(args.path, [DOCX_STORES]) }));
  },
};

/**
 * The libraries, in vendor files that load apart (each with its code cache), so that a command pays only for what
 * it uses: `check` never loads the layout, PDF and DOCX libraries, and a letter never loads pdf-lib and fontkit (its PDF
 * is written by core/node/pdf/letter-pdf.ts itself; the dossier merges with pdf-lib).
 * `compiler` (YAML and Handlebars' compiler) serves only a template compiled from its source, one the template cache
 * (dist/template-cache/, core/node/template-cache.ts) does not hold: its libraries are lazy, loaded on first use
 * rather than when the code importing them loads.
 */
const VENDOR_GROUPS = {
  text: ['zod', 'handlebars/runtime.js'],
  compiler: ['yaml', 'handlebars'],
  layout: ['linebreak', 'hyphen/fr/index.js'],
  pdf: ['pdf-lib', '@pdf-lib/fontkit'],
  docx: ['docx'],
};
const LAZY_GROUPS = new Set(['compiler']);
const VENDOR = Object.values(VENDOR_GROUPS).flat();
const groupOf = (lib) => Object.keys(VENDOR_GROUPS).find((group) => VENDOR_GROUPS[group].includes(lib));
const requireHere = createRequire(join(root, 'package.json'));
/** In the main bundle, each library is a module that takes its exports from its vendor file. */
const fromVendor = {
  name: 'recours-from-vendor',
  setup(b) {
    const filter = new RegExp(`^(${VENDOR.map((v) => v.replace(/[./]/g, (c) => `\\${c}`)).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'recours-vendor' }));
    b.onLoad({ filter: /.*/, namespace: 'recours-vendor' }, async (args) => {
      const exports = await import(pathToFileURL(requireHere.resolve(args.path)).href);
      const names = Object.keys(exports).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
      const group = JSON.stringify(groupOf(args.path));
      const lib = JSON.stringify(args.path);
      if (!LAZY_GROUPS.has(groupOf(args.path))) {
        return {
          resolveDir: root,
          loader: 'js',
          contents: `import { vendor } from './scripts/bundle/code-cache-loader.mjs';\nconst lib = vendor(${group})[${lib}];\nexport default lib.default;\nexport const { ${names.join(', ')} } = lib;\n`,
        };
      }
      // Lazy: each export stands for the library's (functions and objects; a value of another type cannot, and
      // importing it fails the build) until used.
      const kind = (name) => (typeof exports[name] === 'function' ? 'function' : typeof exports[name] === 'object' && exports[name] ? 'object' : undefined);
      const lazy = (name) => `lazy(() => lib()[${JSON.stringify(name)}], ${JSON.stringify(kind(name))})`;
      return {
        resolveDir: root,
        loader: 'js',
        contents:
          `import { vendor, lazy } from './scripts/bundle/code-cache-loader.mjs';\nconst lib = () => vendor(${group})[${lib}];\n` +
          (kind('default') ? `export default ${lazy('default')};\n` : '') +
          names.filter(kind).map((name) => `export const ${name} = ${lazy(name)};\n`).join(''),
      };
    });
  },
};

/** The entry of one vendor file: its libraries, by the specifier the CLI imports them with. */
const vendorEntries = {
  name: 'recours-vendor-entries',
  setup(b) {
    b.onResolve({ filter: /^recours-vendor:/ }, (args) => ({ path: args.path.slice('recours-vendor:'.length), namespace: 'recours-vendor-entry' }));
    b.onLoad({ filter: /.*/, namespace: 'recours-vendor-entry' }, (args) => {
      const libs = VENDOR_GROUPS[args.path];
      return {
        resolveDir: root,
        loader: 'js',
        contents:
          libs.map((lib, i) => `import * as lib${i} from ${JSON.stringify(lib)};`).join('\n') +
          `\nexport const libraries = { ${libs.map((lib, i) => `${JSON.stringify(lib)}: lib${i}`).join(', ')} };\n`,
      };
    });
  },
};

/** What every CommonJS file of the bundle is built with. */
const COMMON_JS = { absWorkingDir: root, outdir, outExtension: { '.js': '.cjs' }, bundle: true, format: 'cjs', platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

rmSync(outdir, { recursive: true, force: true });
await build({
  ...COMMON_JS,
  entryPoints: Object.fromEntries(Object.keys(VENDOR_GROUPS).map((group) => [`vendor-${group}`, `recours-vendor:${group}`])),
  plugins: [vendorEntries, bundledCjsLibraries, fastFontkit, docxStoresParts],
  // No comments (a few have accented letters): the files are pure ASCII, which code-cache-loader.mjs reads fastest.
  minifyWhitespace: true,
});
const EXTERNAL = ['sharp', 'pdfjs-dist', 'pdfjs-dist/*', 'heic-decode', 'electron'];
/**
 * The command line: one CommonJS file (dist/bundle/cli.cjs), loaded with its code cache by the ES module main.js.
 * Modules a command imports dynamically stay lazy (esbuild initialises them on import), so `check` still never runs
 * the PDF or DOCX code.
 */
await build({
  ...COMMON_JS,
  entryPoints: { cli: 'cli/main.ts' },
  external: EXTERNAL,
  // Code that finds files beside itself (workers, fonts, templates) does so from the bundle's file.
  define: { 'import.meta.url': '__recoursModuleUrl' },
  banner: { js: "var __recoursModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [bundledCjsLibraries, fromVendor],
});
/** The ES entries: the loader above, and the evidence worker (a dossier's), as before. */
await build({
  absWorkingDir: root,
  entryPoints: { main: 'scripts/bundle/main.mjs', worker: 'core/node/evidence/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: '[name]-[hash]',
  external: EXTERNAL,
  // Bundled CommonJS code may call require() (node: built-ins): give the ES bundle one.
  banner: { js: "import { createRequire as __recoursCreateRequire } from 'node:module'; const require = __recoursCreateRequire(import.meta.url);" },
  plugins: [bundledCjsLibraries, fromVendor],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * V8's code cache of each CommonJS file, written after a sample letter, so that it holds what a letter compiles.
 * A first letter, with the template cache set aside, compiles its template (the `compiler` group's cache, for an
 * edited template); a second, with it, writes the caches of what a letter from the template cache runs; a third,
 * with its dossier, adds the caches of what only a dossier loads (pdf-lib, fontkit).
 */
function sampleLetter(options = [], cache = '1') {
  const sample = mkdtempSync(join(tmpdir(), 'recours-bundle-'));
  const letter = spawnSync(
    process.execPath,
    [join(root, 'bin/recours.js'), 'generate', join(root, 'examples/retard-livraison-marketplace.json'), '--template', 'mise-en-demeure-livraison', '--out', sample, ...options],
    { env: { ...process.env, RECOURS_WRITE_CODE_CACHE: cache }, encoding: 'utf8' },
  );
  rmSync(sample, { recursive: true, force: true });
  if (letter.status !== 0) throw new Error(`the bundled CLI failed to write the sample letter: ${letter.stderr}`);
}
const templateCache = join(root, 'dist', 'template-cache');
const templateCacheAside = `${templateCache}.aside`;
if (!existsSync(templateCache)) throw new Error(`${templateCache} is missing: run scripts/template-cache.mjs first (npm run build:core does)`);
renameSync(templateCache, templateCacheAside);
try {
  sampleLetter();
} finally {
  renameSync(templateCacheAside, templateCache);
}
sampleLetter();
// pdf-lib's and fontkit's, which only a dossier loads.
sampleLetter(['--dossier'], 'missing');
