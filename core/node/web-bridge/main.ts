/**
 * `npm run web` (after building the UI): `tsx core/node/web-bridge/main.ts`. Serves Recours on the loopback
 * address; the data folder is RECOURS_DATA_DIR or the platform's, the port RECOURS_PORT or 4310 (another one
 * when that is taken). Ctrl+C stops it.
 */
import { defaultDataDir } from './data-dir.js';
import { startWebBridge, type WebBridge } from './server.js';

const PREFERRED_PORT = 4310;

async function start(): Promise<WebBridge> {
  const dataDir = defaultDataDir();
  const staticDir = process.env.RECOURS_STATIC_DIR?.trim() || undefined;
  const wanted = process.env.RECOURS_PORT ? Number(process.env.RECOURS_PORT) : PREFERRED_PORT;
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`RECOURS_PORT « ${process.env.RECOURS_PORT} » n’est pas un numéro de port.`);
  try {
    return await startWebBridge({ dataDir, port: wanted, ...(staticDir ? { staticDir } : {}) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || process.env.RECOURS_PORT) throw e;
    return startWebBridge({ dataDir, port: 0, ...(staticDir ? { staticDir } : {}) });
  }
}

try {
  const bridge = await start();
  console.log(`Recours est disponible sur ${bridge.url}`);
  console.log(`Dossiers enregistrés dans « ${defaultDataDir()} ». Ctrl+C pour arrêter.`);
  // Heavy work runs in worker threads, so a signal is handled at once; should closing hang, exit all the same,
  // and a second Ctrl+C exits immediately. Writes are atomic: stopping mid-job leaves no half-written file.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130);
    stopping = true;
    setTimeout(() => process.exit(0), 1000).unref();
    void bridge.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Le port ${process.env.RECOURS_PORT} est déjà utilisé : choisissez-en un autre avec RECOURS_PORT.` : `Recours n’a pas pu démarrer : ${(e as Error).message}`);
  process.exit(1);
}
