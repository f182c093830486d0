/**
 * A file sent from the browser: the file itself is the body of POST /api/upload/<kind>, streamed to a temporary
 * file, then moved into the case (a piece) or read by core (a `.recours` archive, an order to import). The stored bytes are the sent ones; a file over the limit gets a French
 * message naming it and the limit, and no temporary file stays behind — whether its size was declared or not,
 * and when the page gives up half-way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../core/common/api/wire.js';
import { CASE_LIMITS } from '../../core/common/case/limits.js';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';
import { postApi, rawRequest } from './web-bridge-client.js';
import { laptopConfirmation } from '../support/fixtures-import.js';

const LIMIT = 8_000_000;
/** Smaller than a piece may be, so that a case with one big piece makes too big an archive. */
const ARCHIVE_LIMIT = 4_000_000;
let bridge: WebBridge;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'recours-upload-'));
  bridge = await startWebBridge({ dataDir, staticDir: join(tmpdir(), 'nulle-part-recours'), maxUploadBytes: { evidence: LIMIT, archive: ARCHIVE_LIMIT, order: LIMIT, 'order/apply': LIMIT }, log: () => {} });
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
  return send(`evidence?id=${id}`, name, body, extra);
}

function send(kindAndQuery: string, name: string, body: Uint8Array, extra: Record<string, string> = {}) {
  return rawRequest(bridge.port, { method: 'POST', path: `/api/upload/${kindAndQuery}`, headers: headersFor(name, extra), body });
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

describe('a piece sent inline, as base64 in a JSON request', () => {
  it('is still added when small (a script, an old page)', async () => {
    const id = await newCase();
    const res = await postApi(bridge.port, 'addEvidence', encodeWire({ id, name: 'ticket.jpg', bytes: randomBytes(1_000_000) }));
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.json().result.evidence).toMatchObject([{ originalName: 'ticket.jpg', size: 1_000_000 }]);
  });

  it('is refused past 5 Mo with a French message naming the file and the Pièces screen, and nothing is added', async () => {
    const id = await newCase();
    const res = await postApi(bridge.port, 'addEvidence', encodeWire({ id, name: 'vidéo du colis.mp4', bytes: randomBytes(6_000_000) }));
    expect(res.status).toBe(413);
    expect(res.json().error.message).toBe(
      '« vidéo du colis.mp4 » n’a pas été ajouté : il fait 6\u00a0Mo, plus que les 5\u00a0Mo qu’une pièce peut faire dans une demande JSON (en base64). Ajoutez-le depuis l’écran « Pièces » du dossier, qui envoie le fichier tel quel.',
    );
    expect((await postApi(bridge.port, 'getCase', { id })).json().result.evidence).toEqual([]);
    expect(readdirSync(join(dataDir, id, 'pieces'))).toEqual([]);
  });

  it('is refused unread past the size of any request (twice a case’s), pointing to the Pièces screen', async () => {
    // Declared, not sent: the bridge answers from the headers, as a browser's request with its Content-Length.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: bridge.port, method: 'POST', path: '/api/addEvidence', headers: { host: `127.0.0.1:${bridge.port}`, 'content-type': 'application/json', 'content-length': String(CASE_LIMITS.fileBytes * 3) } },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () => (resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }), req.destroy()));
        },
      );
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text).error.message).toBe(
      'Pièce non ajoutée : la demande dépasse 21\u00a0Mo, la taille maximale d’une demande à Recours. Ajoutez-la depuis l’écran « Pièces » du dossier, qui envoie le fichier tel quel.',
    );
  });
});

/** A `.recours` export of a case holding one piece of `pieceBytes` bytes (random: stored as is in the archive). */
async function exportWithPiece(pieceBytes: number): Promise<{ id: string; archive: Uint8Array }> {
  const id = await newCase();
  await postApi(bridge.port, 'saveCase', { id, draft: { order: { platform: 'Amazon', number: '402-1111111-2222222' } } });
  expect((await upload(id, 'photo du colis.jpg', randomBytes(pieceBytes))).status).toBe(200);
  const exported = decodeWire((await postApi(bridge.port, 'exportCase', { id })).json().result) as { bytes: Uint8Array };
  return { id, archive: exported.bytes };
}

describe('importing a .recours archive as a file', () => {
  it('installs the case of the archive under a new id, with its facts and its piece', async () => {
    const { id, archive } = await exportWithPiece(3_500_000);
    const res = await send('archive', 'sauvegarde.recours', archive);
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    const imported = decodeWire(res.json().result) as { id: string; draft: { order?: { number?: string } }; evidence: { originalName: string; size: number }[] };
    expect(imported.id).not.toBe(id);
    expect(imported.draft.order?.number).toBe('402-1111111-2222222');
    expect(imported.evidence).toMatchObject([{ originalName: 'photo du colis.jpg', size: 3_500_000 }]);
    expect(leftovers()).toEqual([]);
  });

  it('refuses an archive over the limit with a French message naming it and the limit, and imports nothing', async () => {
    const { archive } = await exportWithPiece(ARCHIVE_LIMIT + 100_000);
    const before = (await postApi(bridge.port, 'listCases', {})).json().result.length as number;
    const res = await send('archive', 'grosse sauvegarde.recours', archive);
    expect(res.status).toBe(413);
    expect(res.json().error.message).toBe('« grosse sauvegarde.recours » n’a pas été importé : il dépasse 4\u00a0Mo, la taille maximale d’une sauvegarde Recours (.recours). Rien n’a été modifié.');
    expect((await postApi(bridge.port, 'listCases', {})).json().result).toHaveLength(before);
    await expect.poll(leftovers).toEqual([]);
  });

  it('answers a file that is not an archive with the same French message as before, and leaves nothing', async () => {
    const res = await send('archive', 'photo.recours', randomBytes(1000));
    expect(res.status).toBe(400);
    expect(res.json().error.message).toBe('Fichier .recours non importé : ce n’est pas une archive .recours lisible (fichier abîmé ou d’un autre type).');
    expect(leftovers()).toEqual([]);
  });
});

describe('importing an order as a file', () => {
  it('proposes the facts of an e-mail without writing, then applies the ticked ones and keeps the file as a piece', async () => {
    const id = await newCase();
    const email = laptopConfirmation();
    const proposed = await send(`order?id=${id}`, 'confirmation.eml', email);
    expect(proposed.status, proposed.text.slice(0, 300)).toBe(200);
    const preview = decodeWire(proposed.json().result) as { kind: string; proposal: { facts: { path: string }[] } };
    expect(preview.kind).toBe('proposal');
    expect(preview.proposal.facts.map((f) => f.path)).toContain('order.number');
    expect((await postApi(bridge.port, 'getCase', { id })).json().result.evidence).toEqual([]);

    const applied = await send(`order/apply?id=${id}&path=order.number&path=order.total`, 'confirmation.eml', email);
    expect(applied.status, applied.text.slice(0, 300)).toBe(200);
    const result = decodeWire(applied.json().result) as { added: { path: string }[]; case: { draft: { order?: Record<string, unknown> }; evidence: { originalName: string; size: number }[] } };
    expect(result.added.map((f) => f.path)).toEqual(['order.number', 'order.total']);
    expect(result.case.draft.order).toMatchObject({ number: '402-7719254-3381946', total: 849.99 });
    expect(result.case.draft.order?.date).toBeUndefined();
    expect(result.case.evidence).toMatchObject([{ originalName: 'confirmation.eml', size: email.length }]);
    expect(leftovers()).toEqual([]);
  });

  it('refuses a file over the limit with a French message naming it and the limit, and changes nothing', async () => {
    const id = await newCase();
    const res = await send(`order/apply?id=${id}&path=order.number`, 'export Amazon.zip', randomBytes(LIMIT + 1));
    expect(res.status).toBe(413);
    expect(res.json().error.message).toBe(
      'Import impossible : « export Amazon.zip » dépasse 8\u00a0Mo, la taille maximale d’un fichier de commande (export de données Amazon, e-mail, facture PDF). Rien n’a été modifié.',
    );
    expect((await postApi(bridge.port, 'getCase', { id })).json().result.evidence).toEqual([]);
    await expect.poll(leftovers).toEqual([]);
  });

  it('gives the import’s own French message for an unknown format, and refuses an unknown kind of upload', async () => {
    const res = await send('order', 'notes.txt', new TextEncoder().encode('rien à voir'));
    expect(res.status).toBe(400);
    expect(res.json().error.message).toMatch(/^Import impossible : « notes\.txt » : format non reconnu/);
    const unknown = await send('programme', 'a.exe', new Uint8Array(3));
    expect(unknown.status).toBe(404);
    expect(unknown.json().error.message).toContain('« programme » n’est pas un type d’envoi de fichier connu de Recours');
    expect(leftovers()).toEqual([]);
  });
});
