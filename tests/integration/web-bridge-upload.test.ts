/**
 * A piece uploaded from the browser: the file itself is the body of POST /api/upload/evidence, streamed to a
 * temporary file and moved into the case. The stored bytes are the sent ones; a file over the limit gets a French
 * message naming it and the limit, and no temporary file stays behind — whether its size was declared or not,
 * and when the page gives up half-way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire } from '../../core/common/api/wire.js';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';
import { postApi, rawRequest } from './web-bridge-client.js';

const LIMIT = 8_000_000;
let bridge: WebBridge;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'recours-upload-'));
  bridge = await startWebBridge({ dataDir, staticDir: join(tmpdir(), 'nulle-part-recours'), maxUploadBytes: LIMIT, log: () => {} });
});
afterAll(() => bridge.close());

async function newCase(): Promise<string> {
  return (await postApi(bridge.port, 'createCase', { disputeType: 'non-delivery' })).json().result.id as string;
}

const headersFor = (name: string, extra: Record<string, string> = {}) => ({
  'content-type': 'application/octet-stream',
  'x-recours-file-name': encodeURIComponent(name),
  ...extra,
});

function upload(id: string, name: string, body: Uint8Array, extra: Record<string, string> = {}) {
  return rawRequest(bridge.port, { method: 'POST', path: `/api/upload/evidence?id=${id}`, headers: headersFor(name, extra), body });
}

/** The same, chunked (no Content-Length): the size is only known by counting the bytes as they come. */
function uploadChunked(id: string, name: string, chunks: number, chunkSize: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: bridge.port, method: 'POST', path: `/api/upload/evidence?id=${id}`, headers: { host: `127.0.0.1:${bridge.port}`, ...headersFor(name) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }));
      },
    );
    // The bridge may close the connection as soon as it has answered: the rest of the body is then not sent.
    req.on('error', (e) => (/EPIPE|ECONNRESET/.test(String(e)) ? undefined : reject(e)));
    const block = randomBytes(chunkSize);
    let sent = 0;
    const pump = () => {
      while (sent < chunks) {
        sent += 1;
        if (!req.write(block)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/** Files the upload may have left anywhere in the data folder (its temporaries, a half-written piece). */
function leftovers(): string[] {
  return readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp'));
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('uploading a piece as a file', () => {
  it('stores the exact bytes of a file of several megabytes under the name the page gave', async () => {
    const id = await newCase();
    const bytes = randomBytes(6_000_000);
    const res = await upload(id, 'vidéo du colis.mp4', bytes);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const stored = decodeWire(res.json().result) as { evidence: { originalName: string; size: number }[] };
    expect(stored.evidence).toHaveLength(1);
    expect(stored.evidence[0]).toMatchObject({ originalName: 'vidéo du colis.mp4', size: bytes.length });
    const pieces = readdirSync(join(dataDir, id, 'pieces'));
    expect(pieces).toEqual([`${sha256(bytes)}.mp4`]);
    expect(sha256(readFileSync(join(dataDir, id, 'pieces', pieces[0]!)))).toBe(sha256(bytes));
    expect(leftovers()).toEqual([]);
  });

  it('refuses a file over the limit with a French message naming it and the limit, and keeps nothing', async () => {
    const id = await newCase();
    const res = await upload(id, 'film.mp4', randomBytes(LIMIT + 1), { 'content-length': String(LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(res.json().error.message).toBe(
      '« film.mp4 » n’a pas été ajouté : il dépasse 8\u00a0Mo, la taille maximale d’une pièce. Réduisez-le (une vidéo plus courte, une photo moins lourde) ou découpez-le.',
    );
    expect(leftovers()).toEqual([]);
    expect(readdirSync(join(dataDir, id, 'pieces'), { encoding: 'utf8' }).length ?? 0).toBe(0);
  });

  it('counts the bytes as they come when no size is declared, and stops at the limit', async () => {
    const id = await newCase();
    const res = await uploadChunked(id, 'sans-taille.bin', 40, 1_000_000);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.message).toContain('« sans-taille.bin » n’a pas été ajouté : il dépasse 8\u00a0Mo');
    await expect.poll(leftovers).toEqual([]);
  });

  it('leaves no temporary file when the page gives up half-way', async () => {
    const id = await newCase();
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, method: 'POST', path: `/api/upload/evidence?id=${id}`, headers: { host: `127.0.0.1:${bridge.port}`, ...headersFor('coupé.bin', { 'content-length': '5000000' }) } });
      req.on('error', () => resolve());
      req.write(randomBytes(1_000_000), () => setTimeout(() => (req.destroy(), resolve()), 200));
    });
    await expect.poll(leftovers).toEqual([]);
    const stored = (await postApi(bridge.port, 'getCase', { id })).json().result;
    expect(stored.evidence).toEqual([]);
  });

  it('shows a name without its right-to-left override in the message', async () => {
    const id = await newCase();
    const res = await upload(id, 'facture\u202Efdp.exe', randomBytes(LIMIT + 1));
    const message = res.json().error.message as string;
    expect(message).toContain('« facturefdp.exe »');
    expect(message).not.toContain('\u202E');
  });

  it('answers only the page of the bridge: another origin, or no file name, is refused', async () => {
    const id = await newCase();
    const foreign = await upload(id, 'a.txt', new TextEncoder().encode('x'), { origin: 'http://exemple.com' });
    expect(foreign.status).toBe(403);
    const unnamed = await rawRequest(bridge.port, { method: 'POST', path: `/api/upload/evidence?id=${id}`, headers: { 'content-type': 'application/octet-stream' }, body: 'x' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.json().error.message).toContain('le nom du fichier manque');
    const unknown = await upload('2026-01-01-inconnu0', 'a.txt', new TextEncoder().encode('x'));
    expect(unknown.status).toBe(404);
    expect((await postApi(bridge.port, 'getCase', { id })).json().result.evidence).toEqual([]);
  });
});
