/**
 * One path from a case to its files: the letter is composed once, rendered in memory (PDF, DOCX) and, when asked,
 * assembled with its evidence into the bordereau and the dossier, under one naming scheme. The CLI writes the
 * named files to --out (`writeNamedFiles`), the API to the case store. A failure leaves nothing half-written.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseFile } from '../common/case/schema.js';
import type { LetterDocument } from '../common/document/model.js';
import { composeLetter } from '../common/letter/compose.js';
import type { CompiledTemplate } from '../common/templates/compile.js';
import { todayIso } from '../common/format/dates.js';
import { writeFileAtomic } from './atomic-write.js';
import type { DossierJobInput, DossierJobOutput, DossierRequest, DossierResult } from './dossier/index.js';

import type { OutputFormat } from './output-formats.js';
export { OUTPUT_FORMATS, type OutputFormat } from './output-formats.js';

export async function renderLetter(document: LetterDocument, format: OutputFormat): Promise<Uint8Array> {
  // Each writer, and its library (docx), is loaded only when a letter in its format is asked.
  if (format === 'pdf') return (await import('./pdf/letter-pdf.js')).writeLetterPdf(document);
  return (await import('./docx/letter-docx.js')).writeLetterDocx(document);
}

/** « mise-en-demeure-livraison_2026-11-25 »: sorts by template then date, safe on every file system. */
export function outputBaseName(templateId: string, letterDate: string): string {
  return `${templateId}_${letterDate}`;
}

/** What each produced file is: the letter in a format, the dossier, or the bordereau that goes with it. */
export type FileRole = OutputFormat | 'dossier' | 'bordereau-pdf' | 'bordereau-docx';

/** The one naming scheme: « ID_DATE.pdf », « ID_DATE_bordereau.pdf », « ID_DATE_dossier.pdf ». */
export function outputName(base: string, role: FileRole): string {
  switch (role) {
    case 'pdf':
    case 'docx':
      return `${base}.${role}`;
    case 'dossier':
      return `${base}_dossier.pdf`;
    case 'bordereau-pdf':
      return `${base}_bordereau.pdf`;
    case 'bordereau-docx':
      return `${base}_bordereau.docx`;
  }
}

export interface NamedFile {
  role: FileRole;
  name: string;
  bytes: Uint8Array;
}

/** The dossier assembler (core/node/dossier), passed in so that a letter alone never loads it; its types, declared there. */
export type DossierInput = DossierJobInput & Pick<DossierRequest, 'onProgress' | 'signal'>;
export type DossierOutput = DossierJobOutput & Partial<Pick<DossierResult, 'chosen' | 'overBy' | 'overBudget'>>;

/** Renders a composed letter in one format: in this thread by default, or where a host runs heavy work (a worker). */
export type LetterRenderer = (document: LetterDocument, format: OutputFormat) => Promise<Uint8Array>;

export interface CaseFilesRequest {
  caseFile: CaseFile;
  template: CompiledTemplate;
  /** Formats of the letter itself. */
  formats: readonly OutputFormat[];
  today?: string;
  /** Where the letter is rendered (default: renderLetter, in this thread). */
  render?: LetterRenderer;
  /** With a dossier: the bordereau (PDF and DOCX) and the dossier PDF follow the letter. */
  dossier?: Omit<DossierInput, 'caseFile' | 'letterPdf' | 'letterTitle' | 'today'> & { assemble: (input: DossierInput) => Promise<DossierOutput> };
}

export interface CaseFiles {
  /** The letter in the formats asked, then the bordereau and the dossier. */
  files: NamedFile[];
  /** What the dossier assembly reported (warnings, --max-size choices), when there is a dossier. */
  dossier?: Omit<DossierOutput, 'dossierPdf' | 'bordereauPdf' | 'bordereauDocx'>;
}

/** Composes and renders everything a case gives for one template, in memory, named. */
export async function renderCaseFiles(request: CaseFilesRequest): Promise<CaseFiles> {
  const today = request.today ?? todayIso();
  const letter = composeLetter(request.caseFile, request.template, { today });
  const base = outputBaseName(request.template.meta.id, request.caseFile.letter?.date ?? today);
  const render = request.render ?? renderLetter;
  // The formats are rendered side by side: the web bridge renders each in a worker of its own (heavy-work.ts).
  const needPdf = request.formats.includes('pdf') || request.dossier !== undefined;
  const pdf = needPdf ? render(letter, 'pdf') : undefined;
  const named = async (format: OutputFormat): Promise<NamedFile> => ({ role: format, name: outputName(base, format), bytes: await (format === 'pdf' && pdf ? pdf : render(letter, format)) });
  const [letterPdf, files] = await Promise.all([pdf, Promise.all(request.formats.map(named))]);
  if (!request.dossier || !letterPdf) return { files };
  const { assemble, ...options } = request.dossier;
  const { dossierPdf, bordereauPdf, bordereauDocx, ...report } = await assemble({ ...options, caseFile: request.caseFile, letterPdf, letterTitle: letter.meta.title, today });
  files.push(
    { role: 'bordereau-pdf', name: outputName(base, 'bordereau-pdf'), bytes: bordereauPdf },
    { role: 'bordereau-docx', name: outputName(base, 'bordereau-docx'), bytes: bordereauDocx },
    { role: 'dossier', name: outputName(base, 'dossier'), bytes: dossierPdf },
  );
  return { files, dossier: report };
}

/** Writes named files into a folder, atomically each; on a failure, removes those already written. Returns the paths. */
export async function writeNamedFiles(outDir: string, files: readonly NamedFile[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  // Side by side: each write waits for its disk flush, and the flushes need not follow one another.
  const paths = files.map((file) => join(outDir, file.name));
  const results = await Promise.allSettled(files.map((file, i) => writeFileAtomic(paths[i] as string, file.bytes)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    // All or nothing: the files this call did write go too.
    await Promise.all(paths.filter((_, i) => results[i]?.status === 'fulfilled').map((p) => rm(p, { force: true })));
    throw failed.reason;
  }
  return paths;
}

export type GenerateRequest = Omit<CaseFilesRequest, 'dossier'> & { outDir: string };

/** The letter alone, written to a folder (`recours generate` without --dossier). */
export async function generateLetterFiles(request: GenerateRequest): Promise<string[]> {
  const { files } = await renderCaseFiles(request);
  return writeNamedFiles(request.outDir, files);
}
