/**
 * French typography for letters (Imprimerie nationale conventions):
 * narrow no-break space (U+202F) before ; ! ? and inside « », no-break space (U+00A0) before :,
 * typographic apostrophe, « guillemets » for straight double quotes.
 */

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

// The look-behinds let a match start only at the beginning of a run, so that a long run without '@' (a pasted
// blob) is scanned once, not once per character.
const URL_OR_EMAIL = /(?:https?:\/\/|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Applies French typography to a piece of running text. Idempotent. URLs and e-mail addresses are left alone. */
export function frenchTypography(text: string): string {
  // Protect URLs and e-mail addresses: ':' and '?' in them must not gain spaces.
  const kept: string[] = [];
  const masked = text.replace(URL_OR_EMAIL, (m) => {
    kept.push(m);
    return `\uE100${kept.length - 1}\uE101`;
  });
  let out = masked
    // Straight apostrophe between letters (l'été, aujourd'hui) → ’
    .replace(/(\p{L})'(?=\p{L})/gu, '$1’')
    // "quoted" → « quoted »
    .replace(/"([^"\n]+)"/g, `«${NNBSP}$1${NNBSP}»`)
    // Spaces (or none) inside existing guillemets → narrow no-break space
    .replace(/«[ \u00A0\u202F]*/g, `«${NNBSP}`)
    .replace(/(?<![ \u00A0\u202F])[ \u00A0\u202F]*»/g, `${NNBSP}»`)
    // Before ; ! ? : narrow no-break space (only after a word or closing sign, and not inside tokens like "?!")
    .replace(/(?<=[\p{L}\p{N}»)\]’%€.])[ \u00A0\u202F]*([;!?])(?=[\s)»]|$)/gu, `${NNBSP}$1`)
    // Before : (not in times like 14:30, nor in "n°:"-like tokens glued to digits on both sides)
    .replace(/(?<=[\p{L}\p{N}»)\]’%€.])[ \u00A0\u202F]*:(?=\s|$)/gu, `${NBSP}:`)
    // 10 % : the sign never leaves its number
    .replace(/(\d)[ \u00A0]%/g, `$1${NNBSP}%`)
    // n° 402 : the number never leaves its sign
    .replace(/\b([nN]°s?) (?=\S)/g, `$1${NBSP}`);
  out = out.replace(/\uE100(\d+)\uE101/g, (_m, i: string) => kept[Number(i)] ?? '');
  return out;
}

/** Replaces typographic no-break spaces by plain spaces: for contexts that only accept plain text (e-mail subjects, file names). */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00A0\u202F]/g, ' ');
}
