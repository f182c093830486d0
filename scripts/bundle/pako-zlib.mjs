/**
 * pako's deflate and inflate, as the bundled CLI's libraries call them (pdf-lib, its standard fonts, fontkit), done by
 * Node's native zlib instead of pako's JavaScript port: the same formats (zlib-wrapped DEFLATE, level 6 by default),
 * several times faster, and pako itself is not bundled. Substituted for `pako` by scripts/bundle-cli.mjs.
 */
import { deflateSync, inflateSync } from 'node:zlib';

const bytes = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** pako.deflate(data, { level }): zlib format. */
export function deflate(data, options = {}) {
  return bytes(deflateSync(data, options.level === undefined || options.level === -1 ? {} : { level: options.level }));
}

/** pako.inflate(data[, { to: 'string' }]): zlib format. */
export function inflate(data, options = {}) {
  const out = inflateSync(data);
  return options.to === 'string' ? out.toString('utf8') : bytes(out);
}

export default { deflate, inflate };
