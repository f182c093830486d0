/** What can go wrong with a stored case, as the API reports it to the user (messages in French). */
export type StoreErrorCode = 'not-found' | 'unreadable' | 'invalid-archive';

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
