/** The API the UI talks to: the one the Electron preload exposes, else the local web bridge over HTTP. */
import type { RecoursApi } from '../../../core/common/api/contract.js';
import type { RecoursDesktop } from '../../../core/common/api/desktop.js';
import { createHttpApi, createHttpUpload, type EvidenceUpload } from './http-client.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge.exposeInMainWorld('recours', …)). */
    recours?: RecoursApi;
    /** Desktop-only actions, set by the Electron preload; absent in a browser. */
    recoursDesktop?: RecoursDesktop;
  }
}

export function getApi(): RecoursApi {
  return window.recours ?? createHttpApi('/api/');
}

export function getDesktop(): RecoursDesktop | null {
  return window.recoursDesktop ?? null;
}

/** In a browser, pieces go to the web bridge's upload route as files; the desktop app has none (null: through its API). */
export function getUpload(): EvidenceUpload | null {
  return window.recours ? null : createHttpUpload('/api/');
}
