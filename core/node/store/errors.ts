/** What can go wrong with a stored case, as the API reports it to the user (messages in French). */
/** refused: a case past the limits of core/common/case/limits.ts, or a file that is not a regular file, refused before anything is written. */
export type StoreErrorCode = 'not-found' | 'unreadable' | 'invalid-archive' | 'refused' | 'conflict';

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

/**
 * A French sentence saying what to do for a file-system condition the user can act on (read-only or protected
 * folder, full disk, file held by another program), or undefined for anything else.
 */
export function fileSystemAdvice(e: unknown): string | undefined {
  const error = e as NodeJS.ErrnoException | null;
  const file = error?.path ? ` « ${error.path} »` : '';
  switch (error?.code) {
    case 'EROFS':
      return `Le dossier des données${file} est en lecture seule (clé USB verrouillée, disque monté en lecture seule ?) : rien n’a été enregistré. Rendez-le modifiable ou choisissez un autre dossier, puis recommencez.`;
    case 'EACCES':
    case 'EPERM':
      return `Accès refusé au fichier${file} : rien n’a été enregistré. Vérifiez que vous avez le droit d’écrire dans le dossier des données, puis recommencez.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return 'Le disque est plein : rien n’a été enregistré. Libérez de la place et recommencez.';
    case 'EBUSY':
    case 'ETXTBSY':
    case 'EAGAIN':
      return `Le fichier${file} est verrouillé par un autre programme (traitement de texte, antivirus, synchronisation ?) : fermez-le et recommencez.`;
    case 'EMFILE':
    case 'ENFILE':
      return 'Trop de fichiers sont ouverts en même temps : fermez des programmes et recommencez.';
    default:
      return undefined;
  }
}

/** A save made from data older than what is stored (another window saved in between): refused, never merged blindly. */
export function staleRevision(): StoreError {
  return new StoreError(
    'conflict',
    'Ce dossier a été modifié entre-temps dans une autre fenêtre ou un autre onglet : votre modification n’a pas été enregistrée. Rechargez le dossier pour voir la dernière version.',
  );
}
