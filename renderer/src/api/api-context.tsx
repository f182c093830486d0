/**
 * Components get the API from this context, so that tests can hand them any implementation of RecoursApi.
 * In the desktop app, the desktop-only actions (open a file, show it in its folder…) come the same way.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RecoursApi } from '../../../core/common/api/contract.js';
import type { RecoursDesktop } from '../../../core/common/api/desktop.js';
import type { EvidenceUpload } from './http-client.js';

const ApiContext = createContext<RecoursApi | null>(null);
const DesktopContext = createContext<RecoursDesktop | null>(null);
const UploadContext = createContext<EvidenceUpload | null>(null);

/** `upload`: how a file becomes a piece when the host has a better way than its bytes through the API (the web bridge's route). */
export function ApiProvider({ api, desktop = null, upload = null, children }: { api: RecoursApi; desktop?: RecoursDesktop | null; upload?: EvidenceUpload | null; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <DesktopContext.Provider value={desktop}>
        <UploadContext.Provider value={upload}>{children}</UploadContext.Provider>
      </DesktopContext.Provider>
    </ApiContext.Provider>
  );
}

export function useApi(): RecoursApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() hors de <ApiProvider> : l’interface n’a pas reçu l’accès à Recours.');
  return api;
}

/** The desktop actions, or null in a browser (the buttons that need them are then not shown). */
export function useDesktop(): RecoursDesktop | null {
  return useContext(DesktopContext);
}

/** The host's upload, else the file's bytes through addEvidence (the desktop app's IPC carries them as they are). */
export function useEvidenceUpload(): EvidenceUpload {
  const api = useApi();
  const upload = useContext(UploadContext);
  return upload ?? (async ({ id, file }) => api.addEvidence({ id, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }));
}
