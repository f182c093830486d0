/**
 * An order's e-mails saved as .eml (confirmation, shipping, « livré », refund), French or English, text or HTML,
 * quoted-printable or base64 (postal-mime decodes them, as for evidence). Only messages from the platform are read:
 * an e-mail from someone else is refused rather than mined for numbers.
 */
import PostalMime from 'postal-mime';
import { htmlToText } from '../evidence/email.js';
import { factsFromText } from '../../common/import/text-facts.js';
import type { ImportProposal } from '../../common/import/proposal.js';
import { dayInTimeZone } from '../../common/import/values.js';
import { beyondLimit, IMPORT_LIMITS, ImportProblem } from './problem.js';

/** Amazon's sending domains (amazon.fr, marketplace.amazon.fr, amazon.co.uk, amazon.com…). */
const PLATFORM_SENDER = /@(?:[a-z0-9-]+\.)*amazon\.(?:fr|com|co\.uk|de|it|es|be|nl|ca|com\.be)$/i;

export async function readOrderEmail(bytes: Uint8Array, source: string): Promise<ImportProposal> {
  if (bytes.length > IMPORT_LIMITS.emailBytes) throw new ImportProblem(source, `le message ${beyondLimit(IMPORT_LIMITS.emailBytes)}`);
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch {
    throw new ImportProblem(source, 'le message électronique est illisible (format .eml incorrect)');
  }
  const from = email.from?.address ?? '';
  if (!from) throw new ImportProblem(source, 'ce fichier n’est pas un message électronique (aucun expéditeur)');
  if (!PLATFORM_SENDER.test(from)) {
    throw new ImportProblem(source, `ce message ne vient pas d’Amazon (expéditeur ${from}) : seuls les messages de la plateforme sont lus`);
  }
  const body = email.text?.trim() || (email.html ? htmlToText(email.html) : '');
  const sent = email.date ? new Date(email.date) : null;
  const sentOn = sent && !Number.isNaN(sent.getTime()) ? dayInTimeZone(sent, 'Europe/Paris') : null;
  const subject = email.subject ?? '';
  const proposal = factsFromText(`${subject}\n${body}`, {
    source,
    kind: 'email',
    platform: 'Amazon',
    platformExcerpt: `Expéditeur : ${from}`,
    year: sentOn ? Number(sentOn.slice(0, 4)) : undefined,
    sentOn,
    deliveryNotice: /(?<!\p{L})(livr[ée]e?|delivered)(?!\p{L})/iu.test(subject) && !/(pr[ée]vue|estim|arriving)/i.test(subject),
  });
  if (!proposal.orderNumber) throw new ImportProblem(source, 'aucun numéro de commande trouvé dans ce message');
  if (/rembours|refund/i.test(subject)) proposal.notes.push(`Avis de remboursement${sentOn ? ` du ${sentOn.split('-').reverse().join('/')}` : ''} : « ${subject.trim()} ».`);
  return proposal;
}
