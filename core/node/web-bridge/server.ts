/**
 * The local web bridge: the built UI and the same API as the desktop app, over HTTP on 127.0.0.1 only — for
 * development, for browser tests against the real core, and to try Recours where Electron is not installed.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiDispatcher, type ApiDispatcher } from '../api/dispatcher.js';
import { createCaseStore } from '../store/case-store.js';
import { createJsonSettingsStore } from '../settings/json-settings-store.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { defaultTemplatesDir } from '../template-registry.js';
import { createApiRoute, DEFAULT_MAX_BODY_BYTES, sendError } from './api-route.js';
import { refusal } from './guard.js';
import { createStaticHandler, PAGE_HEADERS } from './static-files.js';
import { workerHeavyWork } from './heavy-work.js';
import { createUploadRoute, UPLOAD_PREFIX, type UploadLimits } from './upload-route.js';
import { createDownloadRoute, DOWNLOAD_PREFIX } from './download-route.js';

export interface WebBridgeOptions {
  /** Where cases are stored (one folder per case). */
  dataDir: string;
  /** The built renderer: index.html and assets/. Default: out/renderer of the project. */
  staticDir?: string;
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** Default: settings.json in dataDir. */
  settings?: SettingsStore;
  templatesDir?: string;
  today?: () => string;
  maxBodyBytes?: number;
  /** The largest file the page may upload, by kind (upload-route.ts), when not the default. */
  maxUploadBytes?: UploadLimits;
  log?: (message: string) => void;
}

export interface WebBridge {
  url: string;
  port: number;
  dispatcher: ApiDispatcher;
  close(): Promise<void>;
}

/** out/renderer next to the templates/ folder of the project (found the same way, in sources or in dist/). */
export function defaultStaticDir(): string {
  return join(defaultTemplatesDir(), '..', 'out', 'renderer');
}

export async function startWebBridge(options: WebBridgeOptions): Promise<WebBridge> {
  const log = options.log ?? ((m: string) => console.error(m));
  const settings = options.settings ?? createJsonSettingsStore(join(options.dataDir, 'settings.json'), { onProblem: log });
  const store = createCaseStore({ dataDir: options.dataDir, onProblem: log, ...(options.today ? { today: options.today } : {}) });
  // Letters and dossiers in a worker thread: a long job never keeps the bridge from answering.
  const heavy = workerHeavyWork();
  const dispatcher = createApiDispatcher({
    store,
    settings,
    log,
    heavyWork: heavy,
    ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
  const api = createApiRoute(dispatcher, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const upload = createUploadRoute(dispatcher, options.dataDir, options.maxUploadBytes);
  const download = createDownloadRoute(dispatcher);
  const serveStatic = createStaticHandler(options.staticDir ?? defaultStaticDir());
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const isApi = pathname === '/api' || pathname.startsWith('/api/');
    const refused = refusal(req, port);
    if (refused) {
      if (isApi) sendError(res, 403, { code: 'invalid-request', message: refused });
      else {
        res.writeHead(403, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        res.end(`${refused}\n`);
      }
      req.resume();
      return;
    }
    if (pathname.startsWith(UPLOAD_PREFIX)) {
      await upload(req, res, pathname.slice(UPLOAD_PREFIX.length));
      return;
    }
    if (pathname.startsWith(DOWNLOAD_PREFIX)) {
      await download.handle(req, res, pathname.slice(DOWNLOAD_PREFIX.length));
      return;
    }
    if (isApi) {
      const method = pathname.slice('/api/'.length);
      await api(req, res, method);
      return;
    }
    await serveStatic(req, res, pathname);
  }

  const server = createServer({ requestTimeout: 10 * 60_000 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`Pont web : erreur inattendue sur ${req.method ?? '?'} ${req.url ?? '?'} : ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      if (!res.headersSent) sendError(res, 500, { code: 'failed', message: 'Erreur interne du serveur local de Recours.' });
      else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nDemande HTTP mal formée.\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // The loopback address only: nothing on the network can reach the bridge.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    dispatcher,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }).finally(() => download.close()),
  };
}
