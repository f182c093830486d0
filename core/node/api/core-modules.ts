/**
 * The one part of core the API may run elsewhere: dossier assembly (the desktop app runs it in its background
 * process). Everything else — evidence, deadlines — the API calls directly.
 */
import { assembleDossier, type DossierAssembler } from '../dossier/index.js';

export type { DossierAssembler } from '../dossier/index.js';

export const localDossierAssembler: DossierAssembler = (request) => assembleDossier(request);
