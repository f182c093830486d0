/**
 * The table directory of a TrueType file: where each table starts and how long it is. Shared by the measuring
 * (truetype-metrics.ts) and the subsetting (truetype-subset.ts) of the letter fonts.
 */

export interface TableRecord {
  offset: number;
  length: number;
}

export class FontFileError extends Error {
  constructor(message: string) {
    super(`Police illisible : ${message}`);
    this.name = 'FontFileError';
  }
}

/** A font's bytes as a DataView, and its tables by tag; a truncated directory or table is a FontFileError. */
export class TrueTypeTables {
  readonly view: DataView;
  private readonly records = new Map<string, TableRecord>();

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 12) throw new FontFileError('fichier trop court');
    const count = this.view.getUint16(4);
    if (12 + 16 * count > bytes.byteLength) throw new FontFileError('répertoire des tables tronqué');
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      const tag = String.fromCharCode(bytes[record] ?? 0, bytes[record + 1] ?? 0, bytes[record + 2] ?? 0, bytes[record + 3] ?? 0);
      const offset = this.view.getUint32(record + 8);
      const length = this.view.getUint32(record + 12);
      if (offset + length > bytes.byteLength) throw new FontFileError(`table « ${tag} » hors du fichier`);
      this.records.set(tag, { offset, length });
    }
  }

  has(tag: string): boolean {
    return this.records.has(tag);
  }

  /** The record of a table the font must have. */
  get(tag: string): TableRecord {
    const record = this.records.get(tag);
    if (!record) throw new FontFileError(`table « ${tag} » absente`);
    return record;
  }

  /** The bytes of a table (a view, not a copy), or undefined when the font has none. */
  bytesOf(tag: string): Uint8Array | undefined {
    const record = this.records.get(tag);
    return record && this.bytes.subarray(record.offset, record.offset + record.length);
  }
}
