/**
 * An e-mail draft (.eml) the user's mail program opens ready to send: recipient, subject, body and the PDFs
 * attached. Built with nodemailer's MailComposer (RFC 5322: CRLF lines, base64 wrapped at 76 characters,
 * RFC 2047 headers), then turned into a draft the way Symfony's DraftEmail does it:
 *  - `X-Unsent: 1` so that Outlook (and the clients that follow it) opens it as an editable unsent message;
 *  - no `Message-ID` and no `Date`: the mail program sets them when the message is really sent;
 *  - no `From`: the mail program fills in the user's own account.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface DraftAttachment {
  /** The name the recipient sees (« Mise en demeure – 2026-11-25.pdf »). */
  fileName: string;
  bytes: Uint8Array;
  /** Defaults to application/pdf: the drafts carry the letters and dossiers. */
  mediaType?: string;
}

export interface DraftMessage {
  /** Recipient addresses; empty when the case has none (the user types it in the mail program). */
  to: readonly string[];
  subject: string;
  /** Plain-text body; lines are joined with CRLF in the draft. */
  text: string;
  attachments: readonly DraftAttachment[];
}

/** Header fields that belong to a sent message, never to a draft. */
const TRANSPORT_HEADERS = /^(message-id|date)$/i;

/** Returns the bytes of the .eml draft. */
export async function composeDraft(message: DraftMessage): Promise<Uint8Array> {
  const composer = new MailComposer({
    to: message.to.length > 0 ? [...message.to] : undefined,
    subject: message.subject,
    // MailComposer leaves bare LFs in a 7-bit body: mail standards want CRLF everywhere.
    text: message.text.replace(/\r?\n/g, '\r\n'),
    attachments: message.attachments.map((a) => ({
      filename: a.fileName,
      content: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength),
      contentType: a.mediaType ?? 'application/pdf',
    })),
    headers: { 'X-Unsent': '1' },
  });
  const raw: Buffer = await composer.compile().build();
  return stripTransportHeaders(raw);
}

/** Removes Message-ID and Date (with their folded continuation lines) from the top-level header block only. */
export function stripTransportHeaders(raw: Uint8Array): Uint8Array {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return raw;
  const lines = text.subarray(0, end).toString('latin1').split('\r\n');
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    const continuation = line.startsWith(' ') || line.startsWith('\t');
    if (!continuation) dropping = TRANSPORT_HEADERS.test(line.slice(0, line.indexOf(':')).trim());
    if (!dropping) kept.push(line);
  }
  // Headers are 7-bit (MailComposer encodes them), so latin1 round-trips them byte for byte.
  return Buffer.concat([Buffer.from(kept.join('\r\n'), 'latin1'), text.subarray(end)]);
}
