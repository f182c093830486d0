/** Exhibits (« pièces ») numbered in case order, with the stable key templates cite them by. */
import type { CaseFile } from './schema.js';

export interface Exhibit {
  /** The entry's `id`, else its file name without folders or extension. */
  key: string;
  /** 1-based, in the order of the case's evidence list. */
  number: number;
  file: string;
  title: string;
  date?: string;
  note?: string;
}

export function exhibitKey(entry: { id?: string; file: string }): string {
  if (entry.id) return entry.id;
  const base = entry.file.split(/[\\/]/).pop() ?? entry.file;
  return base.replace(/\.[^.]+$/, '');
}

export function exhibitsOf(c: Pick<CaseFile, 'evidence'>): Exhibit[] {
  return (c.evidence ?? []).map((e, i) => ({
    key: exhibitKey(e),
    number: i + 1,
    file: e.file,
    title: e.title,
    ...(e.date ? { date: e.date } : {}),
    ...(e.note ? { note: e.note } : {}),
  }));
}

/** « pièce n° 3 » with a no-break space after « n° ». */
export function exhibitLabel(n: number): string {
  return `pièce n°\u00A0${n}`;
}
