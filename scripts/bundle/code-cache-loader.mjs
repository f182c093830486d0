/**
 * Loads a CommonJS file of the bundle (dist/bundle/<name>.cjs: the command line, the text, layout, PDF or DOCX
 * libraries) on first use, with V8's code cache (<name>.cjs.cache, written by the build after a sample letter):
 * V8 then neither parses nor compiles what a letter runs — Node 20 has no compile cache of its own, and ES modules
 * cannot be given one. A cache V8 rejects (another Node) only costs the compilation it would have cost anyway.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import vm from 'node:vm';

const loaded = new Map();

export function loadCommonJs(name) {
  const known = loaded.get(name);
  if (known) return known;
  const file = new URL(`./${name}.cjs`, import.meta.url).pathname;
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // Pure ASCII (the libraries: the build leaves no comments in them, and esbuild escapes non-ASCII strings) reads
  // faster as latin1, the same string as UTF-8; our code keeps accented letters in regular expressions.
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, new URL('.', import.meta.url).pathname);
  // '1': every file this run loads; 'missing': only those without a cache yet (the build's sample dossier, after
  // the letter, adds pdf-lib's without replacing the letter's caches by a dossier's).
  const mode = process.env.RECOURS_WRITE_CODE_CACHE;
  if (mode === '1' || (mode === 'missing' && cachedData === undefined)) writeCacheLater(script, cacheFile);
  loaded.set(name, module.exports);
  return module.exports;
}

/** The libraries of a vendor file, by the specifier the code imports them with. */
export function vendor(group) {
  return loadCommonJs(`vendor-${group}`).libraries;
}

/**
 * A stand-in for a value of a lazy vendor file (a function or an object), which loads it when first used: called,
 * constructed, read from (`instanceof` reads its `prototype`). Enough for how core uses yaml and Handlebars.
 */
export function lazy(get, kind) {
  let value;
  const real = () => (value ??= get());
  return new Proxy(kind === 'function' ? function () {} : {}, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    set: (_, key, v) => Reflect.set(real(), key, v),
    apply: (_, self, args) => Reflect.apply(real(), self, args),
    construct: (_, args) => Reflect.construct(real(), args),
  });
}

/** The build's sample letter writes each cache at exit, once the letter's work has run (and so been compiled). */
function writeCacheLater(script, cacheFile) {
  process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
}
