/**
 * The heavy work of the API — rendering a letter, assembling a dossier, packing and checking a `.recours`
 * archive — behind one injection point, so that a
 * host can run it off its main thread: the desktop app assembles dossiers in its background process, the web
 * bridge runs both in a worker thread (heavy-work.ts). By default, core's own functions, in the calling thread.
 */
import type { LetterDocument } from '../../common/document/model.js';
import { assembleDossier, type DossierAssembler } from '../dossier/index.js';
import { renderLetter, type OutputFormat } from '../generate.js';
import { checkArchiveSource, packCase, type ArchiveChecker, type CasePacker } from '../store/archive.js';

export type { DossierAssembler } from '../dossier/index.js';

export interface HeavyWork {
  assembleDossier: DossierAssembler;
  renderLetter(document: LetterDocument, format: OutputFormat): Promise<Uint8Array>;
  /** Zips a case folder to a file for an export (the store has already found the case). */
  packCase: CasePacker;
  /** Inflates an archive into the case folder being built, and checks it, for an import (the store installs it). */
  checkArchive: ArchiveChecker;
}

export const localHeavyWork: HeavyWork = {
  assembleDossier: (request) => assembleDossier(request),
  renderLetter,
  packCase,
  checkArchive: checkArchiveSource,
};
