/**
 * E-mail messages (.eml), in the evidence worker: the headers a reader needs, as written in the message
 * (the Date header is kept verbatim: it is evidence), the text body (else the HTML body as text) and the
 * attachments, which the dossier lists and embeds in the PDF.
 */
import PostalMime from 'postal-mime';
import type { Address } from 'postal-mime';
import { EvidenceProblem } from './problem.js';
import type { EmailAttachment } from './types.js';

export class EmailProblem extends EvidenceProblem {}

function formatAddress(a: Address): string {
  if (a.group) return `${a.name} : ${a.group.map(formatAddress).join(', ')}`;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00a0', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç', euro: '€',
  ecirc: 'ê', acirc: 'â', icirc: 'î', ocirc: 'ô', ucirc: 'û', ugrave: 'ù', euml: 'ë', iuml: 'ï', Eacute: 'É', deg: '°',
  laquo: '«', raquo: '»', rsquo: '’', lsquo: '‘', hellip: '…', ndash: '–', mdash: '—', pound: '£', times: '×',
};

/** HTML → readable text: block ends become line breaks, tags go, common entities are decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table|blockquote)>/gi, '\n')
    // Table cells side by side stay apart (« Article » and its price).
    .replace(/<\/t[dh]>/gi, ' ')
    .replace(/<li[^>]*>/gi, '– ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
      }
      return ENTITIES[e] ?? ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface ParsedEmail {
  headers: [string, string][];
  text: string;
  attachments: EmailAttachment[];
}

export async function parseEmail(bytes: Uint8Array): Promise<ParsedEmail> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new EmailProblem('le message électronique est illisible (format .eml incorrect)');
  }
  const rawHeader = (key: string) => email.headers.find((h) => h.key === key)?.value.trim();
  const headers: [string, string][] = [];
  if (email.from) headers.push(['De', formatAddress(email.from)]);
  if (email.to?.length) headers.push(['À', email.to.map(formatAddress).join(', ')]);
  if (email.cc?.length) headers.push(['Cc', email.cc.map(formatAddress).join(', ')]);
  const date = rawHeader('date');
  if (date) headers.push(['Date', date]);
  headers.push(['Objet', email.subject ?? '(sans objet)']);
  const text = email.text?.trim() || (email.html ? htmlToText(email.html) : '');
  const attachments = email.attachments
    .filter((a) => a.disposition === 'attachment' || (a.filename && !a.related))
    .map((a, i) => {
      const content = a.content;
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
      return { name: a.filename ?? `piece-jointe-${i + 1}`, mediaType: a.mimeType, bytes };
    });
  return { headers, text, attachments };
}
