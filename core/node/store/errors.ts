/** What can go wrong with a stored case, as the API reports it to the user (messages in French). */
export type StoreErrorCode = 'not-found' | 'unreadable' | 'invalid-archive' | 'conflict';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function caseNotFound(id: string): StoreError {
  return new StoreError('not-found', `Dossier « ${id} » introuvable : il a peut-être été supprimé.`);
}

export function isMissing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** A save made from data older than what is stored (another window saved in between): refused, never merged blindly. */
export function staleRevision(): StoreError {
  return new StoreError(
    'conflict',
    'Ce dossier a été modifié entre-temps dans une autre fenêtre ou un autre onglet : votre modification n’a pas été enregistrée. Rechargez le dossier pour voir la dernière version.',
  );
}
