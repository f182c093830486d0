/** Producing a letter's files: everything is rendered in memory first, then written; a failure leaves nothing half-written. */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseFile } from '../common/case/schema.js';
import type { LetterDocument } from '../common/document/model.js';
import { composeLetter } from '../common/letter/compose.js';
import type { CompiledTemplate } from '../common/templates/compile.js';
import { todayIso } from '../common/format/dates.js';
import { writeFileAtomic } from './atomic-write.js';

export const OUTPUT_FORMATS = ['pdf', 'docx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export async function renderLetter(document: LetterDocument, format: OutputFormat): Promise<Uint8Array> {
  // Each writer, and its library (pdf-lib and fontkit, docx), is loaded only when a letter in its format is asked.
  if (format === 'pdf') return (await import('./pdf/letter-pdf.js')).writeLetterPdf(document);
  return (await import('./docx/letter-docx.js')).writeLetterDocx(document);
}

/** « mise-en-demeure-livraison_2026-11-25 »: sorts by template then date, safe on every file system. */
export function outputBaseName(templateId: string, letterDate: string): string {
  return `${templateId}_${letterDate}`;
}

export interface GenerateRequest {
  caseFile: CaseFile;
  template: CompiledTemplate;
  outDir: string;
  formats: readonly OutputFormat[];
  today?: string;
}

export async function generateLetterFiles(request: GenerateRequest): Promise<string[]> {
  const today = request.today ?? todayIso();
  const document = composeLetter(request.caseFile, request.template, { today });
  const base = outputBaseName(request.template.meta.id, request.caseFile.letter?.date ?? today);
  const rendered = await Promise.all(
    request.formats.map(async (format) => ({ path: join(request.outDir, `${base}.${format}`), bytes: await renderLetter(document, format) })),
  );
  await mkdir(request.outDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const file of rendered) {
      await writeFileAtomic(file.path, file.bytes);
      written.push(file.path);
    }
  } catch (e) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    throw e;
  }
  return written;
}
