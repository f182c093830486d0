/**
 * A file name as it may be shown to a user: bidirectional controls (a right-to-left override shows
 * « facture\u202Efdp.exe » as « facture » followed by « exe.pdf ») and invisible characters are removed, so the
 * name reads in the order of its characters. For display only: the stored name is never changed.
 */

// \p{Cc}: controls (a tab or a line feed would break the line the name stands on). \p{Cf}: format characters,
// among them U+200E/F, U+202A–202E, U+2066–2069 (bidirectional), U+200B–200D, U+2060–2064, U+FEFF, U+00AD and
// the tags U+E0000–E007F (invisible). The rest are letters that render blank (Hangul fillers, U+034F…).
const HIDDEN = /[\p{Cc}\p{Cf}\u115f\u3164\uffa0]|\u034f|\u1160|\u17b4|\u17b5/gu;

/** `name` without the characters that could make it read as something else; « (sans nom) » if nothing is left. */
export function displayFileName(name: string): string {
  const shown = name.replace(HIDDEN, '').trim();
  return shown === '' ? '(sans nom)' : shown;
}
