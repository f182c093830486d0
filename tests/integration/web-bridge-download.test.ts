/**
 * A case's `.recours` archive downloaded from the bridge: prepared by POST /api/download/case/<id> (a French refusal
 * as for any call), then sent as itself, once, from a one-time URL with its name in Content-Disposition — only to
 * the bridge's own page, and leaving no temporary file behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../core/common/api/wire.js';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';
import { contentDisposition } from '../../core/node/web-bridge/download-route.js';
import { postApi, rawRequest, type RawResponse } from './web-bridge-client.js';

let bridge: WebBridge;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'recours-download-'));
  bridge = await startWebBridge({ dataDir, staticDir: join(tmpdir(), 'nulle-part-recours'), log: () => {} });
});
afterAll(() => bridge.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The raw bytes of a response (rawRequest decodes its body as text). */
function getBytes(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: RawResponse['headers']; bytes: Uint8Array }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, headers: { host: `127.0.0.1:${bridge.port}`, ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: new Uint8Array(Buffer.concat(parts)) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const prepare = (id: string, headers: Record<string, string> = {}) => rawRequest(bridge.port, { method: 'POST', path: `/api/download/case/${id}`, headers });
const temporaries = () => readdirSync(dataDir).filter((n) => n.endsWith('.tmp'));

async function caseWithPiece(): Promise<{ id: string; piece: Uint8Array }> {
  const id = (await postApi(bridge.port, 'createCase', { disputeType: 'non-delivery' })).json().result.id as string;
  await postApi(bridge.port, 'saveCase', { id, draft: { claimant: { lastName: 'Bénali' }, order: { platform: 'Amazon', number: '402-7719254-3381946' } } });
  const piece = randomBytes(300_000);
  const added = await postApi(bridge.port, 'addEvidence', encodeWire({ id, name: 'photo du colis.jpg', bytes: new Uint8Array(piece) }));
  expect(added.status, added.text).toBe(200);
  return { id, piece: new Uint8Array(piece) };
}

describe('downloading a case as a .recours file', () => {
  it('sends the archive once, named, and it imports back as the same case', async () => {
    const { id, piece } = await caseWithPiece();
    const prepared = await prepare(id);
    expect(prepared.status, prepared.text).toBe(200);
    const { name, size, url } = decodeWire(prepared.json().result) as { name: string; size: number; url: string };
    expect(name).toBe('benali-402-7719254-3381946.recours');
    expect(url).toMatch(/^\/api\/download\/file\/[0-9a-f]{32}$/);

    const file = await getBytes(url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(file.bytes.length).toBe(size);
    expect(unzipSync(file.bytes)[`pieces/${sha256(piece)}.jpg`]).toEqual(piece);
    // Opened, then removed: nothing stays in the data folder, and the URL served once.
    expect(temporaries()).toEqual([]);
    const again = await rawRequest(bridge.port, { path: url });
    expect(again.status).toBe(404);
    expect(again.json().error.message).toBe('Ce téléchargement n’existe plus (il ne sert qu’une fois, quelques minutes) : relancez l’export du dossier.');

    const upload = await rawRequest(bridge.port, {
      method: 'POST',
      path: '/api/upload/archive',
      headers: { 'content-type': 'application/octet-stream', 'x-recours-file-name': encodeURIComponent(name) },
      body: file.bytes,
    });
    expect(upload.status, upload.text).toBe(200);
    const copy = decodeWire(upload.json().result) as { id: string; draft: unknown; evidence: { id: string; size: number }[] };
    expect(copy.id).not.toBe(id);
    expect(copy.evidence.map((e) => [e.id, e.size])).toEqual([[sha256(piece), piece.length]]);
    const original = decodeWire((await postApi(bridge.port, 'getCase', { id })).json().result) as { draft: unknown };
    expect(copy.draft).toEqual(original.draft);
  });

  it('refuses, in French, an unknown case (404), an id that is none (400), and a wrong method', async () => {
    const unknown = await prepare('2026-11-25-inconnu1');
    expect(unknown.status).toBe(404);
    expect(unknown.json().error).toEqual({ code: 'not-found', message: 'Dossier « 2026-11-25-inconnu1 » introuvable : il a peut-être été supprimé.' });
    const bad = await prepare('..%2F..%2Fetc');
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toBe('Demande « exportCase » mal formée — id : « ../../etc » n’a pas le format attendu');
    const get = await rawRequest(bridge.port, { path: '/api/download/case/2026-11-25-inconnu1' });
    expect(get.status).toBe(405);
    expect(get.json().error.message).toBe('Méthode GET refusée : l’export d’un dossier se prépare avec POST.');
    const other = await rawRequest(bridge.port, { path: '/api/download/secret.txt' });
    expect(other.status).toBe(404);
    expect(other.json().error.message).toBe('Téléchargement refusé : « secret.txt » n’est pas un fichier que Recours propose au téléchargement.');
    expect(temporaries()).toEqual([]);
  });

  it('answers only the bridge’s own page: another site can neither prepare an export nor fetch one', async () => {
    const { id } = await caseWithPiece();
    const foreign = await prepare(id, { origin: 'https://site-piege.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error.message).toBe('Demande refusée : elle vient d’une autre page que Recours (« https://site-piege.example »).');
    const rebound = await prepare(id, { host: 'piege.example:80' });
    expect(rebound.status).toBe(403);
    expect(rebound.json().error.message).toMatch(/^Demande refusée : Recours ne répond qu’à l’adresse http:\/\/127\.0\.0\.1:\d+\/ \(adresse demandée : « piege\.example:80 »\)\.$/);
    expect(temporaries()).toEqual([]);

    // A prepared file, asked for from another origin: refused, and still there for the page that asked.
    const { url } = decodeWire((await prepare(id)).json().result) as { url: string };
    expect((await getBytes(url, { origin: 'https://site-piege.example' })).status).toBe(403);
    expect((await getBytes(url, { host: 'piege.example:80' })).status).toBe(403);
    expect((await getBytes(url)).status).toBe(200);
  });

  it('names the file in Content-Disposition as RFC 6266 asks, whatever its characters', () => {
    expect(contentDisposition('Amazon — colis « été ».recours')).toBe(
      `attachment; filename="Amazon _ colis _ ete _.recours"; filename*=UTF-8''Amazon%20%E2%80%94%20colis%20%C2%AB%20%C3%A9t%C3%A9%20%C2%BB.recours`,
    );
    // Quotes and a header break cannot end the header early.
    expect(contentDisposition('a"b\r\nSet-Cookie: x.recours')).not.toMatch(/[\r\n]|"b/);
  });
});

describe('an archive asked for as JSON', () => {
  it('is refused past the body limit, pointing at « Exporter », instead of being held several times over in base64', async () => {
    const small = await startWebBridge({ dataDir: mkdtempSync(join(tmpdir(), 'recours-download-json-')), staticDir: join(tmpdir(), 'nulle-part-recours'), maxBodyBytes: 150_000, log: () => {} });
    try {
      const id = (await postApi(small.port, 'createCase', { disputeType: 'non-delivery' })).json().result.id as string;
      await postApi(small.port, 'saveCase', { id, draft: { claimant: { lastName: 'Bénali' }, order: { platform: 'Amazon', number: '402-7719254-3381946' } } });
      for (const name of ['photo 1.jpg', 'photo 2.jpg']) {
        const added = await postApi(small.port, 'addEvidence', encodeWire({ id, name, bytes: new Uint8Array(randomBytes(100_000)) }));
        expect(added.status, added.text).toBe(200);
      }
      const answer = await postApi(small.port, 'exportCase', { id });
      expect(answer.status).toBe(413);
      expect(answer.json().error.message).toMatch(
        /^« benali-402-7719254-3381946\.recours » fait 20\d\u00a0Ko, plus que les 150\u00a0Ko qu’une réponse JSON de Recours peut porter\. Exportez le dossier depuis la liste des dossiers \(bouton « Exporter »\), qui l’enregistre directement sur le disque\.$/,
      );
    } finally {
      await small.close();
    }
  });
});
