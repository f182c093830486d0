/**
 * Limits of a case file, checked when a case is read (bytes, before parsing) and when it is saved (value):
 * generous for real letters (facts of 100 000 characters are fine), small enough that no input can exhaust
 * memory or the stack. Every refusal is a French sentence naming the field or the file.
 */
import type { Problem } from './validate.js';
import { fieldLabel, formatPath } from './labels.js';

export const CASE_LIMITS = {
  /** Size of case.json on disk (a case without its pieces: text only). */
  fileBytes: 10 * 1024 * 1024,
  /** Characters of one text field (`dispute.facts` is the longest in practice). */
  fieldLength: 500_000,
  /** Levels of { } and [ ] (a real case needs 4: evidence[0].file). */
  depth: 32,
} as const;

const bytesLabel = (n: number) => `${Math.round(n / (1024 * 1024)).toLocaleString('fr-FR')} Mo`;
const count = (n: number) => n.toLocaleString('fr-FR');

/**
 * Offset of the first byte that is not valid UTF-8 (overlong forms, surrogates and code points past U+10FFFF
 * included), or -1. TextDecoder's fatal mode says whether, not where.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    min = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    if (b === 0xed) max = 0x9f;
    if (b === 0xf4) max = 0x8f;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < min || c > max) return i;
      min = 0x80;
      max = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}

/** The text of a case file, or why it cannot be one: too large, or not UTF-8 (with the byte's position). */
export function decodeCaseBytes(bytes: Uint8Array, fileName: string): { ok: true; text: string } | { ok: false; message: string } {
  if (bytes.length > CASE_LIMITS.fileBytes) return { ok: false, message: caseTooLargeMessage(bytes.length, fileName) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    // Native decoding says whether, the scan below says where.
  }
  const invalid = Math.max(0, firstInvalidUtf8Byte(bytes));
  const hex = (bytes[invalid] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    message: `« ${fileName} » n’est pas un texte UTF-8 : octet invalide 0x${hex} à la position ${count(invalid)} (en octets depuis le début du fichier). Enregistrez-le en UTF-8 et recommencez.`,
  };
}

export function caseTooLargeMessage(size: number, fileName: string): string {
  return `« ${fileName} » est trop gros (${bytesLabel(size)}) : un dossier en accepte au plus ${bytesLabel(CASE_LIMITS.fileBytes)}, pièces non comprises. Raccourcissez les textes les plus longs.`;
}

/**
 * Nesting depth of JSON text, counted before parsing (strings skipped) and stopped as soon as it passes `limit`:
 * the deep structure is never built. Returns the offset where `limit` is passed, or -1.
 */
export function jsonDepthExceeded(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

export function tooDeepMessage(what: string): string {
  return `${what} est imbriqué trop profondément (plus de ${count(CASE_LIMITS.depth)} niveaux de { } ou [ ]) : ce n’est pas un dossier Recours.`;
}

function where(path: readonly PropertyKey[]): string {
  const p = formatPath(path);
  const label = fieldLabel(path);
  const name = label ? `${label} (${p})` : p;
  return `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;
}

/**
 * A case's value against the limits, without recursion (an explicit stack): depth, the length of each text
 * field, and the size once saved. One problem per field too long, naming it.
 */
export function caseLimitProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  let size = 0;
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop() as { value: unknown; path: PropertyKey[] };
    if (typeof v === 'string') {
      size += v.length + 2;
      if (v.length > CASE_LIMITS.fieldLength) {
        problems.push({
          path: formatPath(path),
          message: `${where(path)} : texte trop long (${count(v.length)} caractères, au plus ${count(CASE_LIMITS.fieldLength)}). Raccourcissez-le ou mettez le détail dans une pièce jointe.`,
        });
      }
      continue;
    }
    if (v === null || typeof v !== 'object') {
      size += 8;
      continue;
    }
    if (path.length >= CASE_LIMITS.depth) return [{ path: formatPath(path.slice(0, 4)), message: tooDeepMessage('Le dossier') }];
    const entries = Array.isArray(v) ? v.map((item, i) => [i, item] as const) : Object.entries(v);
    for (const [key, item] of entries) {
      size += typeof key === 'string' ? key.length + 4 : 1;
      stack.push({ value: item, path: [...path, key] });
    }
    // Stop as soon as the size is known to be too large: the rest need not be walked.
    if (size > CASE_LIMITS.fileBytes) break;
  }
  if (size > CASE_LIMITS.fileBytes) problems.push({ path: '', message: caseTooLargeMessage(size, 'case.json') });
  return problems;
}
