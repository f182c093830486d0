/**
 * What a template sees of a case: the case's own fields, every optional key present (null when absent, so
 * Handlebars' strict mode can tell a typo from a missing fact), plus a few derived facts (full name, labels,
 * exhibit numbers, the default response and delivery dates).
 */
import type { CaseFile, Party } from '../case/schema.js';
import {
  CHANNEL_LABELS, DEMAND_LABELS, DISPUTE_LABELS, REFUND_REASON_LABELS, SENDING_LABELS, SUBSCRIPTION_PERIOD_LABELS,
} from '../case/labels.js';
import { addDays, compareIsoDates, daysBetween } from '../format/dates.js';
import { exhibitsOf, type Exhibit } from '../case/exhibits.js';
import {
  bankContestationLimitDate, bankRefundDueDate, caseRegion, computeDeadlines, deliveryDueDate, gdprAnswerDueDate, gdprMonthEnd, guaranteeEndDate,
  hiddenDefectLimitDate, LEGAL_DELIVERY_DAYS, mediatorLimit, presumptionEndDate, presumptionMonths, refundDueDate,
  subscriptionRefundDueDate, withdrawalPeriodEnd,
} from '../deadlines/compute.js';
import { currentStage, isWritten, lettersSent, sortedContacts, TEMPLATE_STEPS, writtenComplaints } from '../deadlines/ladder.js';
import { lateRefund } from '../deadlines/late-refund.js';
import { subscriptionRefund } from '../deadlines/subscription-refund.js';
import { amicableBody, SMALL_CLAIMS_LIMIT, trader, traderLocation } from '../deadlines/case-facts.js';

export { LEGAL_DELIVERY_DAYS };

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

function party(p: Party | undefined) {
  if (!p) return null;
  return { name: p.name, department: opt(p.department), address: address(p.address), email: opt(p.email), website: opt(p.website) };
}

function debits(list: readonly { date: string; amount: number; label?: string }[]) {
  const items = [...list].sort((a, b) => compareIsoDates(a.date, b.date)).map((d) => ({ date: d.date, amount: d.amount, label: opt(d.label) }));
  return { items, total: Math.round(items.reduce((sum, d) => sum + d.amount * 100, 0)) / 100, first: items[0]?.date ?? null };
}

/** A contact as templates see it: every field present, plus its channel and letter in French. */
function contactView(k: NonNullable<CaseFile['contacts']>[number]) {
  return {
    date: k.date,
    channel: k.channel,
    channelLabel: CHANNEL_LABELS[k.channel] ?? k.channel,
    with: opt(k.with),
    agent: opt(k.agent),
    reference: opt(k.reference),
    summary: k.summary,
    promise: opt(k.promise),
    template: opt(k.template),
    /** « mise en demeure de livrer » when the contact is a letter Recours produced. */
    templateLabel: k.template ? TEMPLATE_STEPS[k.template]?.name ?? null : null,
    written: isWritten(k),
  };
}

/** The L215-1 calculation with every field present, whichever kind it is (templates are strict). */
function subscriptionRefundView(s: CaseFile['subscription']) {
  const r = subscriptionRefund(s);
  if (!r) return null;
  const none = { charges: [] as { date: string; amount: number; label: string | null }[], renewed: null, cancelled: null, price: null, periodDays: null, daysUsed: null, used: null };
  return { ...none, ...r };
}

export function buildView(c: CaseFile, options: ViewOptions) {
  const letterDate = c.letter?.date ?? options.today;
  const responseDays = c.letter?.responseDays ?? options.defaultResponseDays;
  const order = c.order;
  const isAmazon = /amazon/i.test(order?.platform ?? '') || /amazon/i.test(c.respondent.name);
  const exhibits: Exhibit[] = exhibitsOf(c);
  const contacts = sortedContacts(c).map(contactView);
  const complaints = writtenComplaints(c).map(contactView);
  const firstComplaint = complaints[0] ?? null;
  const refund = c.refund;
  const refundDue = refund ? refundDueDate(refund) : null;
  const refundScale = refund?.reason === 'withdrawal' ? 'withdrawal' : 'resolution';
  const late = refundDue ? lateRefund(refundScale, refundDue, letterDate) : null;
  const guaranteeEnd = order?.delivered ? guaranteeEndDate(order.delivered) : null;
  const presumptionEnd = order?.delivered ? presumptionEndDate(order.delivered, order.used) : null;
  const region = caseRegion(c);
  const mediator = mediatorLimit(c);
  const bankRefund = bankRefundDueDate(c);
  const gdprDue = gdprAnswerDueDate(c);
  const amicable = amicableBody(c);
  const payments = c.contestedPayment ? debits(c.contestedPayment.operations) : null;
  const charges = c.subscription?.charges ? debits(c.subscription.charges) : null;
  const cancelled = c.subscription?.cancelled;
  const lastFormalNotice = lettersSent(c).filter((l) => TEMPLATE_STEPS[l.template]?.rung === 'formal-notice').at(-1);
  const amount = c.dispute.amount ?? order?.total ?? null;
  const t = trader(c);
  const stage = currentStage(c);
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
      profession: opt(c.claimant.profession),
      nationality: opt(c.claimant.nationality),
      birthDate: opt(c.claimant.birthDate),
      birthPlace: opt(c.claimant.birthPlace),
    },
    respondent: {
      role: c.respondent.role,
      name: c.respondent.name,
      department: opt(c.respondent.department),
      address: address(c.respondent.address),
      email: opt(c.respondent.email),
      registration: opt(c.respondent.registration),
    },
    /** The trader the dispute is with (the Marketplace seller when there is one) and where it is established. */
    trader: { name: t.name, country: opt(t.country), location: traderLocation(c), inFrance: traderLocation(c) === 'france' },
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
            ? {
                name: order.seller.name,
                id: opt(order.seller.id),
                professional: opt(order.seller.professional),
                address: order.seller.address ? address(order.seller.address) : null,
                email: opt(order.seller.email),
              }
            : null,
          fulfilledByAmazon: opt(order.fulfilledByAmazon),
          promisedDelivery: opt(order.promisedDelivery),
          delivered: opt(order.delivered),
          carrier: opt(order.carrier),
          tracking: opt(order.tracking),
          /** Delivery due date: the agreed one, else 30 days after the order (L216-1). */
          deliveryDue: deliveryDueDate(order),
          deliveryDateAgreed: order.promisedDelivery !== undefined,
          used: opt(order.used),
          listingUrl: opt(order.listingUrl),
          /** End of the legal guarantee of conformity: two years from délivrance (L217-3). */
          guaranteeEnd,
          /** End of the presumption of L217-7: 24 months, 12 for second-hand goods. */
          presumptionEnd,
          presumptionMonths: presumptionMonths(order.used),
          /** The defect appeared (or, failing a date, the letter is written) within the two years of L217-3. */
          withinGuarantee: guaranteeEnd !== null && (c.dispute.noticed ?? letterDate) <= guaranteeEnd,
          /** The defect appeared within the presumption period of L217-7. */
          withinPresumption: presumptionEnd !== null && (c.dispute.noticed ?? letterDate) <= presumptionEnd,
          /** Last day of the withdrawal period (L221-18, extended by L221-19). */
          withdrawalEnd: order.delivered ? withdrawalPeriodEnd(order.delivered, region) : null,
          /** The withdrawal period still runs on the letter's date. */
          withdrawalOpen: order.delivered !== undefined && letterDate <= withdrawalPeriodEnd(order.delivered, region),
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
      amount,
      /** The claim fits the requête and the small-claims rules (up to 5 000 €). */
      smallClaim: amount !== null && amount <= SMALL_CLAIMS_LIMIT,
      /** Two years from the discovery of the defect (C. civ. art. 1648). */
      hiddenDefectLimit: c.dispute.noticed ? hiddenDefectLimitDate(c.dispute.noticed) : null,
    },
    contacts,
    /** Written complaints to the professional (letters, e-mails, messages), in date order: L612-2 asks for one. */
    complaints,
    firstComplaint,
    /** One year after the first written exchange with the professional: the last day to seize the mediator (L612-2, 4°). */
    mediatorLimit: mediator?.date ?? null,
    /** The letter is written within that year. */
    mediationInTime: mediator !== null && letterDate <= mediator.date,
    /**
     * Who the consumer turns to next, amicably: the consumer mediator, CEC France for a trader established in another
     * EU state, Iceland or Norway, or none (a mediation already took place, or the trader is outside that area).
     */
    escalation: { mediator: amicable === 'mediator', cec: amicable === 'cec', none: amicable === 'none' },
    /** Letters Recours produced that were marked as sent, in date order. */
    lettersSent: lettersSent(c).map(contactView),
    /** The latest mise en demeure sent (it made legal interest run on a sum of money: C. civ. art. 1344-1). */
    lastFormalNotice: lastFormalNotice ? contactView(lastFormalNotice) : null,
    /** The rung of the escalation ladder the case has reached. */
    stage: { rung: stage.rung, id: stage.id, label: stage.label },
    /** The deadlines that apply, judged on the letter's date. */
    deadlines: computeDeadlines(c, letterDate).map((d) => ({ ...d, note: opt(d.note) })),
    refund: refund
      ? {
          reason: refund.reason,
          reasonLabel: REFUND_REASON_LABELS[refund.reason],
          requested: opt(refund.requested),
          returned: opt(refund.returned),
          returnTracking: opt(refund.returnTracking),
          /** Date the refund is owed (L221-24, L216-7 or L217-17), when the case gives the date it runs from. */
          due: refundDue,
          daysLate: late?.daysLate ?? 0,
          /** The statutory increase reached on the letter's date (L241-4 or L242-4), or null. */
          increase: late?.increase ?? null,
        }
      : null,
    subscription: c.subscription
      ? {
          service: c.subscription.service,
          started: opt(c.subscription.started),
          price: opt(c.subscription.price),
          period: opt(c.subscription.period),
          periodLabel: c.subscription.period ? SUBSCRIPTION_PERIOD_LABELS[c.subscription.period] ?? null : null,
          cancelled: opt(c.subscription.cancelled),
          renewalNotice: opt(c.subscription.renewalNotice),
          charges: charges?.items ?? [],
          chargesTotal: charges?.total ?? null,
          /** Some disputed charge was taken after the termination date. */
          chargedAfterCancellation: cancelled !== undefined && (charges?.items ?? []).some((d) => d.date > cancelled),
          /** Advances refunded within 30 days of termination when the renewal notice was not sent (L215-1). */
          refundDue: subscriptionRefundDueDate(c.subscription),
          /** How the sum claimed is reached (L215-1): charges after the termination, or the price less the days used. */
          refund: subscriptionRefundView(c.subscription),
        }
      : null,
    contestedPayment: c.contestedPayment && payments
      ? {
          instrument: opt(c.contestedPayment.instrument),
          operations: payments.items,
          total: payments.total,
          firstDebit: payments.first,
          reported: opt(c.contestedPayment.reported),
          consentWithdrawn: opt(c.contestedPayment.consentWithdrawn),
          /**
           * The operations are unauthorised in the sense of CMF L133-18: a fraud, or charges taken after the consent
           * was withdrawn from the bank. A cancelled subscription's charges stay authorised until then (L133-7).
           */
          unauthorised: c.dispute.type !== 'subscription' || c.contestedPayment.consentWithdrawn !== undefined,
          policeReport: c.contestedPayment.policeReport
            ? { date: c.contestedPayment.policeReport.date, reference: opt(c.contestedPayment.policeReport.reference) }
            : null,
          /** Thirteen months after the first debit (CMF L133-24). */
          limit: bankContestationLimitDate(c),
          /** End of the first business day after the report (CMF L133-18). */
          refundDue: bankRefund?.date ?? null,
        }
      : null,
    dataRequest: c.dataRequest
      ? {
          received: opt(c.dataRequest.received),
          extended: opt(c.dataRequest.extended),
          answer: opt(c.dataRequest.answer),
          /** One month from receipt, three when extended, moved past closed days (RGPD art. 12(3)); null without the date of receipt. */
          due: c.dataRequest.received && gdprDue ? gdprDue.date : null,
        }
      : null,
    bank: party(c.bank),
    mediator: party(c.mediator),
    conciliator: party(c.conciliator),
    court: party(c.court),
    bankMediator: party(c.bankMediator),
    authority: party(c.authority),
    mediation: c.mediation ? { ended: opt(c.mediation.ended), outcome: opt(c.mediation.outcome) } : null,
    sendings: [...(c.sendings ?? [])]
      .sort((a, b) => compareIsoDates(a.date, b.date))
      .map((s) => ({ template: s.template, date: s.date, mode: opt(s.mode), registeredNumber: opt(s.registeredNumber), received: opt(s.received), documentId: opt(s.documentId) })),
    decision: c.decision
      ? { date: c.decision.date, by: c.decision.by, party: c.decision.party ?? 'respondent', reference: opt(c.decision.reference), summary: c.decision.summary }
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
      /** One month after the letter (RGPD art. 12(3)), for requests that run from receipt. */
      monthLater: gdprMonthEnd(letterDate, 1, region),
      /** Days since the order, for letters that state how long the consumer has waited. */
      daysSinceOrder: order ? daysBetween(order.date, letterDate) : null,
    },
  };
}

export type CaseView = ReturnType<typeof buildView>;
