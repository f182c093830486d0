/**
 * Components get the API from this context, so that tests can hand them any implementation of RecoursApi.
 * In the desktop app, the desktop-only actions (open a file, show it in its folder…) come the same way.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RecoursApi } from '../../../core/common/api/contract.js';
import type { RecoursDesktop } from '../../../core/common/api/desktop.js';

const ApiContext = createContext<RecoursApi | null>(null);
const DesktopContext = createContext<RecoursDesktop | null>(null);

export function ApiProvider({ api, desktop = null, children }: { api: RecoursApi; desktop?: RecoursDesktop | null; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <DesktopContext.Provider value={desktop}>{children}</DesktopContext.Provider>
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
