/**
 * What a template sees of a case: the case's own fields, every optional key present (null when absent, so
 * Handlebars' strict mode can tell a typo from a missing fact), plus a few derived facts (full name, labels,
 * exhibit numbers, the default response and delivery dates).
 */
import type { CaseFile } from '../case/schema.js';
import { CHANNEL_LABELS, DEMAND_LABELS, DISPUTE_LABELS, SENDING_LABELS } from '../case/labels.js';
import { addDays } from '../format/dates.js';
import { exhibitsOf, type Exhibit } from '../case/exhibits.js';

/** Legal default when no delivery date was agreed: 30 days after the contract (C. conso art. L216-1). */
export const LEGAL_DELIVERY_DAYS = 30;

export interface ViewOptions {
  /** The letter's date when the case gives none (today on the user's clock). */
  today: string;
  /** Response period the template asks for when the case does not set one. */
  defaultResponseDays: number;
}

const opt = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function address(a: CaseFile['claimant']['address']) {
  return { lines: a.lines, postalCode: a.postalCode, city: a.city, country: opt(a.country) };
}

export function buildView(c: CaseFile, options: ViewOptions) {
  const letterDate = c.letter?.date ?? options.today;
  const responseDays = c.letter?.responseDays ?? options.defaultResponseDays;
  const order = c.order;
  const isAmazon = /amazon/i.test(order?.platform ?? '') || /amazon/i.test(c.respondent.name);
  const exhibits: Exhibit[] = exhibitsOf(c);
  const contacts = [...(c.contacts ?? [])]
    .map((k, index) => ({ k, index }))
    .sort((a, b) => a.k.date.localeCompare(b.k.date) || a.index - b.index)
    .map(({ k }) => ({
      date: k.date,
      channel: k.channel,
      channelLabel: CHANNEL_LABELS[k.channel] ?? k.channel,
      with: opt(k.with),
      agent: opt(k.agent),
      reference: opt(k.reference),
      summary: k.summary,
      promise: opt(k.promise),
      template: opt(k.template),
    }));
  return {
    today: options.today,
    claimant: {
      title: opt(c.claimant.title),
      firstName: c.claimant.firstName,
      lastName: c.claimant.lastName,
      fullName: [c.claimant.title, c.claimant.firstName, c.claimant.lastName].filter(Boolean).join(' '),
      address: address(c.claimant.address),
      email: opt(c.claimant.email),
      phone: opt(c.claimant.phone),
      customerId: opt(c.claimant.customerId),
    },
    respondent: {
      role: c.respondent.role,
      name: c.respondent.name,
      department: opt(c.respondent.department),
      address: address(c.respondent.address),
      email: opt(c.respondent.email),
      registration: opt(c.respondent.registration),
    },
    order: order
      ? {
          platform: opt(order.platform),
          isAmazon,
          number: opt(order.number),
          date: order.date,
          items: order.items.map((i) => ({ ...i, lineTotal: Math.round(i.quantity * i.unitPrice * 100) / 100 })),
          total: order.total,
          currency: order.currency ?? 'EUR',
          payment: opt(order.payment),
          seller: order.seller
            ? { name: order.seller.name, id: opt(order.seller.id), professional: opt(order.seller.professional) }
            : null,
          fulfilledByAmazon: opt(order.fulfilledByAmazon),
          promisedDelivery: opt(order.promisedDelivery),
          delivered: opt(order.delivered),
          carrier: opt(order.carrier),
          tracking: opt(order.tracking),
          /** Delivery due date: the agreed one, else 30 days after the order (L216-1). */
          deliveryDue: order.promisedDelivery ?? addDays(order.date, LEGAL_DELIVERY_DAYS),
          deliveryDateAgreed: order.promisedDelivery !== undefined,
        }
      : null,
    dispute: {
      type: c.dispute.type,
      typeLabel: DISPUTE_LABELS[c.dispute.type],
      facts: c.dispute.facts,
      noticed: opt(c.dispute.noticed),
      demand: c.dispute.demand,
      demandLabel: DEMAND_LABELS[c.dispute.demand],
      /** The sum claimed: the case's own figure, else the order total. */
      amount: c.dispute.amount ?? order?.total ?? null,
    },
    contacts,
    decision: c.decision
      ? { date: c.decision.date, by: c.decision.by, reference: opt(c.decision.reference), summary: c.decision.summary }
      : null,
    evidence: exhibits.map((e) => ({ key: e.key, number: e.number, title: e.title, date: opt(e.date), note: opt(e.note), file: e.file })),
    letter: {
      place: c.letter?.place ?? c.claimant.address.city,
      date: letterDate,
      sending: opt(c.letter?.sending),
      sendingLabel: c.letter?.sending ? SENDING_LABELS[c.letter.sending] ?? null : null,
      registeredNumber: opt(c.letter?.registeredNumber),
      responseDays,
      /** Response date demanded: counted from the letter's date; templates say « à compter de la réception ». */
      responseDue: addDays(letterDate, responseDays),
    },
  };
}

export type CaseView = ReturnType<typeof buildView>;
