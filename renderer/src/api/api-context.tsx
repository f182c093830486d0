/**
 * Components get the API from this context, so that tests can hand them any implementation of RecoursApi.
 * In the desktop app, the desktop-only actions (open a file, show it in its folder…) come the same way.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RecoursApi } from '../../../core/common/api/contract.js';
import type { RecoursDesktop } from '../../../core/common/api/desktop.js';
import { downloadBytes } from '../case-view/documents/save-bytes.js';
import type { EvidenceUpload, FileUploads } from './http-client.js';

const ApiContext = createContext<RecoursApi | null>(null);
const DesktopContext = createContext<RecoursDesktop | null>(null);
const UploadContext = createContext<FileUploads | null>(null);

/** `uploads`: how chosen files travel when the host has a better way than their bytes through the API (the web bridge's route). */
export function ApiProvider({ api, desktop = null, uploads = null, children }: { api: RecoursApi; desktop?: RecoursDesktop | null; uploads?: FileUploads | null; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <DesktopContext.Provider value={desktop}>
        <UploadContext.Provider value={uploads}>{children}</UploadContext.Provider>
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

const bytesOf = async (file: File) => new Uint8Array(await file.arrayBuffer());

/** The files' bytes through the API: the desktop app's IPC carries them as they are. */
function uploadsThroughApi(api: RecoursApi): FileUploads {
  return {
    addEvidence: async ({ id, file }) => api.addEvidence({ id, name: file.name, bytes: await bytesOf(file) }),
    importCase: async ({ file }) => api.importCase({ bytes: await bytesOf(file) }),
    proposeImport: async ({ file, ...p }) => api.proposeImport({ ...p, name: file.name, bytes: await bytesOf(file) }),
    applyImport: async ({ file, ...p }) => api.applyImport({ ...p, name: file.name, bytes: await bytesOf(file) }),
    exportCase: async ({ id }) => {
      const file = await api.exportCase({ id });
      downloadBytes(file.bytes, file.name, 'application/octet-stream');
      return { name: file.name };
    },
  };
}

/** The host's uploads, else the files' bytes through the API. */
export function useUploads(): FileUploads {
  const api = useApi();
  const uploads = useContext(UploadContext);
  return uploads ?? uploadsThroughApi(api);
}

export function useEvidenceUpload(): EvidenceUpload {
  return useUploads().addEvidence;
}
