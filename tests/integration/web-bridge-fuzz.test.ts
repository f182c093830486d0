/**
 * Random payloads thrown at the web bridge: whatever arrives — unknown methods, wrong types, broken JSON, odd
 * content types, random drafts for a real case — the server answers JSON with a structured French error (or a
 * result), and is still answering afterwards. Seeded, so that a failure can be replayed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiParams } from '../../core/common/api/contract.js';
import { startWebBridge, type WebBridge } from '../../core/node/web-bridge/index.js';
import { fakeRenderer, postApi, rawRequest } from './web-bridge-client.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const ROUNDS = 400;

/** mulberry32: small, seeded, good enough to vary payloads. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const METHODS = Object.keys(apiParams);
const KEYS = ['id', 'draft', 'bytes', '$bytes', 'templateId', 'formats', 'query', 'settings', 'order', 'evidenceId', 'documentId', 'date', 'mode', 'name', '__proto__', 'constructor', 'format', 'claimant', 'dispute', 'evidence', 'contacts'];
const STRINGS = ['', 'x', '../../etc/passwd', '2026-11-25-abcdefgh', 'recours/case@1', 'recours/case@0', 'recours/case@9', 'mise-en-demeure-livraison', 'pdf', 'dossier', '\u0000', '😀'.repeat(50), 'a'.repeat(5000), 'AAAA', '{"$bytes":1}'];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const kind = Math.floor(r() * (depth > 3 ? 5 : 8));
  switch (kind) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return pick([0, -1, 1.5, 1e308, -0, 2 ** 53, 42]);
    case 3: case 4: return pick(STRINGS);
    case 5: return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    case 6: return { $bytes: pick(['', 'AAEC', '!!!', 'UEsDBA==']) };
    default: return Object.fromEntries(Array.from({ length: Math.floor(r() * 5) }, () => [pick(KEYS), randomValue(r, depth + 1)]));
  }
}

/** A plausible call of each method on the case `id`, to be mutated: random calls alone rarely get past validation. */
function plausible(r: () => number, id: string): [string, Record<string, unknown>] {
  const hex = () => Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const bases: [string, Record<string, unknown>][] = [
    ['listCases', { query: 'benali', includeArchived: r() < 0.5 }],
    ['getCase', { id }],
    ['saveCase', { id, draft: randomValue(r) as Record<string, unknown> }],
    ['archiveCase', { id, archived: r() < 0.5 }],
    ['duplicateCase', { id }],
    ['checkTemplate', { id, templateId: 'mise-en-demeure-livraison', draft: randomValue(r) }],
    ['previewLetter', { id, templateId: 'reclamation-service-client', draft: randomValue(r) }],
    ['generateDocument', { id, templateId: 'reclamation-service-client', formats: ['pdf'] }],
    ['markSent', { id, documentId: '2026-11-25-abcdef1234', date: '2026-11-26', mode: 'lrar' }],
    ['addEvidence', { id, name: String(randomValue(r)).slice(0, 20) || 'piece.bin', bytes: { $bytes: 'UEsDBBQAAAAIAA==' } }],
    ['updateEvidence', { id, evidenceId: hex(), title: 'Titre' }],
    ['reorderEvidence', { id, order: [] }],
    ['removeEvidence', { id, evidenceId: hex() }],
    ['evidenceThumbnail', { id, evidenceId: hex() }],
    ['documentFile', { id, documentId: '2026-11-25-abcdef1234', format: 'pdf' }],
    ['deadlines', { id }],
    ['nextStep', { id }],
    ['exportCase', { id }],
    ['importCase', { bytes: { $bytes: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' } }],
    ['listTemplates', { disputeType: 'non-delivery' }],
    ['unreadableCases', {}],
  ];
  const [method, params] = bases[Math.floor(r() * bases.length)] as [string, Record<string, unknown>];
  if (r() < 0.5) {
    const keys = Object.keys(params);
    const key = r() < 0.8 && keys.length > 0 ? (keys[Math.floor(r() * keys.length)] as string) : (KEYS[Math.floor(r() * KEYS.length)] as string);
    if (key !== 'id' || r() < 0.3) params[key] = randomValue(r);
  }
  return [method, params];
}

let bridge: WebBridge;
const logged: string[] = [];

beforeAll(async () => {
  bridge = await startWebBridge({
    dataDir: mkdtempSync(join(tmpdir(), 'recours-fuzz-')),
    staticDir: fakeRenderer().staticDir,
    today: () => '2026-11-25',
    log: (m) => logged.push(m),
  });
});
afterAll(() => bridge.close());

describe('random payloads', () => {
  it(`never crash the server, and every answer is JSON (seed ${SEED}, ${ROUNDS} requests)`, { timeout: 120_000 }, async () => {
    const r = prng(SEED);
    const created = (await postApi(bridge.port, 'createCase', { disputeType: 'non-delivery' })).json();
    const caseId: string = created.result.id;
    const codes = new Map<string, number>();
    for (let i = 0; i < ROUNDS; i += 1) {
      let method: string;
      let params: unknown;
      if (r() < 0.6) {
        // Half the time, aim at the real case, so that calls get past validation into the store and the letter engine.
        [method, params] = plausible(r, caseId);
      } else {
        method = r() < 0.7 ? (METHODS[Math.floor(r() * METHODS.length)] as string) : String(randomValue(r)).slice(0, 40).replace(/[^\w-]/g, '');
        params = randomValue(r);
      }
      const body = r() < 0.1 ? JSON.stringify(params).slice(0, Math.floor(r() * 20)) : JSON.stringify(params);
      const type = r() < 0.9 ? 'application/json' : 'text/plain';
      const res = await rawRequest(bridge.port, { method: r() < 0.95 ? 'POST' : 'PUT', path: `/api/${method}`, headers: { 'content-type': type }, body });
      const answer = (() => {
        try {
          return JSON.parse(res.text);
        } catch {
          throw new Error(`request ${i} (${method}): not JSON: ${res.status} ${res.text.slice(0, 200)}`);
        }
      })();
      expect(typeof answer.ok, `request ${i}`).toBe('boolean');
      if (!answer.ok) {
        expect(['invalid-request', 'not-found', 'invalid-case', 'failed']).toContain(answer.error.code);
        expect(answer.error.message.length).toBeGreaterThan(10);
        expect(res.status).toBeGreaterThanOrEqual(400);
        codes.set(answer.error.code, (codes.get(answer.error.code) ?? 0) + 1);
      } else {
        codes.set('ok', (codes.get('ok') ?? 0) + 1);
      }
    }
    console.log(`fuzz seed ${SEED}: ${JSON.stringify(Object.fromEntries(codes))}`);
    // Still alive, and the case is still readable.
    expect((await postApi(bridge.port, 'getCase', { id: caseId })).status).toBe(200);
    expect((await postApi(bridge.port, 'listCases', {})).json().ok).toBe(true);
    expect((codes.get('ok') ?? 0) > ROUNDS / 10).toBe(true);
    // No internal error: every failure was one the API foresaw.
    expect(codes.get('failed') ?? 0, logged.join('\n')).toBe(0);
  });
});
