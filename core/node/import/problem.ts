import { displayFileName } from '../../common/format/display-name.js';
import { formatSize } from '../../common/format/size.js';

/** « dépasse 500 Mo »: the limit as the screens and the dossier write sizes. */
export function beyondLimit(limit: number): string {
  return `dépasse ${formatSize(limit)}`;
}

/** A file that cannot be imported: the French message names the file and says why; nothing was written. */
export class ImportProblem extends Error {
  constructor(readonly file: string, reason: string) {
    super(`« ${displayFileName(file)} » : ${reason}`);
    this.name = 'ImportProblem';
  }
}

/** Size limits: an order never needs more; a bigger file is refused before it is read. Decimal units, as formatSize says them. */
export const IMPORT_LIMITS = {
  /** A data export zip (it may hold delivery photos: only its CSV files are read). */
  zipBytes: 500_000_000,
  /** One CSV file of the export, uncompressed. */
  csvBytes: 64_000_000,
  emailBytes: 25_000_000,
  pdfBytes: 30_000_000,
  pdfPages: 20,
  pdfMs: 15_000,
} as const;
