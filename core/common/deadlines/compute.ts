/**
 * The legal deadlines of a case, each with its basis. Every rule names its source (fact sheet
 * ../shared/reference/legal-facts-fr.md); a deadline is left out when the case lacks the date it runs from
 * (`deadlineGaps` says which fact would give it).
 *
 * Periods in months end on the same day of the target month, or on its last day when it is shorter
 * (31 January + 1 month = 28 or 29 February): `addMonths`. A deadline that falls on a Saturday, Sunday or public
 * holiday is moved only where the text says so: the withdrawal period (C. conso, art. L221-19), the bank's « jour
 * ouvrable » (CMF L133-18) and the GDPR month (Regulation 1182/71, art. 3 § 4). Closed days are those of the
 * claimant's postal code (Alsace-Moselle has two more: calendar.ts).
 *
 * Each rule's date is computed by one exported function below; the view model (what templates see) calls the same
 * functions, so that a letter and the deadlines list never disagree.
 */
import type { CaseFile } from '../case/schema.js';
import { addDays, addMonths, compareIsoDates, formatLongDate } from '../format/dates.js';
import { closedDayReason, extendToWorkingDay, holidayRegion, nextWorkingDay, type HolidayRegion } from './calendar.js';
import { DELIVERY_DISPUTES, GOODS_DISPUTES, isMarketplaceSale, sellerIsPrivate } from './case-facts.js';
import { lettersSent, sortedContacts, TEMPLATE_STEPS, withTrader, writtenComplaints } from './ladder.js';

export const DEADLINE_IDS = [
  'delivery-due',
  'response-due',
  'withdrawal-end',
  'refund-due',
  'conformity-due',
  'guarantee-end',
  'presumption-end',
  'hidden-defect-limit',
  'mediator-limit',
  'a-to-z-limit',
  'bank-contestation-limit',
  'bank-refund-due',
  'gdpr-answer-due',
  'subscription-refund-due',
] as const;

export type DeadlineId = (typeof DEADLINE_IDS)[number];

/** Compatible with DeadlineInfo (core/common/api/contract.ts), plus an optional explanation. */
export interface Deadline {
  id: DeadlineId;
  /** What falls due, in French. */
  label: string;
  /** Last day (YYYY-MM-DD). */
  date: string;
  /** Legal basis, in French (« C. conso, art. L216-1 »). */
  basis: string;
  /** The date is past on `today`. */
  overdue: boolean;
  /** How the date was counted, or what to check. */
  note?: string;
}

export interface DeadlineOptions {
  /**
   * The response period of a template: its header's `responseDays`, from the catalogue in use. Without it, or for a
   * template the catalogue does not know, the answer is awaited DEFAULT_RESPONSE_DAYS.
   */
  responseDays?: (templateId: string) => number | undefined;
}

/** Legal delivery period when no date was agreed (L216-1). */
export const LEGAL_DELIVERY_DAYS = 30;
/** The answer awaited to a letter whose template's period is not known. */
const DEFAULT_RESPONSE_DAYS = 15;
const WITHDRAWAL_DAYS = 14;
const REFUND_DAYS = 14;
const CONFORMITY_DAYS = 30;
const SUBSCRIPTION_REFUND_DAYS = 30;
const A_TO_Z_DAYS = 90;
const GUARANTEE_MONTHS = 24;
const HIDDEN_DEFECT_MONTHS = 24;
const MEDIATOR_MONTHS = 12;
const BANK_CONTESTATION_MONTHS = 13;
const GDPR_TEMPLATES = new Set(['demande-rgpd-acces', 'demande-rgpd-effacement']);

type Rule = (c: CaseFile, today: string, options: DeadlineOptions) => Omit<Deadline, 'overdue'> | undefined;

const long = formatLongDate;

/** The claimant's calendar of closed days (see calendar.ts for why the claimant's postal code decides). */
export function caseRegion(c: Pick<CaseFile, 'claimant'>): HolidayRegion {
  return holidayRegion(c.claimant.address.postalCode);
}

/** Last day to withdraw from a sale of goods received on `received` (L221-18, L221-19). */
export function withdrawalPeriodEnd(received: string, region: HolidayRegion = 'metropole'): string {
  return extendToWorkingDay(addDays(received, WITHDRAWAL_DAYS), region);
}

/** L216-1: the agreed delivery date, else 30 days after the contract. */
export function deliveryDueDate(o: Pick<NonNullable<CaseFile['order']>, 'date' | 'promisedDelivery'>): string {
  return o.promisedDelivery ?? addDays(o.date, LEGAL_DELIVERY_DAYS);
}

/** L217-3: end of the legal guarantee of conformity, two years from délivrance. */
export function guaranteeEndDate(delivered: string): string {
  return addMonths(delivered, GUARANTEE_MONTHS);
}

/** L217-7: months during which a defect is presumed to have existed at délivrance (12 for second-hand goods). */
export function presumptionMonths(used: boolean | undefined): number {
  return used ? 12 : 24;
}

export function presumptionEndDate(delivered: string, used: boolean | undefined): string {
  return addMonths(delivered, presumptionMonths(used));
}

/** Amazon's published terms: an A-to-z claim up to 90 days after the latest estimated delivery date. */
export function aToZLimitDate(promised: string): string {
  return addDays(promised, A_TO_Z_DAYS);
}

/** C. civ. art. 1648: two years from the discovery of the hidden defect. */
export function hiddenDefectLimitDate(noticed: string): string {
  return addMonths(noticed, HIDDEN_DEFECT_MONTHS);
}

/**
 * L612-2 4°: the mediator refuses a request made more than one year after the written complaint. Counted from the
 * earliest written exchange with the professional, chats included, so that the date shown is never later than the
 * one a mediator could hold against the consumer (fact sheet §8.2). Null without such an exchange.
 */
export function mediatorLimit(c: Pick<CaseFile, 'contacts' | 'respondent' | 'order'>): { from: string; date: string } | null {
  const written = writtenComplaints(c)[0]?.date;
  const chat = sortedContacts(c).find((k) => k.channel === 'chat' && withTrader(c, k))?.date;
  const from = [written, chat].filter((d): d is string => d !== undefined).sort()[0];
  return from ? { from, date: addMonths(from, MEDIATOR_MONTHS) } : null;
}

/** The oldest contested debit: CMF L133-24's thirteen months run from it. */
function oldestDebit(c: Pick<CaseFile, 'contestedPayment'>): string | undefined {
  return [...(c.contestedPayment?.operations ?? [])].map((o) => o.date).sort()[0];
}

/** CMF L133-24: report an unauthorised payment within 13 months of the debit date. Null without an operation. */
export function bankContestationLimitDate(c: Pick<CaseFile, 'contestedPayment'>): string | null {
  const first = oldestDebit(c);
  return first ? addMonths(first, BANK_CONTESTATION_MONTHS) : null;
}

/** When the bank was told: the case's report date or the contestation letter sent, whichever is first. */
function bankReportDate(c: Pick<CaseFile, 'contestedPayment' | 'contacts'>): string | undefined {
  const letter = lettersSent(c).find((k) => k.template === 'contestation-bancaire');
  return [c.contestedPayment?.reported, letter?.date].filter((d): d is string => d !== undefined).sort()[0];
}

/** CMF L133-18: end of the first business day after the report. Null when the report date is unknown. */
export function bankRefundDueDate(c: Pick<CaseFile, 'contestedPayment' | 'contacts' | 'claimant'>): { reported: string; date: string } | null {
  const reported = c.contestedPayment ? bankReportDate(c) : undefined;
  return reported ? { reported, date: nextWorkingDay(reported, caseRegion(c)) } : null;
}

/**
 * RGPD art. 12(3): one month from receipt, three when the controller announced an extension; a last day that is a
 * Saturday, Sunday or public holiday moves to the next working day (Regulation (EEC, Euratom) No 1182/71, art. 3 § 4).
 * Counted from the sending of the request when the date of receipt is unknown. Null without either date.
 */
export function gdprAnswerDueDate(c: Pick<CaseFile, 'dataRequest' | 'contacts' | 'claimant'>): { from: string; received: boolean; nominal: string; date: string } | null {
  const letter = lettersSent(c).find((k) => GDPR_TEMPLATES.has(k.template));
  const from = c.dataRequest?.received ?? letter?.date;
  if (!from) return null;
  const nominal = addMonths(from, c.dataRequest?.extended ? 3 : 1);
  return { from, received: c.dataRequest?.received !== undefined, nominal, date: gdprMonthEnd(from, c.dataRequest?.extended ? 3 : 1, caseRegion(c)) };
}

/** `months` months after `from`, moved past a closed last day (Regulation 1182/71, art. 3 § 4): the GDPR's periods. */
export function gdprMonthEnd(from: string, months: number, region: HolidayRegion): string {
  return extendToWorkingDay(addMonths(from, months), region);
}

/** L215-1: without the renewal notice, advances are refunded within 30 days of termination. Null otherwise. */
export function subscriptionRefundDueDate(s: CaseFile['subscription']): string | null {
  return s?.cancelled && s.renewalNotice === false ? addDays(s.cancelled, SUBSCRIPTION_REFUND_DAYS) : null;
}

/** Date a refund is owed, when the case gives the date it runs from (L221-24, L216-7, L217-17); null otherwise. */
export function refundDueDate(r: NonNullable<CaseFile['refund']>): string | null {
  if (r.reason === 'withdrawal' && r.requested) {
    const base = addDays(r.requested, REFUND_DAYS);
    return r.returned && r.returned > base ? r.returned : base;
  }
  if (r.reason === 'delivery-resolution' && r.requested) return addDays(r.requested, REFUND_DAYS);
  if (r.reason === 'conformity-resolution' && r.returned) return addDays(r.returned, REFUND_DAYS);
  return null;
}

/** L216-1: the agreed date, else 30 days after the contract. Delivery disputes only (a Marketplace order not yet delivered too). */
const deliveryDue: Rule = (c) => {
  const o = c.order;
  if (!o) return undefined;
  const relevant = DELIVERY_DISPUTES.includes(c.dispute.type) || (c.dispute.type === 'marketplace-seller' && !o.delivered);
  if (!relevant) return undefined;
  return {
    id: 'delivery-due',
    label: 'Date limite de livraison',
    date: deliveryDueDate(o),
    basis: 'C. conso, art. L216-1',
    note: o.promisedDelivery
      ? 'Date indiquée lors de la commande.'
      : 'Aucune date convenue : au plus tard trente jours après la conclusion du contrat.',
  };
};

/** The period the last letter sent gave its recipient, from its receipt (the letter says « à compter de la réception »). */
const responseDue: Rule = (c, _today, options) => {
  const last = lettersSent(c).at(-1);
  if (!last) return undefined;
  // Letters whose answer is due by law have their own deadline below.
  if (last.template === 'contestation-bancaire' || GDPR_TEMPLATES.has(last.template)) return undefined;
  const step = TEMPLATE_STEPS[last.template];
  const days = c.letter?.responseDays ?? options.responseDays?.(last.template) ?? DEFAULT_RESPONSE_DAYS;
  const name = step?.name ?? `lettre « ${last.template} »`;
  if (last.template === 'saisine-mediateur') {
    // The mediator's notice of the outcome ends the mediation (fact sheet §8.2): from then on nothing is awaited.
    const ended = c.mediation?.ended;
    if (ended && ended >= last.date) {
      return {
        id: 'response-due',
        label: `Fin de la médiation (avis du médiateur du ${long(ended)})`,
        date: ended,
        basis: 'Médiation de la consommation : avis de fin de médiation',
        note: 'La médiation a pris fin à la date de l’avis du médiateur ; vous pouvez passer à l’étape suivante.',
      };
    }
    return {
      id: 'response-due',
      label: `Issue de la médiation (saisine du ${long(last.date)})`,
      date: addDays(last.date, days),
      basis: 'Médiation de la consommation : proposition dans les 90 jours de la notification de la saisine',
      note: 'Le médiateur peut prolonger ce délai pour un litige complexe ; il court de la notification de la saisine par le médiateur.',
    };
  }
  // §8.2: the period asked « à compter de la réception » runs from the receipt when known, else it is an estimate.
  return {
    id: 'response-due',
    label: `Réponse attendue à votre ${name} du ${long(last.date)}`,
    date: addDays(last.received ?? last.date, days),
    basis: `Délai de ${days} jours fixé dans la lettre, à compter de sa réception`,
    note: last.received
      ? `Compté depuis la réception de la lettre, le ${long(last.received)}.`
      : 'Estimation comptée depuis l’envoi : la lettre fait courir le délai de sa réception. Indiquez la date de réception (accusé de réception ou suivi) pour obtenir la date exacte.',
  };
};

/**
 * L221-18: 14 days from reception of the goods; L221-19: the day of reception does not count, and a period ending on
 * a Saturday, Sunday or public holiday runs to the next working day. Shown while it runs, or when the refund at
 * stake follows a withdrawal.
 */
const withdrawalEnd: Rule = (c, today) => {
  const received = c.order?.delivered;
  if (!received || ['non-delivery', 'privacy', 'fraud', 'subscription'].includes(c.dispute.type)) return undefined;
  const nominal = addDays(received, WITHDRAWAL_DAYS);
  const region = caseRegion(c);
  const date = withdrawalPeriodEnd(received, region);
  if (date < today && c.refund?.reason !== 'withdrawal') return undefined;
  const moved = date !== nominal ? ` Le ${long(nominal)} étant un ${closedDayReason(nominal, region) ?? 'jour chômé'}, le délai est prolongé au premier jour ouvrable suivant.` : '';
  return {
    id: 'withdrawal-end',
    label: 'Fin du délai de rétractation',
    date,
    basis: 'C. conso, art. L221-18 et L221-19',
    note: `14 jours à compter du lendemain de la réception (${long(received)}).${moved} Prolongé de 12 mois si vous n’avez pas été informé de ce droit (art. L221-20).`,
  };
};

/** The refund owed, by reason: L221-24 (withdrawal), L216-7 (résolution for non-delivery), L217-17 (résolution for non-conformity). */
const refundDue: Rule = (c) => {
  const r = c.refund;
  if (!r) return undefined;
  const date = refundDueDate(r);
  if (date === null) return undefined;
  if (r.reason === 'withdrawal' && r.requested) {
    return {
      id: 'refund-due',
      label: 'Remboursement dû après rétractation',
      date,
      basis: 'C. conso, art. L221-24',
      note:
        (r.returned
          ? `14 jours après l’information de la rétractation (${long(r.requested)}) ; le bien a été renvoyé le ${long(r.returned)}.`
          : `14 jours après l’information de la rétractation (${long(r.requested)}) ; le professionnel peut différer le remboursement jusqu’à la récupération du bien ou la preuve de son expédition.`) +
        ' En cas de retard, majorations de l’art. L242-4.',
    };
  }
  if (r.reason === 'delivery-resolution' && r.requested) {
    return {
      id: 'refund-due',
      label: 'Remboursement dû après résolution du contrat (défaut de livraison)',
      date,
      basis: 'C. conso, art. L216-7',
      note: `14 jours suivant la date à laquelle le contrat a été dénoncé (notification du ${long(r.requested)}, comptée ici depuis l’envoi). En cas de retard, majoration de 10 %, 20 % puis 50 % (art. L241-4).`,
    };
  }
  if (r.reason === 'conformity-resolution' && r.returned) {
    return {
      id: 'refund-due',
      label: 'Remboursement dû après résolution du contrat (défaut de conformité)',
      date,
      basis: 'C. conso, art. L217-17',
      note: `Au plus tard 14 jours après la réception du bien ou de la preuve de son renvoi (renvoi du ${long(r.returned)}).`,
    };
  }
  return undefined;
};

/** L217-10: repair or replacement within 30 days of the consumer's request (the first contact after the defect). */
const conformityDue: Rule = (c) => {
  if (!GOODS_DISPUTES.includes(c.dispute.type) || !['repair', 'replacement'].includes(c.dispute.demand) || sellerIsPrivate(c)) return undefined;
  const from = c.dispute.noticed ?? c.order?.delivered ?? c.order?.date;
  const request = sortedContacts(c).find((k) => from === undefined || k.date >= from);
  if (!request) return undefined;
  return {
    id: 'conformity-due',
    label: 'Mise en conformité (réparation ou remplacement) due',
    date: addDays(request.date, CONFORMITY_DAYS),
    basis: 'C. conso, art. L217-10',
    note: `Trente jours au plus après votre demande du ${long(request.date)}. Au-delà : réduction du prix ou résolution du contrat (art. L217-14).`,
  };
};

/** L217-3: two years from délivrance. Professional sellers only. */
const guaranteeEnd: Rule = (c) => {
  const delivered = c.order?.delivered;
  if (!delivered || !GOODS_DISPUTES.includes(c.dispute.type) || sellerIsPrivate(c)) return undefined;
  return {
    id: 'guarantee-end',
    label: 'Fin de la garantie légale de conformité',
    date: guaranteeEndDate(delivered),
    basis: 'C. conso, art. L217-3',
    note: `Deux ans à compter de la délivrance (${long(delivered)}). Prolongée de six mois pour un bien réparé (art. L217-13) ; la directive (UE) 2024/1799 porte cette prolongation à douze mois, mais n’est pas encore transposée en droit français : la règle peut changer.`,
  };
};

/** L217-7: defects appearing within 24 months (12 for second-hand goods) are presumed to have existed at délivrance. */
const presumptionEnd: Rule = (c) => {
  const delivered = c.order?.delivered;
  if (!delivered || !GOODS_DISPUTES.includes(c.dispute.type) || sellerIsPrivate(c)) return undefined;
  const months = presumptionMonths(c.order?.used);
  return {
    id: 'presumption-end',
    label: 'Fin de la présomption d’antériorité du défaut',
    date: presumptionEndDate(delivered, c.order?.used),
    basis: 'C. conso, art. L217-7',
    note: `${months} mois après la délivrance${c.order?.used ? ' (bien d’occasion)' : ''} : jusque-là, le défaut est présumé exister au jour de la délivrance.`,
  };
};

/** C. civ. art. 1648: two years from the discovery of the defect (a prescription period: Cass. ch. mixte, 21 juill. 2023). */
const hiddenDefectLimit: Rule = (c) => {
  const noticed = c.dispute.noticed;
  // Hidden defects only: a good that differs from the order is not one (fact sheet §8.1).
  if (!noticed || c.dispute.type !== 'defective') return undefined;
  return {
    id: 'hidden-defect-limit',
    label: 'Délai pour agir en garantie des vices cachés',
    date: hiddenDefectLimitDate(noticed),
    basis: 'C. civ., art. 1648',
    note: `Deux ans à compter de la découverte du vice (${long(noticed)}). Délai de prescription, qui peut être interrompu (Cass. ch. mixte, 21 juill. 2023).`,
  };
};

/** L612-2 4°: the mediator refuses a request made more than one year after the written complaint. */
const mediatorLimitRule: Rule = (c) => {
  const limit = mediatorLimit(c);
  if (!limit) return undefined;
  return {
    id: 'mediator-limit',
    label: 'Date limite de saisine du médiateur de la consommation',
    date: limit.date,
    basis: 'C. conso, art. L612-2, 4°',
    note: `Un an à compter de la première réclamation écrite (${long(limit.from)} ; les échanges par chat et par messagerie comptés par prudence).`,
  };
};

/** A-to-z Guarantee: a claim up to 90 days after the latest estimated delivery date (Amazon's published terms, amazon.ca). */
const aToZLimit: Rule = (c) => {
  const promised = c.order?.promisedDelivery;
  if (!promised || !isMarketplaceSale(c)) return undefined;
  return {
    id: 'a-to-z-limit',
    label: 'Fin de la période de réclamation Garantie A à Z',
    date: aToZLimitDate(promised),
    basis: 'Conditions de la Garantie A à Z publiées par Amazon (non légales)',
    note: '90 jours après la date de livraison estimée la plus tardive, selon les conditions publiées par Amazon sur ses sites étrangers : vérifiez-les sur amazon.fr.',
  };
};

/** CMF L133-24: report an unauthorised payment within 13 months of the debit date, on pain of forclusion. */
const bankContestationLimit: Rule = (c) => {
  const date = bankContestationLimitDate(c);
  const first = oldestDebit(c);
  if (!date || !first) return undefined;
  return {
    id: 'bank-contestation-limit',
    label: 'Date limite de contestation des opérations auprès de la banque',
    date,
    basis: 'C. mon. fin., art. L133-24',
    note: `Treize mois à compter de la date de débit (${long(first)}${(c.contestedPayment?.operations.length ?? 0) > 1 ? ', la plus ancienne des opérations' : ''}).`,
  };
};

/**
 * CMF L133-18: the bank refunds an unauthorised payment at the latest at the end of the first business day after
 * the report. « Jour ouvrable » is the bank's business day: Saturdays, Sundays and public holidays are not counted.
 */
const bankRefundDue: Rule = (c) => {
  const due = bankRefundDueDate(c);
  if (!due) return undefined;
  const { reported } = due;
  return {
    id: 'bank-refund-due',
    label: 'Remboursement dû par la banque',
    date: due.date,
    basis: 'C. mon. fin., art. L133-18',
    note: `Au plus tard à la fin du premier jour ouvrable suivant le signalement du ${long(reported)} (compté ici par prudence en jours ouvrés : samedis, dimanches et jours fériés exclus). Au-delà, intérêts au taux légal majoré de 5, 10 puis 15 points.`,
  };
};

/** RGPD art. 12(3): one month from receipt of the request, three when the controller announced an extension. */
const gdprAnswerDue: Rule = (c) => {
  const due = gdprAnswerDueDate(c);
  if (!due) return undefined;
  const extended = c.dataRequest?.extended === true;
  const moved = due.date !== due.nominal ? ` Le ${long(due.nominal)} étant un ${closedDayReason(due.nominal, caseRegion(c)) ?? 'jour chômé'}, le délai est reporté au premier jour ouvrable suivant (règlement n° 1182/71, art. 3, § 4).` : '';
  return {
    id: 'gdpr-answer-due',
    label: 'Réponse due à votre demande RGPD',
    date: due.date,
    basis: 'RGPD, art. 12, § 3',
    note:
      (extended ? 'Un mois prolongé de deux mois, comme le responsable du traitement l’a annoncé.' : 'Un mois à compter de la réception de la demande ; prolongeable de deux mois si le responsable du traitement vous en informe dans ce premier mois.') +
      moved +
      (due.received ? '' : ` Compté ici depuis l’envoi du ${long(due.from)}.`),
  };
};

/** L215-1: without the renewal notice, the consumer may terminate at any time; advances are refunded within 30 days. */
const subscriptionRefundDue: Rule = (c) => {
  const s = c.subscription;
  const date = subscriptionRefundDueDate(s);
  if (!s?.cancelled || !date) return undefined;
  return {
    id: 'subscription-refund-due',
    label: 'Remboursement des sommes avancées après la reconduction',
    date,
    basis: 'C. conso, art. L215-1',
    note: `Trente jours à compter de la résiliation du ${long(s.cancelled)}, déduction faite du service effectivement utilisé ; au-delà, intérêts au taux légal (art. L241-3).`,
  };
};

const RULES: Rule[] = [
  deliveryDue, responseDue, withdrawalEnd, refundDue, conformityDue, guaranteeEnd, presumptionEnd,
  hiddenDefectLimit, mediatorLimitRule, aToZLimit, bankContestationLimit, bankRefundDue, gdprAnswerDue, subscriptionRefundDue,
];

/** Every deadline that applies to the case, in date order; `overdue` is judged on `today` (YYYY-MM-DD). */
export function computeDeadlines(c: CaseFile, today: string, options: DeadlineOptions = {}): Deadline[] {
  const out: Deadline[] = [];
  for (const rule of RULES) {
    const d = rule(c, today, options);
    if (d) out.push({ ...d, overdue: d.date < today });
  }
  return out.sort((a, b) => compareIsoDates(a.date, b.date) || DEADLINE_IDS.indexOf(a.id) - DEADLINE_IDS.indexOf(b.id));
}

/** Facts that would give a deadline this case needs, in French with the field path. */
export function deadlineGaps(c: CaseFile): string[] {
  const gaps: string[] = [];
  const type = c.dispute.type;
  if (GOODS_DISPUTES.includes(type) && c.order && !c.order.delivered) {
    gaps.push('Date de livraison (order.delivered) : nécessaire pour la fin de la garantie légale de conformité (art. L217-3).');
  }
  if (c.refund?.reason === 'withdrawal' && !c.refund.requested) {
    gaps.push('Date de la rétractation (refund.requested) : nécessaire pour la date de remboursement (art. L221-24).');
  }
  if (c.refund?.reason === 'delivery-resolution' && !c.refund.requested) {
    gaps.push('Date de la notification de la résolution (refund.requested) : nécessaire pour la date de remboursement (art. L216-7).');
  }
  if (c.refund?.reason === 'conformity-resolution' && !c.refund.returned) {
    gaps.push('Date de renvoi du bien (refund.returned) : nécessaire pour la date de remboursement (art. L217-17).');
  }
  if (c.contestedPayment && !c.contestedPayment.reported && !lettersSent(c).some((k) => k.template === 'contestation-bancaire')) {
    gaps.push('Date du signalement à la banque (contestedPayment.reported) : nécessaire pour la date de remboursement par la banque (art. L133-18).');
  }
  if (type === 'fraud' && !c.contestedPayment) {
    gaps.push('Opérations contestées (contestedPayment.operations) : nécessaires pour la date limite de contestation (art. L133-24).');
  }
  if (isMarketplaceSale(c) && !c.order?.promisedDelivery) {
    gaps.push('Date de livraison promise (order.promisedDelivery) : nécessaire pour la période de réclamation Garantie A à Z.');
  }
  if (type === 'privacy' && !c.dataRequest?.received && !lettersSent(c).some((k) => GDPR_TEMPLATES.has(k.template))) {
    gaps.push('Date de réception de la demande RGPD (dataRequest.received) : nécessaire pour la date de réponse (RGPD, art. 12).');
  }
  if (c.subscription?.renewalNotice === false && !c.subscription.cancelled) {
    gaps.push('Date de résiliation (subscription.cancelled) : nécessaire pour la date de remboursement (art. L215-1).');
  }
  return gaps;
}

/** The deadline of that id, if the case has it. */
export function findDeadline(list: readonly Deadline[], id: DeadlineId): Deadline | undefined {
  return list.find((d) => d.id === id);
}
