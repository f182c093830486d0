/**
 * What the preload hands to the page, built from plain functions so that it can be tested without Electron.
 * Each API method is one `invoke` on the single API channel; the page never sees ipcRenderer, channels or the
 * Electron event objects (whose `sender` would give it raw IPC access).
 */
import { apiParams, type RecoursApi } from '../../core/common/api/contract.js';
import { desktopParams, type DesktopEvent, type RecoursDesktop } from '../../core/common/api/desktop.js';
import { API_CHANNEL, DESKTOP_CHANNEL } from '../shared/channels.js';

export type Invoke = (channel: string, name: string, params: unknown) => Promise<unknown>;
/** Registers a listener for main-process events; returns the function that removes it. */
export type Subscribe = (listener: (payload: unknown) => void) => () => void;

/**
 * Turns the main process's `{ ok, result | error }` reply into a result or a rejection.
 * contextBridge keeps only the message of an Error, so the French message is the message.
 */
export function unwrapReply(reply: unknown): unknown {
  if (reply !== null && typeof reply === 'object') {
    const r = reply as { ok?: unknown; result?: unknown; error?: { message?: unknown } };
    if (r.ok === true) return r.result;
    if (r.ok === false && typeof r.error?.message === 'string') throw new Error(r.error.message);
  }
  throw new Error('Réponse inattendue du processus principal de Recours.');
}

export function createRecoursApi(invoke: Invoke): RecoursApi {
  const api: Record<string, (params: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(apiParams)) {
    api[method] = async (params: unknown) => unwrapReply(await invoke(API_CHANNEL, method, params ?? {}));
  }
  return Object.freeze(api) as unknown as RecoursApi;
}

export function createRecoursDesktop(invoke: Invoke, subscribe: Subscribe): RecoursDesktop {
  const desktop: Record<string, unknown> = {};
  for (const action of Object.keys(desktopParams)) {
    desktop[action] = async (params: unknown) => unwrapReply(await invoke(DESKTOP_CHANNEL, action, params ?? {}));
  }
  desktop.onEvent = (listener: unknown): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent attend une fonction.');
    return subscribe((payload) => (listener as (e: DesktopEvent) => void)(payload as DesktopEvent));
  };
  return Object.freeze(desktop) as unknown as RecoursDesktop;
}
