/**
 * The fallback when no mail program opens the draft: a `mailto:` link (RFC 6068). It can only carry the
 * recipient, the subject and a plain-text body — never attachments — and some systems cut links beyond about
 * 2 000 characters, so the body is shortened and says where the files are.
 */

/** Links longer than this are cut by some browsers and Windows' shell; stay under it. */
export const MAILTO_MAX_LENGTH = 1_900;

export interface MailtoInput {
  to: readonly string[];
  subject: string;
  body: string;
  /** Appended to the body: « Pièces à joindre : … » (the files shown in their folder). */
  attachmentNote?: string;
}

/** RFC 6068 percent-encoding: everything but unreserved characters, with CRLF line breaks. */
function encode(text: string): string {
  return encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
}

export function mailtoUrl(input: MailtoInput): string {
  const to = input.to.map((address) => encodeURIComponent(address).replace(/%40/g, '@')).join(',');
  const head = `mailto:${to}?subject=${encode(input.subject)}&body=`;
  const note = input.attachmentNote ? `\n\n${input.attachmentNote}` : '';
  const full = head + encode(input.body + note);
  if (full.length <= MAILTO_MAX_LENGTH) return full;
  // Shorten the body on whole characters (never inside a %XX escape) and keep the note.
  const marker = `\n[…] Le texte complet figure dans la lettre à joindre.${note}`;
  let body = input.body;
  let url = head + encode(body + marker);
  while (url.length > MAILTO_MAX_LENGTH && body.length > 0) {
    const excess = url.length - MAILTO_MAX_LENGTH;
    body = Array.from(body).slice(0, -Math.max(1, Math.ceil(excess / 9))).join('');
    url = head + encode(body + marker);
  }
  return url;
}
