/** Reading a case file from disk, with every problem in French naming the file. */
import { validateCase, type Problem } from '../common/case/validate.js';
import type { CaseFile } from '../common/case/schema.js';
import { readCaseText } from './case-text.js';

export type LoadedCase =
  | { ok: true; case: CaseFile; path: string }
  | { ok: false; path: string; problems: Problem[] };

/** What JSON.parse complained about, in French (V8's messages are English). */
function jsonProblem(message: string): string {
  if (/Unexpected end of JSON input/.test(message)) return 'le fichier s’arrête trop tôt (accolade ou crochet non fermé ?)';
  if (/Expected ',' or '[}\]]'/.test(message)) return 'virgule ou fermeture (« } » ou « ] ») attendue';
  if (/Expected double-quoted property name/.test(message)) return 'nom de champ entre guillemets attendu (virgule en trop ?)';
  if (/Unterminated string/.test(message)) return 'texte entre guillemets non fermé';
  if (/Bad control character/.test(message)) return 'caractère interdit dans un texte (retour à la ligne ? écrivez \\n)';
  if (/Unexpected token|Unexpected non-whitespace/.test(message)) return 'caractère inattendu';
  return 'syntaxe incorrecte';
}

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export async function loadCaseFile(path: string): Promise<LoadedCase> {
  let text: string;
  try {
    const read = await readCaseText(path, path);
    if (!read.ok) return { ok: false, path, problems: [{ path: '', message: `Dossier ${read.message}` }] };
    text = read.text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier, pas un fichier' : code === 'EACCES' ? 'accès refusé' : `lecture impossible (${code ?? String(e)})`;
    return { ok: false, path, problems: [{ path: '', message: `Dossier « ${path} » : ${why}.` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    const where = position ? (({ line, column }) => ` (ligne ${line}, colonne ${column})`)(lineColumn(text, Number(position[1]))) : '';
    return {
      ok: false,
      path,
      problems: [{ path: '', message: `Dossier « ${path} » : ce n’est pas du JSON valide${where} : ${jsonProblem((e as Error).message)}.` }],
    };
  }
  const result = validateCase(data);
  if (!result.ok) return { ok: false, path, problems: result.problems };
  return { ok: true, case: result.value, path };
}
