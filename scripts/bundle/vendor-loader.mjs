/**
 * Loads a vendor file of the bundle (dist/bundle/vendor-<group>.cjs: the text, compiler, PDF or DOCX libraries) on first use,
 * with V8's code cache (vendor-<group>.cjs.cache, written by the build after a sample letter): V8 then neither
 * parses nor compiles what a letter runs. A cache V8 rejects (another Node) only costs the compilation it would
 * have cost anyway.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

const loaded = new Map();

export function vendor(group) {
  const known = loaded.get(group);
  if (known) return known;
  const file = new URL(`./vendor-${group}.cjs`, import.meta.url).pathname;
  const cacheFile = `${file}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // esbuild escapes non-ASCII characters in code, so latin1 reads the code as utf8 would, faster (only a few
  // comments come out garbled). The cache was written from the same string.
  const source = readFileSync(file, 'latin1');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, new URL('.', import.meta.url).pathname);
  if (process.env.RECOURS_WRITE_CODE_CACHE === '1') writeCacheLater(script, cacheFile);
  const libraries = module.exports.libraries;
  loaded.set(group, libraries);
  return libraries;
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

/** The build's sample letter writes each cache once its work is done: at exit, or when the PDF thread replies. */
const pending = [];
function writeCacheLater(script, cacheFile) {
  pending.push(() => writeFileSync(cacheFile, script.createCachedData()));
  if (pending.length === 1 && isMainThread) process.on('exit', writeVendorCaches);
}

function writeVendorCaches() {
  for (const write of pending.splice(0)) write();
}
// A worker thread is stopped, not left to exit: the PDF thread (core/node/pdf/letter-pdf-worker.ts) calls this.
globalThis[Symbol.for('recours.writeCodeCaches')] = writeVendorCaches;
