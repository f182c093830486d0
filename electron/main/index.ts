/** Entry of the Electron main process (out/main/index.js). */
import { app, dialog } from 'electron';
import { startRecours } from './app.js';

startRecours().catch((e: unknown) => {
  // Nothing can work without the case store: say why in French, then leave cleanly.
  const detail = e instanceof Error ? e.message : String(e);
  dialog.showErrorBox('Recours ne peut pas démarrer', `Le démarrage a échoué : ${detail}`);
  app.exit(1);
});
