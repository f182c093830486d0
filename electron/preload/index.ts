/**
 * Preload of the main window. Runs sandboxed (CommonJS, only `electron` may be required), with context isolation:
 * it exposes exactly two objects, `window.recours` (the shared API) and `window.recoursDesktop` (desktop-only
 * actions and events), and nothing else — in particular never ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '../shared/channels.js';
import { createRecoursApi, createRecoursDesktop, type Invoke, type Subscribe } from './bridge.js';

const invoke: Invoke = (channel, name, params) => ipcRenderer.invoke(channel, name, params);

const subscribe: Subscribe = (listener) => {
  // Only the payload crosses: the event object carries `sender`, i.e. the whole ipcRenderer.
  const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
};

contextBridge.exposeInMainWorld('recours', createRecoursApi(invoke));
contextBridge.exposeInMainWorld('recoursDesktop', createRecoursDesktop(invoke, subscribe));
