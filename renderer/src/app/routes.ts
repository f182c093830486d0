/** The screens, addressed by the URL hash (#/dossier/<id>/pieces), so that Back and Forward work and any screen can be linked. */
import { useCallback, useEffect, useState } from 'react';

export const CASE_TABS = ['faits', 'journal', 'pieces', 'documents', 'echeances'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export type Route =
  | { screen: 'cases' }
  | { screen: 'new-case' }
  /** The first questions of a situation; the case exists (caseId) only once something was saved. */
  | { screen: 'new-case-details'; situation: string; caseId: string | null }
  | { screen: 'case'; caseId: string; tab: CaseTab }
  | { screen: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'nouveau' && second) return { screen: 'new-case-details', situation: second, caseId: third ?? null };
  if (first === 'nouveau') return { screen: 'new-case' };
  if (first === 'reglages') return { screen: 'settings' };
  if (first === 'dossier' && second) {
    const tab = (CASE_TABS as readonly string[]).includes(third ?? '') ? (third as CaseTab) : 'faits';
    return { screen: 'case', caseId: second, tab };
  }
  return { screen: 'cases' };
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case 'cases':
      return '#/';
    case 'new-case':
      return '#/nouveau';
    case 'new-case-details':
      return `#/nouveau/${encodeURIComponent(route.situation)}${route.caseId ? `/${encodeURIComponent(route.caseId)}` : ''}`;
    case 'case':
      return `#/dossier/${encodeURIComponent(route.caseId)}/${route.tab}`;
    case 'settings':
      return '#/reglages';
  }
}

export type Navigate = (route: Route, options?: { replace?: boolean }) => void;

export function useHashRoute(): [Route, Navigate] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    window.addEventListener('popstate', onChange);
    return () => {
      window.removeEventListener('hashchange', onChange);
      window.removeEventListener('popstate', onChange);
    };
  }, []);
  const navigate = useCallback<Navigate>((next, options) => {
    const hash = routeHash(next);
    if (options?.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    setRoute(parseRoute(hash));
  }, []);
  return [route, navigate];
}
