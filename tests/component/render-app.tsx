/** Renders the whole application on a given screen (by its URL hash) with the given API. */
import { render } from '@testing-library/react';
import type { RecoursApi } from '../../core/common/api/contract.js';
import { ApiProvider } from '../../renderer/src/api/api-context.js';
import { App } from '../../renderer/src/app/App.js';

export function renderApp(api: RecoursApi, hash: string) {
  window.history.replaceState(null, '', hash);
  return render(
    <ApiProvider api={api}>
      <App />
    </ApiProvider>,
  );
}
