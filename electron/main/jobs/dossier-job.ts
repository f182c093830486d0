/**
 * The dossier job of the background process: core's assembler, with the job's AbortSignal and progress.
 * Only what crosses back to the main process is returned (the PDFs, the DOCX and the warnings).
 */
import type { CaseFile } from '../../../core/common/case/schema.js';
import { assembleDossier } from '../../../core/node/dossier/index.js';
import type { JobRunner } from './worker-runtime.js';

export interface DossierInput {
  caseFile: unknown;
  caseDir: string;
  letterPdf: Uint8Array;
  letterTitle: string;
  today: string;
  maxSize?: number;
  attachOriginals?: boolean;
}

export interface DossierOutput {
  dossierPdf: Uint8Array;
  bordereauPdf: Uint8Array;
  bordereauDocx: Uint8Array;
  warnings: string[];
}

export const runDossierJob: JobRunner = async (params, { signal, onProgress }) => {
  const input = params as DossierInput;
  const result = await assembleDossier({
    ...input,
    caseFile: input.caseFile as CaseFile,
    signal,
    onProgress: (done, total, label) => onProgress({ done, total, label }),
  });
  const output: DossierOutput = {
    dossierPdf: result.dossierPdf,
    bordereauPdf: result.bordereauPdf,
    bordereauDocx: result.bordereauDocx,
    warnings: result.warnings,
  };
  return output;
};
