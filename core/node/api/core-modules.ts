/**
 * The parts of core the API delegates to (evidence inspection, dossier assembly, deadlines), described by the
 * few functions it uses, so that the Electron shell can pass its own implementation (the dossier assembled in a
 * utility process) and tests a fake. By default, core's own modules.
 */
import * as evidence from '../evidence/index.js';
import * as dossier from '../dossier/index.js';
import * as deadlines from '../../common/deadlines/index.js';

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
  recommendNextStep(c: unknown, today: string, options?: { responseDays?: (templateId: string) => number | undefined; conditions?: (templateId: string) => readonly string[] | undefined }): unknown;
  currentStage(c: unknown): unknown;
}

export const loadEvidenceModule = async (): Promise<EvidenceModule> => evidence;
export const loadDossierModule = async (): Promise<DossierModule> => dossier as unknown as DossierModule;
export const loadDeadlinesModule = async (): Promise<DeadlinesModule> => deadlines as unknown as DeadlinesModule;
