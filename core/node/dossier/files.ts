/**
 * Writing a letter with its dossier: the letter (PDF and/or DOCX), the bordereau (PDF and DOCX) and the dossier
 * PDF. Everything is rendered in memory first, then written atomically; a failure removes what was written.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseFile } from '../../common/case/schema.js';
import { composeLetter } from '../../common/letter/compose.js';
import type { CompiledTemplate } from '../../common/templates/compile.js';
import { todayIso } from '../../common/format/dates.js';
import { writeFileAtomic } from '../atomic-write.js';
import { outputBaseName, renderLetter, type OutputFormat } from '../generate.js';
import { writeLetterPdf } from '../pdf/letter-pdf.js';
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

export interface DossierFiles extends Omit<DossierResult, 'dossierPdf' | 'bordereauPdf' | 'bordereauDocx'> {
  /** Paths written: the letter, the bordereau, then the dossier. */
  written: string[];
  dossierPath: string;
}

export async function generateDossierFiles(request: DossierFilesRequest): Promise<DossierFiles> {
  const today = request.today ?? todayIso();
  const letter = composeLetter(request.caseFile, request.template, { today });
  const base = outputBaseName(request.template.meta.id, request.caseFile.letter?.date ?? today);
  const letterPdf = await writeLetterPdf(letter);
  const dossier = await assembleDossier({
    caseFile: request.caseFile,
    caseDir: request.caseDir,
    letterPdf,
    letterTitle: letter.meta.title,
    today,
    ...(request.maxSize !== undefined ? { maxSize: request.maxSize } : {}),
    ...(request.attachOriginals ? { attachOriginals: true } : {}),
    ...(request.allowOutside ? { allowOutside: true } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  const files: { path: string; bytes: Uint8Array }[] = [];
  for (const format of request.formats) {
    files.push({ path: join(request.outDir, `${base}.${format}`), bytes: format === 'pdf' ? letterPdf : await renderLetter(letter, format) });
  }
  const dossierPath = join(request.outDir, `${base}_dossier.pdf`);
  files.push(
    { path: join(request.outDir, `${base}_bordereau.pdf`), bytes: dossier.bordereauPdf },
    { path: join(request.outDir, `${base}_bordereau.docx`), bytes: dossier.bordereauDocx },
    { path: dossierPath, bytes: dossier.dossierPdf },
  );

  await mkdir(request.outDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const file of files) {
      await writeFileAtomic(file.path, file.bytes);
      written.push(file.path);
    }
  } catch (e) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    throw e;
  }
  const { dossierPdf: _d, bordereauPdf: _b, bordereauDocx: _x, ...rest } = dossier;
  return { ...rest, written, dossierPath };
}
