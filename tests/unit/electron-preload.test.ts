/**
 * The preload exposes exactly `window.recours` and `window.recoursDesktop`: one function per API method and
 * desktop action, each an invoke on its single channel — never ipcRenderer, never the Electron event.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { apiParams } from '../../core/common/api/contract.js';
import { desktopParams } from '../../core/common/api/desktop.js';
import { createRecoursApi, createRecoursDesktop, unwrapReply } from '../../electron/preload/bridge.js';
import { API_CHANNEL, DESKTOP_CHANNEL, EVENT_CHANNEL } from '../../electron/shared/channels.js';
import { contextBridge, ipcRenderer } from '../stubs/electron.js';

describe('bridge', () => {
  it('offers every API method, each invoking the API channel with its name and parameters', async () => {
    const invoke = vi.fn(async () => ({ ok: true, result: [{ id: 'x' }] }));
    const api = createRecoursApi(invoke);
    expect(Object.keys(api).sort()).toEqual(Object.keys(apiParams).sort());
    expect(await api.listCases({ query: 'amazon' })).toEqual([{ id: 'x' }]);
    expect(invoke).toHaveBeenCalledWith(API_CHANNEL, 'listCases', { query: 'amazon' });
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('rejects with the French message of a structured error', async () => {
    const api = createRecoursApi(async () => ({ ok: false, error: { code: 'not-found', message: 'Dossier introuvable : 2026-11-25-abcdefgh.' } }));
    await expect(api.getCase({ id: '2026-11-25-abcdefgh' })).rejects.toThrow('Dossier introuvable : 2026-11-25-abcdefgh.');
    expect(() => unwrapReply(undefined)).toThrow('Réponse inattendue du processus principal de Recours.');
    expect(() => unwrapReply({ ok: 'yes' })).toThrow('Réponse inattendue');
  });

  it('offers every desktop action on the desktop channel, and events without the Electron event object', async () => {
    const invoke = vi.fn(async () => ({ ok: true, result: { shown: true } }));
    let deliver: (payload: unknown) => void = () => {};
    const unsubscribe = vi.fn();
    const subscribe = vi.fn((listener: (payload: unknown) => void) => {
      deliver = listener;
      return unsubscribe;
    });
    const desktop = createRecoursDesktop(invoke, subscribe);
    expect(Object.keys(desktop).sort()).toEqual([...Object.keys(desktopParams), 'onEvent'].sort());
    await desktop.showDocument({ caseId: '2026-11-25-abcdefgh', documentId: 'doc-12345678', format: 'pdf' });
    expect(invoke).toHaveBeenCalledWith(DESKTOP_CHANNEL, 'showDocument', { caseId: '2026-11-25-abcdefgh', documentId: 'doc-12345678', format: 'pdf' });
    const listener = vi.fn();
    expect(desktop.onEvent(listener)).toBe(unsubscribe);
    deliver({ type: 'progress', jobId: 'job-12345678', done: 1, total: 4, label: 'Pièce n° 1' });
    expect(listener).toHaveBeenCalledWith({ type: 'progress', jobId: 'job-12345678', done: 1, total: 4, label: 'Pièce n° 1' });
    expect(() => desktop.onEvent('pas une fonction' as never)).toThrow('onEvent attend une fonction.');
  });
});

describe('preload script', () => {
  beforeAll(async () => {
    contextBridge.exposeInMainWorld.mockClear();
    await import('../../electron/preload/index.js');
  });

  it('exposes window.recours and window.recoursDesktop, and nothing else', () => {
    expect(contextBridge.exposeInMainWorld.mock.calls.map((c) => c[0])).toEqual(['recours', 'recoursDesktop']);
    for (const [, value] of contextBridge.exposeInMainWorld.mock.calls) {
      for (const member of Object.values(value as Record<string, unknown>)) expect(member).not.toBe(ipcRenderer);
      expect(JSON.stringify(Object.keys(value as object))).not.toMatch(/ipc|invoke|send/i);
    }
  });

  it('forwards only the payload of main-process events', async () => {
    const desktop = contextBridge.exposeInMainWorld.mock.calls[1]?.[1] as { onEvent(l: (e: unknown) => void): () => void };
    const listener = vi.fn();
    const unsubscribe = desktop.onEvent(listener);
    const [channel, handler] = ipcRenderer.on.mock.calls.at(-1) as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(EVENT_CHANNEL);
    handler({ sender: ipcRenderer, ports: [] }, { type: 'menu', command: 'new-case' });
    expect(listener).toHaveBeenCalledWith({ type: 'menu', command: 'new-case' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, handler);
  });

  it('calls the API through ipcRenderer.invoke on the single channel', async () => {
    const api = contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as { getSettings(p: object): Promise<unknown> };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, result: { defaultPlace: 'Lyon' } });
    expect(await api.getSettings({})).toEqual({ defaultPlace: 'Lyon' });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(API_CHANNEL, 'getSettings', {});
  });
});
