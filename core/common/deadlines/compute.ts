/**
 * The legal deadlines of a case, each with its basis. Every rule names its source (fact sheet
 * ../shared/reference/legal-facts-fr.md); a deadline is left out when the case lacks the date it runs from
 * (`deadlineGaps` says which fact would give it).
 *
 * Periods in months end on the same day of the target month, or on its last day when it is shorter
 * (31 January + 1 month = 28 or 29 February): `addMonths`. A deadline that falls on a Saturday, Sunday or public
 * holiday is moved only where the text says so — today, only the withdrawal period (C. conso, art. L221-19).
 */
import type { CaseFile } from '../case/schema.js';
import { addDays, addMonths, formatLongDate } from '../format/dates.js';
import { closedDayReason, extendToWorkingDay, nextWorkingDay } from './calendar.js';
import { DELIVERY_DISPUTES, GOODS_DISPUTES, isMarketplaceSale, sellerIsPrivate } from './case-facts.js';
import { lettersSent, sortedContacts, TEMPLATE_STEPS, writtenComplaints } from './ladder.js';

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
  /** Response period of a template (its `responseDays`), when the catalogue in use differs from the built-in one. */
  responseDays?: (templateId: string) => number | undefined;
}

/** Legal delivery period when no date was agreed (L216-1). */
export const LEGAL_DELIVERY_DAYS = 30;
const WITHDRAWAL_DAYS = 14;
const REFUND_DAYS = 14;
const CONFORMITY_DAYS = 30;
const SUBSCRIPTION_REFUND_DAYS = 30;
const A_TO_Z_DAYS = 90;
const GDPR_TEMPLATES = new Set(['demande-rgpd-acces', 'demande-rgpd-effacement']);

type Rule = (c: CaseFile, today: string, options: DeadlineOptions) => Omit<Deadline, 'overdue'> | undefined;

const long = formatLongDate;

/** Last day to withdraw from a sale of goods received on `received` (L221-18, L221-19). */
export function withdrawalPeriodEnd(received: string): string {
  return extendToWorkingDay(addDays(received, WITHDRAWAL_DAYS));
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
    date: o.promisedDelivery ?? addDays(o.date, LEGAL_DELIVERY_DAYS),
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
  const days = c.letter?.responseDays ?? options.responseDays?.(last.template) ?? step?.responseDays ?? 15;
  const name = step?.name ?? `lettre « ${last.template} »`;
  if (last.template === 'saisine-mediateur') {
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
  const date = withdrawalPeriodEnd(received);
  if (date < today && c.refund?.reason !== 'withdrawal') return undefined;
  const moved = date !== nominal ? ` Le ${long(nominal)} étant un ${closedDayReason(nominal) ?? 'jour chômé'}, le délai est prolongé au premier jour ouvrable suivant.` : '';
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
    date: addMonths(delivered, 24),
    basis: 'C. conso, art. L217-3',
    note: `Deux ans à compter de la délivrance (${long(delivered)}). Prolongée de six mois pour un bien réparé (art. L217-13).`,
  };
};

/** L217-7: defects appearing within 24 months (12 for second-hand goods) are presumed to have existed at délivrance. */
const presumptionEnd: Rule = (c) => {
  const delivered = c.order?.delivered;
  if (!delivered || !GOODS_DISPUTES.includes(c.dispute.type) || sellerIsPrivate(c)) return undefined;
  const months = c.order?.used ? 12 : 24;
  return {
    id: 'presumption-end',
    label: 'Fin de la présomption d’antériorité du défaut',
    date: addMonths(delivered, months),
    basis: 'C. conso, art. L217-7',
    note: `${months} mois après la délivrance${c.order?.used ? ' (bien d’occasion)' : ''} : jusque-là, le défaut est présumé exister au jour de la délivrance.`,
  };
};

/** C. civ. art. 1648: two years from the discovery of the defect (a prescription period: Cass. ch. mixte, 21 juill. 2023). */
const hiddenDefectLimit: Rule = (c) => {
  const noticed = c.dispute.noticed;
  if (!noticed || !['defective', 'non-conforming'].includes(c.dispute.type)) return undefined;
  return {
    id: 'hidden-defect-limit',
    label: 'Délai pour agir en garantie des vices cachés',
    date: addMonths(noticed, 24),
    basis: 'C. civ., art. 1648',
    note: `Deux ans à compter de la découverte du vice (${long(noticed)}). Délai de prescription, qui peut être interrompu (Cass. ch. mixte, 21 juill. 2023).`,
  };
};

/** L612-2 4°: the mediator refuses a request made more than one year after the written complaint. */
const mediatorLimit: Rule = (c) => {
  const first = writtenComplaints(c)[0];
  if (!first) return undefined;
  return {
    id: 'mediator-limit',
    label: 'Date limite de saisine du médiateur de la consommation',
    date: addMonths(first.date, 12),
    basis: 'C. conso, art. L612-2, 4°',
    note: `Un an à compter de la première réclamation écrite (${long(first.date)}).`,
  };
};

/** A-to-z Guarantee: a claim up to 90 days after the latest estimated delivery date (Amazon's published terms, amazon.ca). */
const aToZLimit: Rule = (c) => {
  const promised = c.order?.promisedDelivery;
  if (!promised || !isMarketplaceSale(c)) return undefined;
  return {
    id: 'a-to-z-limit',
    label: 'Fin de la période de réclamation Garantie A à Z',
    date: addDays(promised, A_TO_Z_DAYS),
    basis: 'Conditions de la Garantie A à Z publiées par Amazon (non légales)',
    note: '90 jours après la date de livraison estimée la plus tardive, selon les conditions publiées par Amazon sur ses sites étrangers : vérifiez-les sur amazon.fr.',
  };
};

/** CMF L133-24: report an unauthorised payment within 13 months of the debit date, on pain of forclusion. */
const bankContestationLimit: Rule = (c) => {
  const ops = c.contestedPayment?.operations;
  if (!ops || ops.length === 0) return undefined;
  const first = [...ops].sort((a, b) => a.date.localeCompare(b.date))[0]!;
  return {
    id: 'bank-contestation-limit',
    label: 'Date limite de contestation des opérations auprès de la banque',
    date: addMonths(first.date, 13),
    basis: 'C. mon. fin., art. L133-24',
    note: `Treize mois à compter de la date de débit (${long(first.date)}${ops.length > 1 ? ', la plus ancienne des opérations' : ''}).`,
  };
};

/**
 * CMF L133-18: the bank refunds an unauthorised payment at the latest at the end of the first business day after
 * the report. « Jour ouvrable » is the bank's business day: Saturdays, Sundays and public holidays are not counted.
 */
const bankRefundDue: Rule = (c) => {
  if (!c.contestedPayment) return undefined;
  const letter = lettersSent(c).find((k) => k.template === 'contestation-bancaire');
  const reported = [c.contestedPayment.reported, letter?.date].filter((d): d is string => d !== undefined).sort()[0];
  if (!reported) return undefined;
  return {
    id: 'bank-refund-due',
    label: 'Remboursement dû par la banque',
    date: nextWorkingDay(reported),
    basis: 'C. mon. fin., art. L133-18',
    note: `Au plus tard à la fin du premier jour ouvrable suivant le signalement du ${long(reported)} (compté ici par prudence en jours ouvrés : samedis, dimanches et jours fériés exclus). Au-delà, intérêts au taux légal majoré de 5, 10 puis 15 points.`,
  };
};

/** RGPD art. 12(3): one month from receipt of the request, three when the controller announced an extension. */
const gdprAnswerDue: Rule = (c) => {
  const letter = lettersSent(c).find((k) => GDPR_TEMPLATES.has(k.template));
  const received = c.dataRequest?.received ?? letter?.date;
  if (!received) return undefined;
  const extended = c.dataRequest?.extended === true;
  return {
    id: 'gdpr-answer-due',
    label: 'Réponse due à votre demande RGPD',
    date: addMonths(received, extended ? 3 : 1),
    basis: 'RGPD, art. 12, § 3',
    note:
      (extended ? 'Un mois prolongé de deux mois, comme le responsable du traitement l’a annoncé.' : 'Un mois à compter de la réception de la demande ; prolongeable de deux mois si le responsable du traitement vous en informe dans ce premier mois.') +
      (c.dataRequest?.received ? '' : ` Compté ici depuis l’envoi du ${long(received)}.`),
  };
};

/** L215-1: without the renewal notice, the consumer may terminate at any time; advances are refunded within 30 days. */
const subscriptionRefundDue: Rule = (c) => {
  const s = c.subscription;
  if (!s?.cancelled || s.renewalNotice !== false) return undefined;
  return {
    id: 'subscription-refund-due',
    label: 'Remboursement des sommes avancées après la reconduction',
    date: addDays(s.cancelled, SUBSCRIPTION_REFUND_DAYS),
    basis: 'C. conso, art. L215-1',
    note: `Trente jours à compter de la résiliation du ${long(s.cancelled)}, déduction faite du service effectivement utilisé ; au-delà, intérêts au taux légal (art. L241-3).`,
  };
};

const RULES: Rule[] = [
  deliveryDue, responseDue, withdrawalEnd, refundDue, conformityDue, guaranteeEnd, presumptionEnd,
  hiddenDefectLimit, mediatorLimit, aToZLimit, bankContestationLimit, bankRefundDue, gdprAnswerDue, subscriptionRefundDue,
];

/** Every deadline that applies to the case, in date order; `overdue` is judged on `today` (YYYY-MM-DD). */
export function computeDeadlines(c: CaseFile, today: string, options: DeadlineOptions = {}): Deadline[] {
  const out: Deadline[] = [];
  for (const rule of RULES) {
    const d = rule(c, today, options);
    if (d) out.push({ ...d, overdue: d.date < today });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || DEADLINE_IDS.indexOf(a.id) - DEADLINE_IDS.indexOf(b.id));
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
