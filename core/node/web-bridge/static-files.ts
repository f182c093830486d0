/**
 * The built renderer (index.html and its assets), served read-only: no path outside the folder, correct types,
 * and every unknown page answered with index.html so that the UI's own routes survive a reload.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Headers of every page: never framed by another site, types never guessed, nothing leaked in Referer. */
export const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function text(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(`${message}\n`);
}

async function fileAt(root: string, path: string): Promise<{ path: string; size: number } | null> {
  try {
    const real = await realpath(path);
    // A symbolic link inside the folder must not lead outside it either.
    if (real !== root && !real.startsWith(root + sep)) return null;
    const s = await stat(real);
    return s.isFile() ? { path: real, size: s.size } : null;
  } catch {
    return null;
  }
}

export function createStaticHandler(staticDir: string) {
  const folder = resolve(staticDir);
  let root: Promise<string | null> | null = null;
  const realRoot = () => (root ??= realpath(folder).catch(() => null));

  return async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      text(res, 405, 'Méthode non permise : les pages de Recours se lisent avec GET.', { allow: 'GET, HEAD' });
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      text(res, 400, 'Adresse mal formée.');
      return;
    }
    const base = await realRoot();
    const index = base ? await fileAt(base, join(base, 'index.html')) : null;
    if (!base || !index) {
      text(res, 503, `L’interface de Recours n’est pas construite dans « ${folder} » : lancez « npm run web », qui la construit puis démarre ce serveur.`);
      return;
    }
    if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) {
      text(res, 404, 'Page introuvable.');
      return;
    }
    const target = resolve(base, `.${decoded}`);
    let file = target === base || !(target.startsWith(base + sep)) ? null : await fileAt(base, target);
    if (!file) {
      // A route of the UI (/dossiers/…) gets the page; a missing asset (/assets/x.js) is a real 404.
      if (extname(decoded) && extname(decoded) !== '.html') {
        text(res, 404, `Fichier introuvable : « ${decoded.slice(0, 200)} ».`);
        return;
      }
      file = index;
    }
    const type = TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
    const immutable = /[\\/]assets[\\/]/.test(file.path.slice(base.length));
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': type,
      'content-length': String(file.size),
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };
}
