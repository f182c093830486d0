/**
 * Mail servers refuse messages above a size (often 10 to 25 Mo), counted on the encoded message: base64 makes
 * attachments a third heavier. The warning therefore compares the draft as written, not the raw PDFs.
 */
import { formatSize } from '../../common/format/size.js';

/** « 12 Mo », « 850 Ko »: the one size formatter of core/common/format (1 Mo = 1 000 000 octets, as mail providers count). */
export const formatFileSize = formatSize;

/**
 * The French warning shown when the draft exceeds the limit set in the settings, or null.
 * A limit of 0 means « no limit ».
 */
export function draftSizeWarning(draftBytes: number, attachmentBytes: number, limit: number): string | null {
  if (limit <= 0 || draftBytes <= limit) return null;
  return (
    `Le message pèse ${formatFileSize(draftBytes)} avec ses pièces jointes (${formatFileSize(attachmentBytes)} de fichiers, ` +
    `un tiers de plus une fois encodés pour l’envoi), au-delà de la limite de ${formatFileSize(limit)} fixée dans les ` +
    `Réglages (taille limite des e-mails) : la messagerie risque de le refuser. ` +
    `Envoyez plutôt le dossier par courrier, ou n’en joignez qu’une partie.`
  );
}
