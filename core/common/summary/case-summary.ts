/**
 * The case in one glance, for the next call: the problem, each action taken (date, channel, who, reference, what
 * was promised) and what came of it, then the demand and the next deadline. One model, three forms: the table
 * (PDF, through the letter writers), the plain text, and a short text (≤ 1 000 characters) to paste in a chat.
 * Works on a draft being typed: a missing fact is left out, never invented.
 */
import { DEMAND_LABELS, DISPUTE_LABELS } from '../case/labels.js';
import type { LetterDocument, Run } from '../document/model.js';
import { compareIsoDates, formatLongDate, formatShortDate, isRealIsoDate } from '../format/dates.js';
import { formatAmount } from '../format/money.js';
import { frenchTypography } from '../format/typography.js';

/** Channels as a table cell or a chat line says them (the letters' « par téléphone » is too long there). */
const CHANNELS_SHORT: Record<string, string> = { phone: 'téléphone', chat: 'chat', email: 'e-mail', letter: 'courrier', message: 'message', other: 'autre' };

/** The problem in one sentence, from the facts the case states (the user's own account follows in the full summary). */
function problemSentence(type: string | null, order: Loose, dispute: Loose): string {
  const delivered = date(order.delivered);
  const promised = date(order.promisedDelivery);
  const noticed = date(dispute.noticed);
  switch (type) {
    case 'non-delivery':
      return delivered ? `Colis indiqué livré le ${delivered} mais jamais reçu.` : `Colis jamais livré${promised ? ` (livraison promise le ${promised})` : ''}.`;
    case 'late-delivery':
      return `Livraison en retard${promised ? ` : elle était promise pour le ${promised}` : ''}.`;
    case 'defective':
      return `Produit défectueux${noticed ? ` (panne constatée le ${noticed})` : ''}.`;
    case 'refund':
      return 'Remboursement attendu et toujours pas reçu.';
    default: {
      const label = type && type in DISPUTE_LABELS ? DISPUTE_LABELS[type as keyof typeof DISPUTE_LABELS] : 'litige';
      return `${label.charAt(0).toUpperCase()}${label.slice(1)}.`;
    }
  }
}

/** The short text's limit: what a chat box or an agent's note field takes. */
export const SHORT_SUMMARY_MAX = 1000;

export interface SummaryAction {
  date: string | null;
  channel: string;
  who: string;
  reference: string | null;
  summary: string;
  promise: string | null;
}

export interface CaseSummaryModel {
  title: string;
  claimant: string;
  respondent: string;
  orderNumber: string | null;
  /** « Commande du 28 septembre 2026 : Ordinateur… (1 × 849,99 €), total 849,99 € ». */
  order: string | null;
  problem: string;
  /** The first sentence of the user's own account. */
  detail: string | null;
  actions: SummaryAction[];
  /** The decision given, when there is one (what came of each contact is in its row). */
  outcome: string | null;
  demand: string | null;
  nextDeadline: { date: string; label: string; overdue: boolean } | null;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const date = (v: unknown, form: (d: string) => string = formatLongDate): string | null => {
  const d = str(v);
  return d && isRealIsoDate(d) ? form(d) : null;
};

/** The first sentence of the facts, at most `max` characters (cut at a word). */
export function firstSentence(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?…](?=\s+\p{Lu}|\s*$)/u.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[,;:\s]+$/, '')}…`;
}

export interface SummaryOptions {
  nextDeadline?: { date: string; label: string; overdue: boolean } | null;
}

export function buildCaseSummary(draft: Loose, options: SummaryOptions = {}): CaseSummaryModel {
  const claimant = obj(draft.claimant);
  const respondent = obj(draft.respondent);
  const order = obj(draft.order);
  const dispute = obj(draft.dispute);
  const currency = str(order.currency) ?? 'EUR';
  const orderNumber = str(order.number);
  const items = Array.isArray(order.items) ? order.items.map(obj).filter((i) => str(i.description)) : [];
  const itemText = items
    .map((i) => `${str(i.description)}${num(i.unitPrice) !== null ? ` (${num(i.quantity) ?? 1} × ${formatAmount(num(i.unitPrice) as number, currency)})` : ''}`)
    .join(' ; ');
  const total = num(order.total);
  const orderParts = [
    date(order.date) ? `commande du ${date(order.date)}` : null,
    itemText || null,
    total !== null ? `total ${formatAmount(total, currency)}` : null,
    str(order.platform) ? `sur ${str(order.platform)}` : null,
  ].filter(Boolean);
  const type = str(dispute.type);
  const facts = str(dispute.facts);
  const contacts = (Array.isArray(draft.contacts) ? draft.contacts.map(obj) : [])
    .filter((c) => str(c.summary) || str(c.date))
    .sort((a, b) => compareIsoDates(str(a.date) ?? '', str(b.date) ?? ''));
  // Said once (« Face à ») when every contact was with the same service, rather than on every row.
  const withs = new Set(contacts.map((c) => str(c.with)));
  const commonWith = withs.size === 1 && contacts.length > 1 ? [...withs][0] ?? null : null;
  const actions: SummaryAction[] = contacts.map((c) => ({
    date: str(c.date) && isRealIsoDate(str(c.date) as string) ? (str(c.date) as string) : null,
    channel: CHANNELS_SHORT[str(c.channel) ?? ''] ?? '',
    who: [commonWith ? null : str(c.with), str(c.agent)].filter(Boolean).join(', '),
    reference: str(c.reference),
    summary: str(c.summary) ?? '',
    promise: str(c.promise),
  }));
  const decision = obj(draft.decision);
  // What came of each contact is in its row; a decision, when one was given, is the outcome of them all.
  const outcome = str(decision.summary)
    ? `${date(decision.date) ? `Le ${date(decision.date)}, ` : ''}${str(decision.by) ? `${str(decision.by)} : ` : ''}${str(decision.summary)}${str(decision.reference) ? ` (réf. ${str(decision.reference)})` : ''}`
    : null;
  const demand = str(dispute.demand);
  const amount = num(dispute.amount) ?? total;
  const demandText = demand && demand in DEMAND_LABELS
    ? `Je demande ${DEMAND_LABELS[demand as keyof typeof DEMAND_LABELS]}${amount !== null && /refund|chargeback|price-reduction/.test(demand) ? ` de ${formatAmount(amount, currency)}` : ''}.`
    : null;
  return {
    title: `Résumé du litige${orderNumber ? ` — commande n° ${orderNumber}` : ''}`,
    claimant: [str(claimant.title), str(claimant.firstName), str(claimant.lastName)].filter(Boolean).join(' '),
    respondent: [str(respondent.name), str(respondent.department)].filter(Boolean).join(', ') + (commonWith ? ` (contacts : ${commonWith})` : ''),
    orderNumber,
    order: orderParts.length > 0 ? `${orderParts.join(', ')}` : null,
    problem: problemSentence(type, order, dispute),
    detail: facts ? firstSentence(facts) : null,
    actions,
    outcome,
    demand: demandText,
    nextDeadline: options.nextDeadline ?? null,
  };
}

function deadlineText(d: NonNullable<CaseSummaryModel['nextDeadline']>): string {
  return `${d.label} : ${formatLongDate(d.date)}${d.overdue ? ' (dépassée)' : ''}`;
}

function actionLine(a: SummaryAction): string {
  const head = [a.date ? formatShortDate(a.date) : null, a.channel, a.who || null, a.reference ? `réf. ${a.reference}` : null].filter(Boolean).join(' — ');
  return `${head} : ${a.summary}${a.promise ? ` Promesse : « ${a.promise.replace(/[.\s]+$/, '')} ».` : ''}`;
}

/** The summary as plain text, sections separated by blank lines. */
export function summaryText(s: CaseSummaryModel): string {
  const parts = [
    s.title,
    [s.claimant && `Client : ${s.claimant}`, s.respondent && `Face à : ${s.respondent}`].filter(Boolean).join('\n'),
    s.order ? `Commande : ${s.order}` : '',
    `Problème : ${s.problem}${s.detail ? `\n${s.detail}` : ''}`,
    s.actions.length > 0 ? `Démarches (${s.actions.length}) :\n${s.actions.map((a, i) => `${i + 1}. ${actionLine(a)}`).join('\n')}` : 'Démarches : aucune pour l’instant.',
    s.outcome ? `Décision : ${s.outcome}` : '',
    s.demand ? `Demande : ${s.demand}` : '',
    s.nextDeadline ? `Prochaine échéance : ${deadlineText(s.nextDeadline)}` : '',
  ];
  return frenchTypography(parts.filter((p) => p.trim() !== '').join('\n\n'));
}

/**
 * The text to paste in a chat or read on the phone: the order number, the problem in one sentence, the previous
 * references and promises, and the demand; at most 1 000 characters (older contacts are folded when it is longer).
 */
export function shortSummary(s: CaseSummaryModel): string {
  const opening = `${s.orderNumber ? `Commande n° ${s.orderNumber}. ` : ''}${s.problem}`;
  const contactText = (a: SummaryAction, withPromise: boolean) =>
    `${a.date ? formatShortDate(a.date).slice(0, 5) : '?'} ${a.channel}${a.reference ? ` (réf. ${a.reference})` : ''}${withPromise && a.promise ? ` : « ${a.promise.replace(/[.\s]+$/, '')} »` : ''}`;
  const compose = (shown: SummaryAction[], folded: number, withPromise: boolean, problem = opening) => {
    const contacts = shown.length > 0 || folded > 0
      ? `Déjà ${s.actions.length} contact${s.actions.length > 1 ? 's' : ''}${folded > 0 ? ` (dont ${folded} plus ancien${folded > 1 ? 's' : ''} non détaillé${folded > 1 ? 's' : ''})` : ''} : ${shown.map((a) => contactText(a, withPromise)).join(' ; ')}.`
      : '';
    return frenchTypography([problem, contacts, s.demand ?? ''].filter(Boolean).join(' '));
  };
  for (const withPromise of [true, false]) {
    for (let folded = 0; folded <= s.actions.length; folded += 1) {
      const text = compose(s.actions.slice(folded), folded, withPromise);
      if (text.length <= SHORT_SUMMARY_MAX) return text;
    }
  }
  const text = compose([], s.actions.length, false, `${s.orderNumber ? `Commande n° ${s.orderNumber}. ` : ''}${firstSentence(s.problem, 400)}`);
  return text.length <= SHORT_SUMMARY_MAX ? text : `${text.slice(0, SHORT_SUMMARY_MAX - 1)}…`;
}

const bold = (text: string): Run => ({ text: frenchTypography(text), bold: true });
const plain = (text: string): Run => ({ text: frenchTypography(text) });

/** The summary as a document for the PDF writer: a table of the actions, framed by the problem and the demand. */
export function summaryDocument(s: CaseSummaryModel, today: string): LetterDocument {
  const body: LetterDocument['body'] = [];
  if (s.order) body.push({ type: 'paragraph', align: 'left', runs: [bold('Commande : '), plain(`${s.order}.`)] });
  body.push({ type: 'paragraph', align: 'left', runs: [bold('Problème : '), plain(s.problem)] });
  // What the agent must hear first comes before the history: the demand, the deadline, the decision contested.
  if (s.demand) body.push({ type: 'paragraph', align: 'left', runs: [bold('Demande : '), plain(s.demand)] });
  if (s.nextDeadline) body.push({ type: 'paragraph', align: 'left', runs: [bold('Prochaine échéance : '), plain(deadlineText(s.nextDeadline))] });
  if (s.outcome) body.push({ type: 'paragraph', align: 'left', runs: [bold('Décision : '), plain(s.outcome)] });
  body.push({ type: 'heading', runs: [bold(`Démarches effectuées (${s.actions.length})`)] });
  if (s.actions.length > 0) {
    body.push({
      type: 'table',
      header: [[bold('Date')], [bold('Contact')], [bold('Réf.')], [bold('Ce qui s’est passé')], [bold('Promesse')]],
      widths: [14.5, 14, 14.5, 35, 22],
      rows: s.actions.map((a) => [
        [plain(a.date ? formatShortDate(a.date) : '—')],
        [plain([a.channel, a.who].filter(Boolean).join(', '))],
        [plain(a.reference ?? '—')],
        [plain(a.summary)],
        [plain(a.promise ?? '—')],
      ]),
    });
  } else {
    body.push({ type: 'paragraph', runs: [plain('Aucune démarche enregistrée pour l’instant.')] });
  }
  return {
    meta: { title: frenchTypography(s.title), author: s.claimant, language: 'fr-FR', templateId: 'resume', kindLabel: 'Résumé du litige' },
    // The claimant's name alone: the page is for reading out, not for posting, and fits on one page.
    sender: s.claimant ? [s.claimant] : [],
    // The party faced sits where a letter's recipient would, in the space the header keeps anyway.
    recipient: s.respondent ? ['Face à :', frenchTypography(s.respondent)] : [],
    placeDate: frenchTypography(`Résumé établi le ${formatLongDate(today)}`),
    sending: [],
    references: [],
    subject: frenchTypography(s.title),
    salutation: '',
    body,
    closing: '',
    signature: [],
    enclosures: [],
  };
}

/** The deadline to mention: the earliest one still to come (a past one is history, shown in Échéances). */
export function nextDeadlineOf(deadlines: readonly { date: string; label: string; overdue: boolean }[]): CaseSummaryModel['nextDeadline'] {
  const coming = deadlines.filter((d) => !d.overdue).sort((a, b) => compareIsoDates(a.date, b.date))[0];
  return coming ? { date: coming.date, label: coming.label, overdue: false } : null;
}
