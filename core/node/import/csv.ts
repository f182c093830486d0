/**
 * RFC 4180 CSV, as Amazon's export writes it: a byte-order mark, every field quoted, CRLF or LF line ends, quotes
 * doubled inside fields, line breaks inside quoted fields. Hand-written (about forty lines) rather than a dependency:
 * the export needs nothing more, and one pass over the text keeps a 5 000-row file well under a second.
 */

export class CsvError extends Error {}

export interface CsvLimits {
  maxRows: number;
  maxFieldLength: number;
}

const DEFAULT_LIMITS: CsvLimits = { maxRows: 200_000, maxFieldLength: 100_000 };

/** Rows of fields; blank lines are skipped. Throws CsvError (French) on an unterminated quote or a limit passed. */
export function parseCsv(input: string, limits: CsvLimits = DEFAULT_LIMITS): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    if (rows.length > limits.maxRows) throw new CsvError(`plus de ${limits.maxRows} lignes`);
    row = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      // Copy the run up to the next quote at once: quoted fields are most of the file.
      const next = text.indexOf('"', i);
      const end = next < 0 ? text.length : next;
      field += text.slice(i, end);
      i = end;
      if (next < 0) throw new CsvError('guillemet non refermé');
    } else if (c === '"' && field === '') {
      quoted = true;
      i += 1;
    } else if (c === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i += 1;
    }
    if (field.length > limits.maxFieldLength) throw new CsvError(`un champ dépasse ${limits.maxFieldLength} caractères`);
  }
  if (quoted) throw new CsvError('guillemet non refermé');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Rows as records keyed by the header's column names (trimmed), so that columns are found by name, never by
 * position. With `wanted`, only those columns are kept (5 000 rows × 28 columns of objects is most of an import).
 */
export function csvRecords(rows: string[][], wanted?: ReadonlySet<string>): { columns: string[]; records: Record<string, string>[] } {
  const [header = [], ...body] = rows;
  const columns = header.map((h) => h.trim());
  const kept = columns.map((name, k) => [name, k] as const).filter(([name]) => !wanted || wanted.has(name));
  const records = body.map((cells) => {
    const record: Record<string, string> = {};
    for (const [name, k] of kept) record[name] = cells[k] ?? '';
    return record;
  });
  return { columns, records };
}
