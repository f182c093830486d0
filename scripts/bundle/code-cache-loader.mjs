/**
 * Loads a CommonJS file of the bundle (dist/bundle/<name>.cjs: the command line, the PDF thread, the text, PDF or
 * DOCX libraries) on first use, with V8's code cache (<name>.cjs.cache, written by the build after a sample letter):
 * V8 then neither parses nor compiles what a letter runs — Node 20 has no compile cache of its own, and ES modules
 * cannot be given one. A cache V8 rejects (another Node) only costs the compilation it would have cost anyway.
 */
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

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
  if (process.env.RECOURS_WRITE_CODE_CACHE === '1') writeCacheLater(script, cacheFile);
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

/**
 * The build's sample letter writes each cache once its work is done: at exit, or, in the PDF thread (which is
 * stopped, not left to exit), when core/node/pdf/letter-pdf-worker.ts calls the writers. The list is shared by the
 * copies of this module (the one beside main.js, and the one inside the command line's bundle).
 */
const WRITERS = Symbol.for('recours.codeCacheWriters');
function writeCacheLater(script, cacheFile) {
  const writers = (globalThis[WRITERS] ??= []);
  writers.push(() => writeFileSync(cacheFile, script.createCachedData()));
  if (isMainThread) process.once('exit', () => writeAll(writers));
}

function writeAll(writers) {
  for (const write of writers.splice(0)) write();
}
