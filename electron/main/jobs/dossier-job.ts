/**
 * The dossier job of the background process: core's assembler, with the job's AbortSignal and progress.
 * Only what crosses back to the main process is returned (the PDFs, the DOCX and the warnings).
 */
import { assembleDossier, type DossierJobInput, type DossierJobOutput } from '../../../core/node/dossier/index.js';
import type { JobRunner } from './worker-runtime.js';

export type { DossierJobInput as DossierInput, DossierJobOutput as DossierOutput } from '../../../core/node/dossier/index.js';

export const runDossierJob: JobRunner = async (params, { signal, onProgress }) => {
  const input = params as DossierJobInput;
  const result = await assembleDossier({
    ...input,
    signal,
    onProgress: (done, total, label) => onProgress({ done, total, label }),
  });
  const output: DossierJobOutput = {
    dossierPdf: result.dossierPdf,
    bordereauPdf: result.bordereauPdf,
    bordereauDocx: result.bordereauDocx,
    warnings: result.warnings,
  };
  return output;
};
