/**
 * Loads dist/bundle/vendor.cjs (the libraries, ~4 MB of JavaScript) with V8's code cache (vendor.cjs.cache, written
 * by the build after a sample letter): V8 then neither parses nor compiles what a letter runs. A cache V8 rejects (an
 * other Node) only costs the compilation it would have cost anyway.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import vm from 'node:vm';

let loaded;

export function vendor() {
  if (loaded) return loaded;
  const file = new URL('./vendor.cjs', import.meta.url).pathname;
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
  if (process.env.RECOURS_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  loaded = module.exports.libraries;
  return loaded;
}
