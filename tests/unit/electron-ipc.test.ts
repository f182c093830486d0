/**
 * IPC from the window: every message is checked for its sender and validated against the contract; whatever
 * arrives, the handler answers `{ ok, result | error }` with a French message — it never throws, never hangs.
 */
import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiParams } from '../../core/common/api/contract.js';
import { desktopParams } from '../../core/common/api/desktop.js';
import { createApiHandler, type ApiDispatcher } from '../../electron/main/ipc/api-handler.js';
import { createDesktopHandler, type DesktopActions } from '../../electron/main/ipc/desktop-handler.js';
import { FakeWebContents } from '../stubs/electron.js';

const CASE_ID = '2026-11-25-abcdefgh';
const own = new FakeWebContents();
const trusted = () => own as never;

function event(overrides: Partial<{ sender: unknown; senderFrame: unknown }> = {}) {
  return { sender: own, senderFrame: { url: 'app://recours/index.html', parent: null }, ...overrides } as never;
}

function fakeDispatcher(): ApiDispatcher & { call: ReturnType<typeof vi.fn> } {
  return { call: vi.fn(async (method: string) => ({ method })) };
}

describe('API channel', () => {
  it('passes a valid call from the app window to core, with the validated parameters', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createApiHandler({ dispatcher, trusted, log: vi.fn() });
    const reply = await handle(event(), 'getCase', { id: CASE_ID });
    expect(reply).toEqual({ ok: true, result: { method: 'getCase' } });
    expect(dispatcher.call).toHaveBeenCalledWith('getCase', { id: CASE_ID });
  });

  it.each([
    ['a destroyed frame', { senderFrame: null }],
    ['a sub-frame', { senderFrame: { url: 'app://recours/index.html', parent: {} } }],
    ['a page of another origin', { senderFrame: { url: 'https://example.org/', parent: null } }],
    ['a look-alike origin', { senderFrame: { url: 'app://recours.evil/index.html', parent: null } }],
    ['a file:// page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }],
    ['another WebContents', { sender: new FakeWebContents() }],
  ])('refuses a message from %s, before any work', async (_name, overrides) => {
    const dispatcher = fakeDispatcher();
    const handle = createApiHandler({ dispatcher, trusted, log: vi.fn() });
    expect(await handle(event(overrides), 'getCase', { id: CASE_ID })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Demande refusée : elle ne vient pas de la fenêtre de Recours.' },
    });
    expect(dispatcher.call).not.toHaveBeenCalled();
  });

  it('refuses everything before the window exists', async () => {
    const handle = createApiHandler({ dispatcher: fakeDispatcher(), trusted: () => null, log: vi.fn() });
    expect((await handle(event(), 'listCases', {})).ok).toBe(false);
  });

  it('answers a malformed call with a structured error naming the method and the field', async () => {
    const dispatcher = fakeDispatcher();
    const handle = createApiHandler({ dispatcher, trusted, log: vi.fn() });
    expect(await handle(event(), 'formatDisk', {})).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Demande inconnue : « formatDisk ».' } });
    const reply = await handle(event(), 'getCase', { id: '../../etc/passwd' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-request');
      expect(reply.error.message).toMatch(/^Demande « getCase » mal formée — id : /);
    }
    expect(await handle(event(), '__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(dispatcher.call).not.toHaveBeenCalled();
  });

  it('passes on the errors of core as they are, and reports unexpected ones in French without details', async () => {
    const log = vi.fn();
    const dispatcher = fakeDispatcher();
    const handle = createApiHandler({ dispatcher, trusted, log });
    dispatcher.call.mockRejectedValueOnce(
      new ApiError({ code: 'invalid-case', message: 'Le dossier est incomplet.', problems: [{ path: 'order.date', message: 'Date de commande manquante' }] }),
    );
    expect(await handle(event(), 'getCase', { id: CASE_ID })).toEqual({
      ok: false,
      error: { code: 'invalid-case', message: 'Le dossier est incomplet.', problems: [{ path: 'order.date', message: 'Date de commande manquante' }] },
    });
    expect(log).not.toHaveBeenCalled();
    dispatcher.call.mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'x')"));
    const reply = await handle(event(), 'getCase', { id: CASE_ID });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message:
          'Une erreur inattendue est survenue pendant « getCase ». Vos données déjà enregistrées sont intactes ; ' +
          'le détail est consigné dans le journal de Recours (menu Aide › Ouvrir le dossier des journaux).',
      },
    });
    expect(log).toHaveBeenCalledWith('Erreur inattendue pendant « getCase »', expect.any(TypeError));
  });
});

describe('desktop channel', () => {
  function fakeActions(): DesktopActions {
    const actions = {} as Record<string, unknown>;
    for (const name of Object.keys(desktopParams)) actions[name] = vi.fn(async () => ({ done: name }));
    return actions as unknown as DesktopActions;
  }

  it('runs a valid action with the sender, and refuses unknown keys, paths and foreign senders', async () => {
    const actions = fakeActions();
    const handle = createDesktopHandler({ actions, trusted, log: vi.fn() });
    const params = { caseId: CASE_ID, documentId: 'doc-12345678', format: 'pdf' };
    expect(await handle(event(), 'openDocument', params)).toEqual({ ok: true, result: { done: 'openDocument' } });
    expect(actions.openDocument).toHaveBeenCalledWith(params, own);
    // A path smuggled beside the ids is refused, not ignored.
    const smuggled = await handle(event(), 'openDocument', { ...params, path: '/etc/passwd' });
    expect(smuggled).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle(event(), 'openDocument', { ...params, documentId: '../../x' })).toMatchObject({ ok: false });
    expect(await handle(event({ sender: new FakeWebContents() }), 'openDocument', params)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await handle(event(), 'openPath', { path: '/' })).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Action inconnue : « openPath ».' } });
    expect(actions.openDocument).toHaveBeenCalledTimes(1);
  });

  it('checks e-mail drafts: real addresses, at most ten documents', async () => {
    const handle = createDesktopHandler({ actions: fakeActions(), trusted, log: vi.fn() });
    const base = { caseId: CASE_ID, documents: [{ documentId: 'doc-12345678', format: 'pdf' }], to: ['service@amazon.fr'], subject: 'Objet', body: '' };
    expect((await handle(event(), 'emailDocuments', base)).ok).toBe(true);
    expect((await handle(event(), 'emailDocuments', { ...base, to: ['pas une adresse'] })).ok).toBe(false);
    expect((await handle(event(), 'emailDocuments', { ...base, documents: [] })).ok).toBe(false);
    expect((await handle(event(), 'emailDocuments', { ...base, documents: Array(11).fill(base.documents[0]) })).ok).toBe(false);
  });
});

/** A small deterministic generator (mulberry32): the same payloads on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(rand: () => number, names: string[], depth = 0): unknown {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const kind = Math.floor(rand() * (depth > 3 ? 9 : 14));
  switch (kind) {
    case 0: return undefined;
    case 1: return null;
    case 2: return rand() < 0.5;
    case 3: return pick([0, -0, 1, -1, 3.14, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1]);
    case 4: return pick(['', 'x', CASE_ID, '../../etc/passwd', 'C:\\Windows\\system32', '\u0000', '🦄'.repeat(50), 'a'.repeat(10_000), ...names]);
    case 5: return pick(names);
    case 6: return BigInt(Math.floor(rand() * 1e6));
    case 7: return new Uint8Array(Math.floor(rand() * 64));
    case 8: return new Date(Math.floor(rand() * 2e12));
    case 9: return Array.from({ length: Math.floor(rand() * 5) }, () => randomValue(rand, names, depth + 1));
    case 10: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(rand() * 5); i > 0; i -= 1) o[pick(['id', 'caseId', 'documentId', 'format', 'draft', 'bytes', 'query', 'jobId', 'to', 'documents', 'settings', 'x'])] = randomValue(rand, names, depth + 1);
      return o;
    }
    case 11: return Object.assign(Object.create(null), { id: CASE_ID, toString: undefined });
    case 12: return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    default: return new Map([[randomValue(rand, names, depth + 1), randomValue(rand, names, depth + 1)]]);
  }
}

function assertStructuredReply(reply: unknown): void {
  expect(reply).toBeTypeOf('object');
  const r = reply as { ok: unknown; error?: { code: unknown; message: unknown } };
  expect(typeof r.ok).toBe('boolean');
  if (r.ok === false) {
    expect(['invalid-request', 'not-found', 'invalid-case', 'failed']).toContain(r.error?.code);
    expect(typeof r.error?.message).toBe('string');
    expect((r.error?.message as string).length).toBeGreaterThan(0);
  }
  // What crosses IPC is structured-cloned: a reply that cannot be cloned would be a raw exception in the window.
  expect(() => structuredClone(reply)).not.toThrow();
}

describe('fuzzing', () => {
  it('3 000 random payloads of random types: every handler answers a structured reply, nothing throws', async () => {
    const rand = random(20261125);
    const apiNames = Object.keys(apiParams);
    const desktopNames = Object.keys(desktopParams);
    const log = vi.fn();
    const dispatcher = fakeDispatcher();
    // Core sometimes fails in every possible way, including throwing non-errors.
    dispatcher.call.mockImplementation(async () => {
      const r = rand();
      if (r < 0.2) throw new ApiError({ code: 'not-found', message: 'Dossier introuvable.' });
      if (r < 0.3) throw 'une chaîne';
      if (r < 0.4) throw null;
      if (r < 0.5) throw new Proxy({}, { get: () => { throw new Error('piège'); } });
      return { fine: true };
    });
    const actions = {} as Record<string, unknown>;
    for (const name of desktopNames) actions[name] = vi.fn(async () => ({ done: true }));
    const api = createApiHandler({ dispatcher, trusted, log });
    const desktop = createDesktopHandler({ actions: actions as unknown as DesktopActions, trusted, log });
    const senders = [
      () => event(),
      () => event(),
      () => event({ senderFrame: null }),
      () => event({ senderFrame: randomValue(rand, apiNames) }),
      () => event({ sender: randomValue(rand, apiNames) }),
    ];
    let accepted = 0;
    for (let i = 0; i < 3_000; i += 1) {
      const handler = i % 2 === 0 ? api : desktop;
      const names = i % 2 === 0 ? apiNames : desktopNames;
      const args = Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, names));
      const reply = await handler(senders[Math.floor(rand() * senders.length)]!(), ...args);
      assertStructuredReply(reply);
      if (reply.ok) accepted += 1;
    }
    // The generator does produce valid calls now and then (getSettings {}, listCases {}…): the fuzz reaches core.
    expect(accepted).toBeGreaterThan(0);
    expect(dispatcher.call.mock.calls.length).toBeGreaterThan(0);
  });
});
