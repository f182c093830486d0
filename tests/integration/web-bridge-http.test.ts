/** The local web bridge over real HTTP: the UI's files, the API against the real core, and what it refuses. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../core/common/api/wire.js';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';
import { extractPdf, normaliseSpaces } from '../support/pdf-text.js';
import { EXAMPLES_DIR, loadExample } from '../support/examples.js';
import { fakeRenderer, postApi, rawRequest } from './web-bridge-client.js';

let bridge: WebBridge;
let secret: string;

beforeAll(async () => {
  const renderer = fakeRenderer();
  secret = renderer.secret;
  bridge = await startWebBridge({
    dataDir: mkdtempSync(join(tmpdir(), 'recours-web-data-')),
    staticDir: renderer.staticDir,
    today: () => '2026-11-25',
    maxBodyBytes: 2_000_000,
    log: () => {},
  });
});
afterAll(() => bridge.close());

async function call(method: string, params: unknown): Promise<any> {
  const res = await postApi(bridge.port, method, encodeWire(params));
  const body = res.json();
  if (!body.ok) throw new Error(`${method}: ${res.status} ${JSON.stringify(body.error)}`);
  return decodeWire(body.result);
}

describe('API round trips', () => {
  it('listens on the loopback address only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('creates a case, saves the draft, adds evidence, produces the PDF, and lists the case', async () => {
    const created = await call('createCase', { disputeType: 'non-delivery', markedDelivered: true });
    const { evidence: _e, ...draft } = (await loadExample('ordinateur-livre-jamais-recu.json')) as Record<string, any>;
    const saved = await call('saveCase', { id: created.id, draft });
    expect(saved.problems).toEqual([]);

    const bytes = new Uint8Array(readFileSync(join(EXAMPLES_DIR, 'pieces', 'suivi-colis.txt')));
    const withEvidence = await call('addEvidence', { id: created.id, name: 'suivi-colis.txt', bytes });
    expect(withEvidence.evidence).toHaveLength(1);
    expect(withEvidence.evidence[0]).toMatchObject({ number: 1, originalName: 'suivi-colis.txt', size: bytes.length });

    const { document } = await call('generateDocument', { id: created.id, templateId: 'mise-en-demeure-livraison', formats: ['pdf'] });
    const file = await call('documentFile', { id: created.id, documentId: document.id, format: 'pdf' });
    expect(file.bytes).toBeInstanceOf(Uint8Array);
    const text = normaliseSpaces((await extractPdf(file.bytes)).text);
    expect(text).toContain('Mise en demeure de livrer — commande n° 402-7719254-3381946');
    expect(text).toContain('Pièce n° 1 : Suivi colis');

    const list = await call('listCases', { query: 'Benali' });
    expect(list.map((s: any) => s.id)).toEqual([created.id]);
  });

  it('answers a user error with its status and the French message', async () => {
    const res = await postApi(bridge.port, 'getCase', { id: '2026-01-01-zzzzzzzz' });
    expect(res.status).toBe(404);
    expect(res.json()).toEqual({ ok: false, error: { code: 'not-found', message: 'Dossier « 2026-01-01-zzzzzzzz » introuvable : il a peut-être été supprimé.' } });
  });
});

describe('malformed requests', () => {
  it('refuses anything but POST on /api, and bodies that are not JSON', async () => {
    const get = await rawRequest(bridge.port, { path: '/api/listCases' });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json().error.message).toBe('Méthode GET refusée : l’API de Recours ne répond qu’à POST.');

    const form = await rawRequest(bridge.port, { method: 'POST', path: '/api/listCases', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);

    const broken = await rawRequest(bridge.port, { method: 'POST', path: '/api/listCases', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(broken.json()).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Demande « listCases » illisible : le corps n’est pas du JSON valide.' } });

    const badBytes = await postApi(bridge.port, 'importCase', { bytes: { $bytes: '***' } });
    expect(badBytes.json().error.message).toContain('n’est pas encodé en base64');

    const wrong = await postApi(bridge.port, 'saveCase', { id: 'x', draft: [] });
    expect(wrong.status).toBe(400);
    expect(wrong.json().error.message).toMatch(/^Demande « saveCase » mal formée — id : .* ; draft : /);
  });

  it('refuses a body beyond the size limit, in French', async () => {
    const big = await postApi(bridge.port, 'importCase', encodeWire({ bytes: new Uint8Array(1_600_000) }));
    expect(big.status).toBe(413);
    expect(big.json().error.message).toBe(
      'Envoi trop volumineux : une demande à Recours fait au plus 2\u00a0Mo. Les fichiers (pièces, sauvegardes .recours, commandes à importer) s’ajoutent depuis leur écran, qui les envoie tels quels.',
    );
  });
});

describe('DNS rebinding and foreign pages', () => {
  it('refuses a request made under another host name', async () => {
    const res = await postApi(bridge.port, 'listCases', {}, { host: `attaquant.example:${bridge.port}` });
    expect(res.status).toBe(403);
    expect(res.json().error.message).toContain('Demande refusée : Recours ne répond qu’à l’adresse');
    const page = await rawRequest(bridge.port, { path: '/', headers: { host: 'attaquant.example' } });
    expect(page.status).toBe(403);
  });

  it('refuses a request sent by another page (Origin), and accepts its own', async () => {
    const foreign = await postApi(bridge.port, 'listCases', {}, { origin: 'https://site-malveillant.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.json().error.message).toBe('Demande refusée : elle vient d’une autre page que Recours (« https://site-malveillant.example »).');
    const otherPort = await postApi(bridge.port, 'listCases', {}, { origin: `http://127.0.0.1:${bridge.port + 1}` });
    expect(otherPort.status).toBe(403);
    const own = await postApi(bridge.port, 'listCases', {}, { origin: `http://127.0.0.1:${bridge.port}` });
    expect(own.status).toBe(200);
    const viaLocalhost = await postApi(bridge.port, 'listCases', {}, { host: `localhost:${bridge.port}`, origin: `http://localhost:${bridge.port}` });
    expect(viaLocalhost.status).toBe(200);
  });
});

describe('the UI files', () => {
  it('serves index.html and the assets with their types', async () => {
    const index = await rawRequest(bridge.port, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.text).toContain('<div id="racine">');
    expect(index.headers['x-frame-options']).toBe('DENY');
    const js = await rawRequest(bridge.port, { path: '/assets/index-abc123.js' });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe('console.log("Recours");');
    const css = await rawRequest(bridge.port, { path: '/assets/index-abc123.css?v=1' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers the UI’s own routes with index.html, and a missing asset with 404', async () => {
    const route = await rawRequest(bridge.port, { path: '/dossiers/2026-11-25-abcdefgh' });
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="racine">');
    const missing = await rawRequest(bridge.port, { path: '/assets/absent.js' });
    expect(missing.status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt']) {
      const res = await rawRequest(bridge.port, { path });
      expect(res.text, path).not.toContain(secret);
    }
  });

  it('says how to build the UI when it is not built', async () => {
    const other = await startWebBridge({ dataDir: mkdtempSync(join(tmpdir(), 'recours-web-data-')), staticDir: join(tmpdir(), 'nulle-part-recours'), log: () => {} });
    try {
      const res = await rawRequest(other.port, { path: '/' });
      expect(res.status).toBe(503);
      expect(res.text).toContain('L’interface de Recours n’est pas construite');
      expect(res.text).toContain('npm run web');
    } finally {
      await other.close();
    }
  });
});
