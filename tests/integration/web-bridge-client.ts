/** A raw HTTP client for the web bridge tests: any method, any header (Host and Origin included), any body. */
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
}

export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export function postApi(port: number, method: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(port, { method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A stand-in for the built renderer (index.html and one asset), with a secret file next to it that must never be served. */
export function fakeRenderer(): { staticDir: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), 'recours-web-'));
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="fr"><title>Recours</title><div id="racine"></div></html>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log("Recours");');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.css'), 'body { margin: 0 }');
  const secret = 'SECRET-DU-VOISIN';
  writeFileSync(join(root, 'secret.txt'), secret);
  return { staticDir, secret };
}
