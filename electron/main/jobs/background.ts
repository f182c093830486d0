/**
 * Entry of the utility process for heavy work (out/main/background.js): dossier assembly runs here, so that a
 * malformed exhibit that hangs or crashes the assembler never freezes or kills the window.
 */
import { runDossierJob } from './dossier-job.js';
import { createWorkerRuntime } from './worker-runtime.js';

const port = process.parentPort;
const handle = createWorkerRuntime({ dossier: runDossierJob }, (message) => port.postMessage(message));
port.on('message', (event) => handle(event.data));
