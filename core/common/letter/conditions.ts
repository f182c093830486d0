/**
 * When a letter's remedy is open. A template names in its header (`conditions: [legal-guarantee-open, …]`) the rules
 * below; `failedConditions` evaluates them on a case at a date. Each failure says why, in French, and which letter
 * serves instead, so that `recours generate`, `recours next` and the UI say the same thing. Only conditions the fact
 * sheet gives are here (../shared/reference/legal-facts-fr.md, section in each comment).
 */
import type { CaseFile } from '../case/schema.js';
import { addMonths, formatLongDate } from '../format/dates.js';
import { formatAmount } from '../format/money.js';
import { frenchTypography } from '../format/typography.js';
import { SMALL_CLAIMS_LIMIT, isMarketplaceSale, sellerIsPrivate, trader, traderLocation } from '../deadlines/case-facts.js';
import { lettersSent, writtenComplaints } from '../deadlines/ladder.js';
import { aToZLimitDate, computeDeadlines, findDeadline, guaranteeEndDate, mediatorLimit } from '../deadlines/compute.js';

export const CONDITION_IDS = [
  'legal-guarantee-open',
  'hidden-defect-not-mismatch',
  'marketplace-sale',
  'a-to-z-window',
  'trader-in-eec-network',
  'trader-in-small-claims-state',
  'written-complaint-sent',
  'no-prior-mediation',
  'mediator-within-a-year',
  'small-claim',
  'money-claim',
  'bank-refused',
  'bank-contested',
  'subscription-wrongly-billed',
  'gdpr-request-unanswered',
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export interface ConditionFailure {
  condition: ConditionId;
  /** Why the remedy is not open, in French, with its legal basis. */
  message: string;
  /** The template that serves instead, when there is one. */
  instead: string | null;
}

type Verdict = { message: string; instead: string | null } | null;
type Rule = (c: CaseFile, today: string) => Verdict;

const long = formatLongDate;
const sentTemplates = (c: CaseFile) => new Set(lettersSent(c).map((k) => k.template));
const claimedAmount = (c: CaseFile) => c.dispute.amount ?? c.order?.total;

/** The mise en demeure that fits the dispute, for a platform remedy that is closed (A-to-z). */
function formalNoticeFor(c: CaseFile): string {
  if (c.dispute.type === 'refund') return 'mise-en-demeure-remboursement';
  if (['defective', 'non-conforming', 'counterfeit'].includes(c.dispute.type) || c.order?.delivered) return 'mise-en-demeure-conformite';
  return 'mise-en-demeure-livraison';
}

/** Member states where the European Small Claims Procedure applies: the EU less Denmark (fact sheet §2.8). */
const NOT_SMALL_CLAIMS = new Set(['danemark', 'islande', 'norvège']);

const RULES: Record<ConditionId, Rule> = {
  // §1.2, §8.1: L217-3 — defects that appear within two years of delivery, from a professional seller. The year
  // allowed by agreement for second-hand goods is not assumed.
  'legal-guarantee-open': (c, today) => {
    if (sellerIsPrivate(c)) {
      return { message: 'Le vendeur est un particulier : la garantie légale de conformité ne s’applique qu’aux ventes par un professionnel ; la garantie des vices cachés (C. civ., art. 1641) s’applique.', instead: 'mise-en-demeure-vices-caches' };
    }
    const delivered = c.order?.delivered;
    if (!delivered) return null;
    const end = guaranteeEndDate(delivered);
    const seen = c.dispute.noticed ?? today;
    if (seen <= end) return null;
    const lapsed = `Le défaut est apparu le ${long(seen)}, plus de deux ans après la délivrance du ${long(delivered)} : le vendeur ne répond plus du défaut au titre de la garantie légale de conformité (C. conso, art. L217-3).`;
    // A wrong model is a conformity defect (L217-4): the hidden-defects guarantee is no way out for it (§8.1).
    if (c.dispute.type === 'non-conforming') {
      return { message: `${lapsed} Un bien qui ne correspond pas à la commande relève de la conformité (C. conso, art. L217-4), non de la garantie des vices cachés.`, instead: null };
    }
    return {
      message: `${lapsed} La garantie des vices cachés reste ouverte deux ans à compter de la découverte du vice (C. civ., art. 1641 et 1648).`,
      instead: 'mise-en-demeure-vices-caches',
    };
  },
  // §8.1: a mismatch with what was ordered is a conformity defect (L217-4), not a hidden defect.
  'hidden-defect-not-mismatch': (c) =>
    c.dispute.type === 'non-conforming'
      ? { message: 'Un bien qui ne correspond pas à la commande (autre modèle, autre description) relève de la garantie légale de conformité (C. conso, art. L217-4), non de la garantie des vices cachés.', instead: sellerIsPrivate(c) ? null : 'mise-en-demeure-conformite' }
      : null,
  // §3.1: the A-to-z Guarantee covers items sold and shipped by a third-party seller.
  'marketplace-sale': (c) =>
    isMarketplaceSale(c)
      ? null
      : { message: 'Selon les conditions publiées par Amazon, la Garantie A à Z couvre les articles vendus et expédiés par un vendeur tiers ; pour un article vendu ou expédié par Amazon, adressez-vous à Amazon directement.', instead: 'reclamation-service-client' },
  // §3.1, §1.7: within 90 days of the latest estimated delivery date, and never after a chargeback.
  'a-to-z-window': (c, today) => {
    if (sentTemplates(c).has('contestation-bancaire')) {
      return { message: 'Selon les conditions publiées par Amazon, aucune réclamation A à Z n’est possible lorsque le paiement a été contesté auprès de la banque.', instead: formalNoticeFor(c) };
    }
    const promised = c.order?.promisedDelivery;
    if (promised && today > aToZLimitDate(promised)) {
      return { message: `Selon les conditions publiées par Amazon, la réclamation A à Z se dépose dans les 90 jours suivant la date de livraison estimée (${long(promised)}) : ce délai est dépassé depuis le ${long(aToZLimitDate(promised))}. Vos droits légaux restent entiers.`, instead: formalNoticeFor(c) };
    }
    return null;
  },
  // §2.5, §7.8: CEC France — a trader established in another EU state, Iceland or Norway; not France, not the UK.
  'trader-in-eec-network': (c) => {
    const where = traderLocation(c);
    const name = trader(c).name;
    if (where === 'eu') return null;
    if (where === 'france') return { message: `${name} est établi en France : le CEC France ne traite pas les litiges avec un professionnel établi en France ; le médiateur de la consommation est compétent.`, instead: 'saisine-mediateur' };
    if (where === 'outside') return { message: `${name} est établi hors de l’Union européenne, de l’Islande et de la Norvège : le CEC France ne peut pas intervenir ; il oriente vers la DGCCRF (SignalConso).`, instead: 'signalconso' };
    return { message: 'Le pays du vendeur n’est pas connu : le CEC France n’intervient que pour un professionnel établi dans un autre État de l’Union européenne, en Islande ou en Norvège. Indiquez l’adresse du vendeur (order.seller.address), affichée sur sa page vendeur.', instead: null };
  },
  // §2.8: Regulation (EC) No 861/2007 — cross-border, every EU state but Denmark.
  'trader-in-small-claims-state': (c) => {
    const where = traderLocation(c);
    const country = (trader(c).country ?? '').trim().toLocaleLowerCase('fr-FR');
    if (where === 'eu' && !NOT_SMALL_CLAIMS.has(country)) return null;
    const instead = where === 'france' ? 'requete-tribunal' : null;
    return { message: `La procédure européenne de règlement des petits litiges (règlement (CE) n° 861/2007) vise un litige transfrontalier avec un professionnel établi dans un autre État membre de l’Union européenne, à l’exception du Danemark : ce n’est pas le cas de ${trader(c).name}.`, instead };
  },
  // §2.3, §7.4: L612-2 1° — a written complaint to the professional first.
  'written-complaint-sent': (c) =>
    writtenComplaints(c).length > 0
      ? null
      : { message: 'Aucune réclamation écrite au professionnel dans le journal des contacts : le médiateur déclarera la demande irrecevable (C. conso, art. L612-2, 1°). Envoyez d’abord une réclamation écrite.', instead: 'reclamation-service-client' },
  // §8.1: L612-2 3° — not a dispute already examined by a mediator or a court.
  'no-prior-mediation': (c) => {
    if (c.mediation) {
      const when = c.mediation.ended ? ` (fin le ${long(c.mediation.ended)})` : '';
      return { message: `Une médiation a déjà eu lieu sur ce litige${when} : un médiateur ne peut pas examiner un litige déjà examiné par un autre médiateur (C. conso, art. L612-2, 3°). La conciliation de justice ou le tribunal restent possibles.`, instead: (claimedAmount(c) ?? 0) <= SMALL_CLAIMS_LIMIT ? 'demande-conciliateur' : 'requete-tribunal' };
    }
    if (sentTemplates(c).has('requete-tribunal')) return { message: 'Le litige est déjà soumis à un tribunal : le médiateur ne peut pas l’examiner (C. conso, art. L612-2, 3°).', instead: null };
    return null;
  },
  // §7.4, §8.2: L612-2 4° — within one year of the written complaint, counted as the mediator-limit deadline counts it
  // (the earliest written exchange, chats included, so that the limit is never late).
  'mediator-within-a-year': (c, today) => {
    const limit = mediatorLimit(c);
    if (!limit || today <= limit.date) return null;
    return { message: `Votre première réclamation écrite date du ${long(limit.from)} : la demande au médiateur est irrecevable plus d’un an après la réclamation écrite (C. conso, art. L612-2, 4° ; limite : ${long(limit.date)}). La conciliation de justice reste possible.`, instead: 'demande-conciliateur' };
  },
  // §2.8: the requête, the procédure simplifiée and the European procedure stop at 5 000 €.
  'small-claim': (c) => {
    const amount = claimedAmount(c);
    if (amount === undefined || amount <= SMALL_CLAIMS_LIMIT) return null;
    return { message: `Le montant réclamé (${formatAmount(amount)}) dépasse 5 000 € : cette voie ne vaut que pour les demandes jusqu’à 5 000 € ; au-delà de 10 000 €, l’avocat est obligatoire devant le tribunal judiciaire.`, instead: null };
  },
  // §2.8: injonction de payer and petites créances recover a sum of money.
  'money-claim': (c) =>
    ['refund', 'price-reduction', 'chargeback'].includes(c.dispute.demand) && (claimedAmount(c) ?? 0) > 0
      ? null
      : { message: 'Cette procédure recouvre une somme d’argent due : la demande du litige (dispute.demand) doit être un remboursement ou une réduction du prix, d’un montant connu.', instead: 'requete-tribunal' },
  // §8.3 1: the reconsideration of a bank's refusal goes to the bank.
  'bank-refused': (c) =>
    c.decision?.party === 'bank'
      ? null
      : { message: 'Aucun refus de la banque n’est indiqué : renseignez la décision contestée (decision) et indiquez qu’elle vient de la banque (decision.party). Sans refus, commencez par la contestation des opérations.', instead: 'contestation-bancaire' },
  // §8.3 1: the bank's mediator after a written contestation to the bank.
  'bank-contested': (c) =>
    sentTemplates(c).has('contestation-bancaire') || c.contestedPayment?.reported !== undefined || c.decision?.party === 'bank'
      ? null
      : { message: 'Le médiateur bancaire examine un litige déjà soumis par écrit à la banque : contestez d’abord les opérations auprès d’elle.', instead: 'contestation-bancaire' },
  // §1.6, §7.3: L215-1 — billed after termination, or renewed without the notice.
  'subscription-wrongly-billed': (c) => {
    const s = c.subscription;
    const afterEnd = s?.cancelled !== undefined && (s.charges ?? []).some((ch) => ch.date > (s.cancelled ?? ''));
    // L215-1 concerns fixed-term contracts renewed tacitly: the yearly subscription, not a monthly one.
    const renewedUnannounced = s?.renewalNotice === false && s.period === 'year';
    if (afterEnd || renewedUnannounced) return null;
    return { message: 'Ni prélèvement après la résiliation, ni reconduction d’un abonnement annuel sans l’information prévue à l’article L215-1 ne sont indiqués : renseignez l’abonnement (subscription : date de résiliation, prélèvements, information de reconduction).', instead: 'abonnement-prime' };
  },
  // §1.8, §8.3 5: a CNIL complaint (RGPD art. 77) after a refused, incomplete or unanswered request.
  'gdpr-request-unanswered': (c, today) => {
    const r = c.dataRequest;
    if (r?.answer === 'refused' || r?.answer === 'incomplete') return null;
    const access = c.dispute.demand === 'data-erasure' ? 'demande-rgpd-effacement' : 'demande-rgpd-acces';
    if (!r?.received) return { message: 'Aucune demande au responsable du traitement n’est indiquée : la plainte à la CNIL suit une demande restée sans réponse ou refusée. Indiquez sa date de réception (dataRequest.received) ou envoyez d’abord la demande.', instead: access };
    const due = findDeadline(computeDeadlines(c, today), 'gdpr-answer-due')?.date ?? addMonths(r.received, r.extended ? 3 : 1);
    if (today > due) return null;
    return { message: `Le responsable du traitement a jusqu’au ${long(due)} pour répondre à votre demande (RGPD, art. 12, § 3) : attendez cette date, sauf refus ou réponse incomplète (dataRequest.answer).`, instead: null };
  },
};

/** The conditions of `conditions` that the case does not meet on `today`, in the order given. */
export function failedConditions(c: CaseFile, conditions: readonly ConditionId[], today: string): ConditionFailure[] {
  return conditions.flatMap((condition) => {
    const verdict = RULES[condition](c, today);
    return verdict ? [{ condition, message: frenchTypography(verdict.message), instead: verdict.instead }] : [];
  });
}
