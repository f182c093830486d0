/**
 * The evidence dossier: one PDF ready to print or e-mail — the letter, the « Bordereau des pièces jointes », then
 * every exhibit numbered in case order — plus the bordereau on its own (PDF and DOCX). Bad evidence never stops
 * it: each unusable file gets a placeholder page and a French warning naming it. The case file and the originals
 * are only read.
 */
import type { CaseFile } from '../../common/case/schema.js';
import type { LetterDocument } from '../../common/document/model.js';
import { writeLetterDocx } from '../docx/letter-docx.js';
import { evidencePool, abortError } from '../evidence/index.js';
import { formatSize } from '../evidence/format.js';
import type { ImageFrame, ImageTarget } from '../evidence/types.js';
import { writeLetterPdf } from '../pdf/letter-pdf.js';
import { composeBordereau, type BordereauEntry } from './bordereau.js';
import { QUALITY_LADDER, describeQuality, firstFitting, overBudgetMessage } from './budget.js';
import { buildDossierPdf } from './build.js';
import { DossierText } from './canvas.js';
import { pieceLabel } from './exhibit-pages.js';
import { PRINT_QUALITY, imageTarget } from './geometry.js';
import { planExhibit, type PlannedExhibit } from './plan.js';
import { prepareExhibits } from './prepare.js';

export { parseSize, QUALITY_LADDER, describeQuality } from './budget.js';
export { composeBordereau, BORDEREAU_TITLE, type BordereauEntry } from './bordereau.js';
export { pieceStamp, dossierFolio } from './stamps.js';

export interface DossierRequest {
  caseFile: CaseFile;
  /** Folder the case's `evidence[].file` paths are relative to. */
  caseDir: string;
  letterPdf: Uint8Array;
  letterTitle: string;
  /** YYYY-MM-DD: the bordereau's date when the case gives no letter date. */
  today: string;
  /** Bytes the dossier PDF should not exceed (photos are reduced to fit); no limit when absent. */
  maxSize?: number;
  /** Embed every original file in the PDF as an attachment. */
  attachOriginals?: boolean;
  /** Reproduce exhibits outside `caseDir` too (CLI --allow-outside); otherwise they get a placeholder. */
  allowOutside?: boolean;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
  /** Time limit for one exhibit in a worker (default 60 s). */
  timeoutMs?: number;
}

export interface DossierResult {
  dossierPdf: Uint8Array;
  bordereauPdf: Uint8Array;
  bordereauDocx: Uint8Array;
  /** French, each naming the exhibit and its file. */
  warnings: string[];
  /** What --max-size chose, in French (only with maxSize). */
  chosen?: string;
  /** Bytes above maxSize when the dossier cannot fit; absent when it fits or without limit. */
  overBy?: number;
  /** When it cannot fit: by how much, and why (French). */
  overBudget?: string;
  pageCount: number;
  /** The bordereau's lines: number, title, date, pages, file name, SHA-256, status. */
  entries: BordereauEntry[];
  bordereau: LetterDocument;
}

/** What crosses to a background process (no functions, no signal): the request without its hooks. */
export type DossierJobInput = Omit<DossierRequest, 'onProgress' | 'signal' | 'timeoutMs'>;
/** What comes back from a background process: the files and the warnings. */
export type DossierJobOutput = Pick<DossierResult, 'dossierPdf' | 'bordereauPdf' | 'bordereauDocx' | 'warnings'>;
/** An assembler with core's signature that may run elsewhere (the desktop app's utility process). */
export type DossierAssembler = (request: DossierJobInput & Pick<DossierRequest, 'onProgress' | 'signal'>) => Promise<DossierJobOutput>;

function imageBytes(frames: Iterable<ImageFrame[]>): number {
  let total = 0;
  for (const list of frames) for (const f of list) total += f.jpeg.byteLength;
  return total;
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}

export async function assembleDossier(request: DossierRequest): Promise<DossierResult> {
  const { caseFile, signal } = request;
  const count = caseFile.evidence?.length ?? 0;
  const total = count + 2;
  let done = 0;
  const progress = (label: string) => request.onProgress?.(done, total, label);
  checkAbort(signal);
  progress('Lecture des pièces');

  const prepared = await prepareExhibits(caseFile, request.caseDir, {
    image: imageTarget(PRINT_QUALITY),
    keepOriginals: request.attachOriginals === true,
    ...(request.allowOutside ? { allowOutside: true } : {}),
    ...(signal ? { signal } : {}),
    ...(request.timeoutMs ? { timeoutMs: request.timeoutMs } : {}),
    onDone: (p) => {
      done++;
      progress(`${pieceLabel(p.exhibit.number)} : ${p.fileName}`);
    },
  });
  checkAbort(signal);

  const text = new DossierText();
  const planned: PlannedExhibit[] = [];
  for (const item of prepared) planned.push(await planExhibit(text, item, request.attachOriginals === true));
  const warnings = planned.flatMap((p) => p.warnings);
  const entries = planned.map((p) => p.entry);

  const bordereau = composeBordereau(caseFile, entries, { letterTitle: request.letterTitle, today: request.today });
  const [bordereauPdf, bordereauDocx] = await Promise.all([writeLetterPdf(bordereau), writeLetterDocx(bordereau)]);
  done++;
  progress('Bordereau des pièces');
  checkAbort(signal);

  const build = async (frames?: ReadonlyMap<number, ImageFrame[]>) => {
    const buildWarnings: string[] = [];
    const built = await buildDossierPdf({
      letterPdf: request.letterPdf,
      letterTitle: request.letterTitle,
      bordereauPdf,
      exhibits: planned,
      ...(frames ? { frames } : {}),
      meta: { title: `Dossier — ${request.letterTitle}`, author: bordereau.meta.author },
      text,
      warnings: buildWarnings,
    });
    return { ...built, warnings: buildWarnings };
  };
  let built = await build();

  let chosen: string | undefined;
  let overBy: number | undefined;
  let overBudget: string | undefined;
  if (request.maxSize !== undefined) {
    const budget = await fitBudget(planned, built.bytes.byteLength, request.maxSize, signal);
    if (budget.frames) built = await build(budget.frames);
    const size = built.bytes.byteLength;
    const limit = formatSize(request.maxSize);
    if (budget.step === null) {
      overBudget = overBudgetMessage(size, request.maxSize, budget.smallest, budget.fixed);
      chosen = `Limite de ${limit} impossible à tenir : ${describeQuality(PRINT_QUALITY)} ; dossier de ${formatSize(size)}.`;
    } else {
      const quality = QUALITY_LADDER[budget.step] ?? PRINT_QUALITY;
      chosen = budget.step === 0
        ? `Limite de ${limit} respectée sans réduction : ${describeQuality(quality)} ; dossier de ${formatSize(size)}.`
        : `Pour tenir dans ${limit} : ${describeQuality(quality)} ; dossier de ${formatSize(size)}.`;
      if (size > request.maxSize) overBudget = `Le dossier pèse ${formatSize(size)} : il dépasse de ${formatSize(size - request.maxSize)} la limite de ${limit}.`;
    }
    if (size > request.maxSize) overBy = size - request.maxSize;
  }
  warnings.push(...built.warnings);
  done++;
  progress('Dossier assemblé');

  return {
    dossierPdf: built.bytes,
    bordereauPdf,
    bordereauDocx,
    warnings,
    ...(chosen ? { chosen } : {}),
    ...(overBy !== undefined ? { overBy } : {}),
    ...(overBudget ? { overBudget } : {}),
    pageCount: built.pageCount,
    entries,
    bordereau,
  };
}

interface BudgetChoice {
  /** Ladder step used; null when even the smallest photos cannot make the dossier fit. */
  step: number | null;
  /** Re-encoded photos, by exhibit index (absent: keep the planned ones). */
  frames?: Map<number, ImageFrame[]>;
  /** Bytes of everything but the photos. */
  fixed: number;
  /** Estimated size with the photos at the last step. */
  smallest: number;
}

/**
 * Chooses the photo quality that makes the dossier fit: the size of everything but the photos is known from the
 * first build; photo sizes at each step are estimated from the heaviest few, re-encoded; then all photos are
 * re-encoded at the chosen step and checked, one step lower if the estimate was optimistic.
 */
async function fitBudget(planned: readonly PlannedExhibit[], size: number, maxSize: number, signal: AbortSignal | undefined): Promise<BudgetChoice> {
  const original = new Map<number, ImageFrame[]>();
  planned.forEach((p, i) => {
    if (p.pages.kind === 'image') original.set(i, p.pages.frames);
  });
  const photos = imageBytes(original.values());
  const fixed = size - photos;
  const last = QUALITY_LADDER.length - 1;
  if (size <= maxSize) return { step: 0, fixed, smallest: size };
  if (photos === 0) return { step: null, fixed, smallest: size };

  const pool = evidencePool();
  const reencode = (frame: ImageFrame, target: ImageTarget) =>
    pool.run<{ jpeg: Uint8Array; width: number; height: number }>({ type: 'reencode', jpeg: frame.jpeg, image: target }, signal ? { signal } : {})
      .then((r) => ({ ...frame, jpeg: r.jpeg, width: r.width, height: r.height }));

  const all = [...original.values()].flat();
  const sample = [...all].sort((a, b) => b.jpeg.byteLength - a.jpeg.byteLength).slice(0, 6);
  const sampleBytes = sample.reduce((n, f) => n + f.jpeg.byteLength, 0);
  const estimates = new Map<number, number>([[0, size]]);
  const estimate = async (step: number): Promise<number> => {
    const known = estimates.get(step);
    if (known !== undefined) return known;
    const quality = QUALITY_LADDER[step] ?? PRINT_QUALITY;
    const encoded = await Promise.all(sample.map((f) => reencode(f, imageTarget(quality))));
    const ratio = encoded.reduce((n, f) => n + f.jpeg.byteLength, 0) / sampleBytes;
    const value = Math.round(fixed + photos * ratio);
    estimates.set(step, value);
    return value;
  };

  const smallest = await estimate(last);
  // Aim a little under the limit: the estimate comes from a sample.
  let step = await firstFitting(estimate, maxSize * 0.97, 1);
  if (step === null) {
    if (smallest > maxSize) return { step: null, fixed, smallest };
    step = last;
  }
  for (;;) {
    checkAbort(signal);
    const quality = QUALITY_LADDER[step] ?? PRINT_QUALITY;
    const frames = new Map<number, ImageFrame[]>();
    await Promise.all([...original].map(async ([index, list]) => {
      frames.set(index, await Promise.all(list.map((f) => reencode(f, imageTarget(quality)))));
    }));
    const total = fixed + imageBytes(frames.values());
    if (total <= maxSize || step === last) {
      return total <= maxSize ? { step, frames, fixed, smallest } : { step: null, fixed, smallest: total };
    }
    step++;
  }
}
