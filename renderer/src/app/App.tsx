/** The application frame: a header with the two places (cases, settings) and the current screen. */
import { useEffect, useState } from 'react';
import { useDesktop } from '../api/api-context.js';
import { userMessage } from '../api/errors.js';
import { ErrorMessage } from '../common/ErrorMessage.js';
import { CasesScreen } from '../cases/CasesScreen.js';
import { CaseScreen } from '../case-view/CaseScreen.js';
import { NewCaseDetails } from '../new-case/NewCaseDetails.js';
import { NewCaseScreen } from '../new-case/NewCaseScreen.js';
import { SettingsScreen } from '../settings/SettingsScreen.js';
import { NavigationContext } from './navigation-context.js';
import { useHashRoute, type Navigate, type Route } from './routes.js';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'cases':
      return <CasesScreen />;
    case 'new-case':
      return <NewCaseScreen />;
    case 'new-case-details':
      return <NewCaseDetails key={route.situation} caseId={route.caseId} situationId={route.situation} />;
    case 'case':
      return <CaseScreen key={route.caseId} caseId={route.caseId} tab={route.tab} />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/** A file dropped outside a drop zone must not replace the application by the file. */
function useNoStrayFileDrops() {
  useEffect(() => {
    const stop = (e: DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}

/** In the desktop app: the menu's commands and the files opened with Recours lead to their screen. */
function useDesktopEvents(navigate: Navigate, onError: (message: string) => void) {
  const desktop = useDesktop();
  useEffect(() => {
    if (!desktop) return undefined;
    return desktop.onEvent((event) => {
      if (event.type === 'open-case') navigate({ screen: 'case', caseId: event.caseId, tab: 'faits' });
      else if (event.type === 'case-imported') navigate({ screen: 'case', caseId: event.case.id, tab: 'faits' });
      else if (event.type === 'error') onError(event.message);
      else if (event.type === 'menu') {
        if (event.command === 'new-case') navigate({ screen: 'new-case' });
        else if (event.command === 'show-cases') navigate({ screen: 'cases' });
        else if (event.command === 'show-settings') navigate({ screen: 'settings' });
        else if (event.command === 'import-case') {
          desktop.importCaseFile({}).then(
            (r) => r.case && navigate({ screen: 'case', caseId: r.case.id, tab: 'faits' }),
            (e: unknown) => onError(userMessage(e, 'l’import du dossier')),
          );
        }
      }
    });
  }, [desktop, navigate, onError]);
}

export function App() {
  const [route, navigate] = useHashRoute();
  const [desktopError, setDesktopError] = useState<string | null>(null);
  useNoStrayFileDrops();
  useDesktopEvents(navigate, setDesktopError);
  const inCases = route.screen !== 'settings';
  return (
    <NavigationContext.Provider value={navigate}>
      <div className="app">
        <header className="app-header">
          <p className="brand">
            <a href="#/">Recours</a>
          </p>
          <nav aria-label="Navigation principale">
            <ul>
              <li>
                <a href="#/" aria-current={inCases ? 'page' : undefined}>
                  Dossiers
                </a>
              </li>
              <li>
                <a href="#/reglages" aria-current={!inCases ? 'page' : undefined}>
                  Réglages
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main className="app-main">
          <ErrorMessage message={desktopError} />
          <Screen route={route} />
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
