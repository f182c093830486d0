/**
 * tiny-inflate's inflate(source, dest) (raw DEFLATE into a buffer of the known size), as linebreak's Unicode trie
 * calls it, done by Node's zlib instead of JavaScript. Substituted for `tiny-inflate` by scripts/bundle-cli.mjs.
 */
/* global require, module -- CommonJS, as the package it stands for: unicode-trie require()s it and calls the export. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inflateRawSync } = require('node:zlib');

module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  dest.set(out.subarray(0, dest.length));
  return out.length < dest.length ? dest.subarray(0, out.length) : dest;
};
