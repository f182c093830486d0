/**
 * Writing a letter with its dossier: the letter (PDF and/or DOCX), the bordereau (PDF and DOCX) and the dossier
 * PDF. Everything is rendered in memory first, then written atomically; a failure removes what was written.
 */
import { join } from 'node:path';
import type { CaseFile } from '../../common/case/schema.js';
import type { CompiledTemplate } from '../../common/templates/compile.js';
import { renderCaseFiles, writeNamedFiles, type OutputFormat } from '../generate.js';
import { assembleDossier, type DossierRequest, type DossierResult } from './index.js';

export interface DossierFilesRequest {
  caseFile: CaseFile;
  caseDir: string;
  template: CompiledTemplate;
  outDir: string;
  /** Formats of the letter itself; the bordereau is always written as PDF and DOCX, the dossier as PDF. */
  formats: readonly OutputFormat[];
  today?: string;
  maxSize?: number;
  attachOriginals?: boolean;
  allowOutside?: boolean;
  onProgress?: DossierRequest['onProgress'];
  signal?: AbortSignal;
}

export interface DossierFiles extends Pick<DossierResult, 'warnings' | 'chosen' | 'overBy' | 'overBudget'> {
  /** Paths written: the letter, the bordereau, then the dossier. */
  written: string[];
  dossierPath: string;
}

export async function generateDossierFiles(request: DossierFilesRequest): Promise<DossierFiles> {
  const { files, dossier } = await renderCaseFiles({
    caseFile: request.caseFile,
    template: request.template,
    formats: request.formats,
    ...(request.today !== undefined ? { today: request.today } : {}),
    dossier: {
      assemble: assembleDossier,
      caseDir: request.caseDir,
      ...(request.maxSize !== undefined ? { maxSize: request.maxSize } : {}),
      ...(request.attachOriginals ? { attachOriginals: true } : {}),
      ...(request.allowOutside ? { allowOutside: true } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    },
  });
  const written = await writeNamedFiles(request.outDir, files);
  const dossierName = files.find((f) => f.role === 'dossier')?.name ?? '';
  return { warnings: [], ...dossier, written, dossierPath: join(request.outDir, dossierName) };
}
