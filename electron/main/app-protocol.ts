/**
 * The window's pages are served from `app://recours/`, a privileged custom scheme, rather than file://:
 * a page loaded from file:// could read any file of the disk (Electron security checklist, item 18).
 * The handler maps a URL to a file inside the built renderer folder only, and adds the
 * Content-Security-Policy header to every response.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'recours';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Only our own files: no inline script or style, no eval, no plug-in, no remote origin, no framing.
 * Images may be data:/blob: URLs (evidence thumbnails come as data: URLs from core).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Privileges of the scheme, to register before the app is ready (protocol.registerSchemesAsPrivileged). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: relative URLs and origins work as for https; secure: the page is a secure context.
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const;

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file a URL names inside `root`, or null when the URL is not ours or would leave the folder
 * (`..`, encoded separators, NUL bytes, drive letters, UNC paths).
 */
export function resolveAppPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

export interface AppProtocolOptions {
  /** The built renderer (out/renderer). */
  root: string;
  readFile?: (path: string) => Promise<Uint8Array>;
  realpath?: (path: string) => Promise<string>;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/** The handler given to protocol.handle(APP_SCHEME, …). */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? ((p: string) => readFile(p));
  const real = options.realpath ?? ((p: string) => realpath(p));
  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Méthode refusée.');
    const target = resolveAppPath(options.root, request.url);
    if (!target) return textResponse(404, 'Introuvable.');
    try {
      // A symbolic link inside the folder must not lead outside it either.
      realRoot ??= real(resolve(options.root));
      const [rootReal, targetReal] = await Promise.all([realRoot, real(target)]);
      const rel = relative(rootReal, targetReal);
      if (rel.startsWith('..') || isAbsolute(rel)) return textResponse(404, 'Introuvable.');
      const body = await read(targetReal);
      return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers: {
          'Content-Type': MEDIA_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return textResponse(404, 'Introuvable.');
    }
  };
}
