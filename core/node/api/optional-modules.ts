/**
 * Modules written alongside this one (evidence inspection, dossier assembly, deadlines) are loaded when present;
 * until they are, each call falls back to something honest (media type from the extension, no deadlines, a clear
 * French message for the dossier) instead of failing to start. Their shapes are described here, structurally, so
 * that this file does not break the build while they change.
 *
 * A module that exists but fails to load is a bug, reported as such: only an absent file means « not yet ».
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EvidenceModule {
  inspectEvidenceFile(path: string, options?: { name?: string }): Promise<{
    mediaType: string;
    size: number;
    takenAt?: string | null;
    problems: string[];
    label?: string;
  }>;
  evidenceThumbnail(path: string, maxSize?: number): Promise<{ bytes: Uint8Array; mediaType: string } | null>;
}

export interface DossierModule {
  assembleDossier(input: {
    caseFile: unknown;
    caseDir: string;
    letterPdf: Uint8Array;
    letterTitle: string;
    today: string;
    maxSize?: number;
    attachOriginals?: boolean;
    onProgress?: (done: number, total: number, label: string) => void;
    signal?: AbortSignal;
  }): Promise<{ dossierPdf: Uint8Array; bordereauPdf: Uint8Array; bordereauDocx: Uint8Array; warnings: string[] }>;
}

/** Whatever the deadlines module returns, read defensively: only these fields are used. */
export interface DeadlinesModule {
  computeDeadlines(c: unknown, today: string, options?: { responseDays?: (templateId: string) => number | undefined }): unknown;
  recommendNextStep(c: unknown, today: string, options?: { responseDays?: (templateId: string) => number | undefined }): unknown;
  currentStage(c: unknown): unknown;
}

function modulePresent(relative: string): boolean {
  const base = fileURLToPath(new URL(relative, import.meta.url)).replace(/\.js$/, '');
  return existsSync(`${base}.ts`) || existsSync(`${base}.js`);
}

function loader<T>(relative: string, required: readonly string[]): () => Promise<T | null> {
  let loaded: Promise<T> | null = null;
  return async () => {
    if (loaded) return loaded;
    if (!modulePresent(relative)) return null;
    loaded = (async () => {
      // Relative to this file, .js as everywhere in the sources: tsx and Vitest map it to the .ts file.
      const mod = (await import(relative)) as Record<string, unknown>;
      const missing = required.filter((name) => typeof mod[name] !== 'function');
      if (missing.length > 0) throw new Error(`${relative} n’exporte pas ${missing.join(', ')}`);
      return mod as T;
    })();
    loaded.catch(() => {
      loaded = null;
    });
    return loaded;
  };
}

export const loadEvidenceModule = loader<EvidenceModule>('../evidence/index.js', ['inspectEvidenceFile', 'evidenceThumbnail']);
export const loadDossierModule = loader<DossierModule>('../dossier/index.js', ['assembleDossier']);
export const loadDeadlinesModule = loader<DeadlinesModule>('../../common/deadlines/index.js', ['computeDeadlines', 'recommendNextStep', 'currentStage']);

export const deadlinesModulePresent = (): boolean => modulePresent('../../common/deadlines/index.js');
