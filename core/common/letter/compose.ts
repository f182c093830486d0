/**
 * From a case and a compiled template to the document model: the fixed parts of a French letter
 * (sender, recipient in the envelope window, place and date, sending mode, references) come from the case;
 * the subject, body and closing come from the template.
 */
import type { CaseFile } from '../case/schema.js';
import type { LetterDocument } from '../document/model.js';
import { SENDING_LABELS } from '../case/labels.js';
import { exhibitLabel, exhibitsOf } from '../case/exhibits.js';
import { formatLongDate } from '../format/dates.js';
import { formatAmount } from '../format/money.js';
import { frenchTypography } from '../format/typography.js';
import type { CompiledTemplate } from '../templates/compile.js';
import { finishText, parseBlocks, protectData } from '../templates/markup.js';
import { KIND_LABELS } from '../templates/metadata.js';
import { buildView } from '../templates/view-model.js';
import type { CaseView } from '../templates/view-model.js';
import { recipientOf } from './recipients.js';
import type { Recipient } from './recipients.js';

export interface ComposeOptions {
  /** Today's date (YYYY-MM-DD) on the user's clock: the letter's date when the case gives none. */
  today: string;
}

/** La Poste (NF Z10-011): the last lines of an address (town, country) in capitals. */
export function addressBlock(name: string[], a: CaseFile['claimant']['address'], domesticCountry = 'FRANCE'): string[] {
  const lines = [...name, ...a.lines, `${a.postalCode} ${a.city.toLocaleUpperCase('fr-FR')}`];
  const country = a.country?.toLocaleUpperCase('fr-FR');
  if (country && country !== domesticCountry) lines.push(country);
  return lines;
}

/**
 * The sender block of every document the claimant signs (letters, bordereau): name and address, e-mail, phone, and
 * the customer number only when writing to the professional that gave it. Typography applied.
 */
export function senderBlock(c: CaseFile, view: CaseView, to: Pick<Recipient, 'isRespondent'>): string[] {
  const claimant = c.claimant;
  const sender = addressBlock([view.claimant.fullName], claimant.address);
  if (claimant.email) sender.push(claimant.email);
  if (claimant.phone) sender.push(`Tél.\u00A0: ${claimant.phone}`);
  if (claimant.customerId && to.isRespondent) sender.push(`N°\u00A0client\u00A0: ${claimant.customerId}`);
  return sender.map(frenchTypography);
}

/** The recipient block: the party's address, or the fixed lines of a text filed on a website. Typography applied. */
export function recipientBlock(to: Recipient): string[] {
  const lines = to.kind === 'fixed' ? to.lines : addressBlock([to.name, ...(to.department ? [to.department] : [])], to.address);
  return lines.map(frenchTypography);
}

/** « Lyon, le 25 novembre 2026 ». */
export const placeDateLine = (view: CaseView): string => `${view.letter.place}, le ${formatLongDate(view.letter.date)}`;

export function composeLetter(c: CaseFile, template: CompiledTemplate, options: ComposeOptions): LetterDocument {
  const meta = template.meta;
  const view = buildView(c, { today: options.today, defaultResponseDays: meta.responseDays });
  const data = protectData(view);

  const subject = finishText(template.renderSubject(data).trim());
  const body = parseBlocks(template.renderBody(data));
  const closing = finishText(template.renderClosing(data).trim());

  const to = recipientOf(c, meta);
  if (!to) throw new Error(`« ${meta.title} » : le destinataire de la lettre n’est pas renseigné dans le dossier.`);

  const claimant = c.claimant;
  const r = c.respondent;

  // A text filed on a website has no sending mode.
  const sendingMode = to.online ? undefined : c.letter?.sending ?? meta.recommendedSending;
  const sending: string[] = [];
  if (sendingMode) {
    const label = SENDING_LABELS[sendingMode] ?? sendingMode;
    const number = c.letter?.registeredNumber;
    sending.push(number ? `${label} n°\u00A0${number}` : label);
  }

  const references: [string, string][] = [];
  if (c.order) {
    const o = c.order;
    const num = o.number ? `n°\u00A0${o.number} du ${formatLongDate(o.date)}` : `du ${formatLongDate(o.date)}`;
    references.push([o.platform ? `Commande ${o.platform}` : 'Commande', num]);
    references.push(['Montant', formatAmount(o.total, o.currency ?? 'EUR')]);
    if (o.tracking) references.push(['Suivi', [o.carrier, o.tracking].filter(Boolean).join(' — ')]);
  }
  if (claimant.customerId) references.push([to.isRespondent ? 'Numéro de client' : `Numéro de client chez ${r.name}`, claimant.customerId]);
  // « Votre référence »: the latest reference given by the recipient itself (not by a carrier or a third party).
  const respondentWord = (r.name.split(/\s+/)[0] ?? '').toLocaleLowerCase('fr-FR');
  const lastReference = [...view.contacts]
    .reverse()
    // A letter Recours sent (older cases kept its registered number as `reference`) is the user's, not theirs.
    .find((k) => k.reference && k.template === null && (k.with === null || k.with.toLocaleLowerCase('fr-FR').includes(respondentWord)))?.reference;
  if (lastReference) references.push([to.isRespondent ? 'Votre référence' : 'Référence du professionnel', lastReference]);

  const exhibits = exhibitsOf(c);
  return {
    meta: {
      title: subject,
      author: view.claimant.fullName,
      language: 'fr-FR',
      templateId: meta.id,
      kindLabel: KIND_LABELS[meta.kind],
    },
    sender: senderBlock(c, view, to),
    recipient: recipientBlock(to),
    placeDate: placeDateLine(view),
    sending,
    references: references.map(([k, v]) => [k, frenchTypography(v)]),
    subject,
    salutation: meta.salutation,
    body,
    closing,
    signature: [view.claimant.fullName],
    enclosures: exhibits.map((e) => frenchTypography(`${capitalise(exhibitLabel(e.number))} : ${e.title}${e.date ? ` (${formatLongDate(e.date)})` : ''}`)),
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
