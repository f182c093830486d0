/** Entry point: the app, given the API of the Electron preload or of the local web bridge. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context.js';
import { getApi, getDesktop, getUpload } from './api/get-api.js';
import { App } from './app/App.js';
import { keepFrenchTypography } from './common/typography.js';
import './styles.css';

const root = document.getElementById('racine');
if (!root) throw new Error('Élément #racine absent de index.html.');
keepFrenchTypography(root);
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={getApi()} desktop={getDesktop()} upload={getUpload()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
