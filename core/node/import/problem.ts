import { displayFileName } from '../../common/format/display-name.js';

/** A file that cannot be imported: the French message names the file and says why; nothing was written. */
export class ImportProblem extends Error {
  constructor(readonly file: string, reason: string) {
    super(`« ${displayFileName(file)} » : ${reason}`);
    this.name = 'ImportProblem';
  }
}

/** Size limits: an order never needs more; a bigger file is refused before it is read. */
export const IMPORT_LIMITS = {
  /** A data export zip (it may hold delivery photos: only its CSV files are read). */
  zipBytes: 512 * 1024 * 1024,
  /** One CSV file of the export, uncompressed. */
  csvBytes: 64 * 1024 * 1024,
  emailBytes: 25 * 1024 * 1024,
  pdfBytes: 30 * 1024 * 1024,
  pdfPages: 20,
  pdfMs: 15_000,
} as const;
