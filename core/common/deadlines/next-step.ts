/**
 * The next step of the ladder for a case, and what stands in its way.
 *
 * The plan depends on the dispute: a written complaint first (the one that fits the dispute), the platform's own
 * guarantee for a Marketplace sale, the mise en demeure that matches the legal ground, then the amicable and judicial
 * steps: consumer mediator (L612-1), or the European Consumer Centre for a trader established in another EU state,
 * then the conciliateur de justice and the court. A step is done when a letter of that template was sent (contacts
 * journal); the first complaint is also done when any written complaint was sent.
 */
import type { CaseFile } from '../case/schema.js';
import { addDays, compareIsoDates, daysBetween, formatLongDate } from '../format/dates.js';
import { disputeLocation, GOODS_DISPUTES, isAmazonCase, isMarketplaceSale, trader } from './case-facts.js';
import { bankContestationLimitDate, computeDeadlines, findDeadline, hiddenDefectLimitDate, mediatorLimit, type DeadlineOptions } from './compute.js';
import { currentStage, lettersSent, rungIndex, SIDE_REPORTS, TEMPLATE_STEPS, writtenComplaints } from './ladder.js';
import { failedConditions, type ConditionId } from '../letter/conditions.js';
import type { TemplateMeta } from '../templates/metadata.js';

export interface NextStepOptions extends DeadlineOptions {
  /** The conditions each template declares (its header's `conditions`): a step whose remedy is closed is never proposed. */
  conditions?: (templateId: string) => readonly ConditionId[] | undefined;
}

/** What the ladder reads in a template's header (its response period, its conditions), from the catalogue in use. */
export function catalogueOptions(header: (templateId: string) => Pick<TemplateMeta, 'responseDays' | 'conditions'> | undefined): NextStepOptions {
  return { responseDays: (id) => header(id)?.responseDays, conditions: (id) => header(id)?.conditions };
}

/** Compatible with NextStepInfo (core/common/api/contract.ts). */
export interface NextStep {
  /** The template to use, or null when the step is not a letter of the catalogue (CNIL, European procedure, waiting). */
  templateId: string | null;
  label: string;
  /** Why this step, in French. */
  reason: string;
  /** Conditions not met, or facts to complete first, in French. */
  warnings: string[];
  /** When the step should not be taken before a date (a response period still running): that date. */
  notBefore?: string;
}

const long = formatLongDate;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Step = string | { pseudo: 'international' };

/** The legal guarantee of conformity is open: the condition its letters declare (`legal-guarantee-open`). */
function guaranteeApplies(c: CaseFile, today: string): boolean {
  return failedConditions(c, ['legal-guarantee-open'], today).length === 0;
}

function complaintFor(c: CaseFile): string[] {
  switch (c.dispute.type) {
    case 'privacy':
      return [c.dispute.demand === 'data-erasure' ? 'demande-rgpd-effacement' : c.dispute.demand === 'data-access' ? 'demande-rgpd-acces' : 'incident-securite-compte'];
    case 'fraud':
      return ['contestation-bancaire', 'incident-securite-compte'];
    case 'subscription':
      return ['abonnement-prime'];
    case 'counterfeit':
      return ['reclamation-contrefacon'];
    case 'marketplace-seller':
      return [c.order?.seller ? 'vendeur-marketplace' : 'reclamation-service-client'];
    default:
      return ['reclamation-service-client'];
  }
}

function formalNoticesFor(c: CaseFile, today: string): string[] {
  const conformity = guaranteeApplies(c, today) ? 'mise-en-demeure-conformite' : 'mise-en-demeure-vices-caches';
  switch (c.dispute.type) {
    case 'non-delivery':
    case 'late-delivery':
      return ['mise-en-demeure-livraison', 'mise-en-demeure-remboursement'];
    case 'defective':
      return [conformity];
    // A good that differs from the order is a conformity (L217-4) or delivery defect, never a hidden one (fact sheet §8.1).
    case 'non-conforming':
      return ['mise-en-demeure-conformite'];
    case 'counterfeit':
      return ['mise-en-demeure-conformite'];
    case 'refund':
      return ['mise-en-demeure-remboursement'];
    case 'marketplace-seller':
      return c.order?.delivered ? [conformity] : ['mise-en-demeure-livraison', 'mise-en-demeure-remboursement'];
    case 'subscription':
      return ['mise-en-demeure-abonnement', ...(c.contestedPayment ? ['contestation-bancaire'] : [])];
    default:
      return [];
  }
}

function escalationFor(c: CaseFile): Step[] {
  if (c.dispute.type === 'privacy') return ['plainte-cnil'];
  // Card or account fraud: the bank's own mediator (CMF L316-1), then the courts.
  if (c.dispute.type === 'fraud') return ['saisine-mediateur-bancaire', 'demande-conciliateur', 'requete-tribunal'];
  const where = disputeLocation(c);
  if (where === 'eu') return ['reclamation-cec-france', 'petits-litiges-europeens'];
  if (where === 'outside') return ['signalconso', { pseudo: 'international' }];
  // A refund owed and not paid is a sum of money: recovered without a trial first (CPCE L125-1, CPC 1405).
  if (c.dispute.type === 'refund') return ['saisine-mediateur', 'recouvrement-petites-creances', 'requete-injonction-payer'];
  return ['saisine-mediateur', 'demande-conciliateur', 'requete-tribunal'];
}

/** The steps of the case's ladder, in order. */
export function planFor(c: CaseFile, today: string): Step[] {
  const plan: Step[] = [...complaintFor(c)];
  const platformClaim = isMarketplaceSale(c) && c.dispute.type !== 'subscription' && c.dispute.type !== 'privacy' && c.dispute.type !== 'fraud';
  if (platformClaim) plan.push('reclamation-garantie-a-z');
  plan.push(...formalNoticesFor(c, today));
  plan.push(...escalationFor(c));
  return [...new Set(plan)];
}

/** Guidance for a fraud (fact sheet §8.3 1): a step of its own, not a letter. */
const POLICE_REPORT = 'Déposez plainte auprès de la police ou de la gendarmerie ; pour une fraude à la carte bancaire, le signalement se fait en ligne sur Perceval (https://www.moncommissariat.interieur.gouv.fr/fr/demarches/perceval). Indiquez ensuite sa date et sa référence (contestedPayment.policeReport).';

/**
 * What stands in the way of a template's step, in French: the conditions of its header that the case does not meet
 * (said by the conditions themselves), then the facts to complete and the practices to respect.
 */
export function stepWarnings(c: CaseFile, templateId: string, today: string, conditions: readonly ConditionId[] = []): string[] {
  const w: string[] = failedConditions(c, conditions, today).map((f) => f.message);
  const written = writtenComplaints(c);
  const firstWritten = written[0];
  const sent = lettersSent(c);
  const sentIds = new Set(sent.map((k) => k.template));
  switch (templateId) {
    // A complaint, a mediation or a court already seized, the year passed: the header's conditions.
    case 'saisine-mediateur': {
      const limit = mediatorLimit(c);
      if (firstWritten && !(limit && today > limit.date) && daysBetween(firstWritten.date, today) < 60) w.push('Certains médiateurs demandent d’attendre deux mois après la réclamation écrite (pratique de ces médiateurs, non exigée par la loi) : vérifiez leurs conditions.');
      if (!c.mediator) w.push('Indiquez le médiateur (mediator) : le professionnel doit vous communiquer ses coordonnées (C. conso, art. L616-1) ; cherchez la rubrique « médiation » de ses conditions générales de vente ou sa réponse à votre réclamation, et la liste officielle sur economie.gouv.fr/mediation-conso.');
      break;
    }
    // Where the trader is established: the header's condition (trader-in-eec-network).
    case 'reclamation-cec-france': {
      if (isAmazonCase(c) && !isMarketplaceSale(c)) w.push('Les ventes d’Amazon sont probablement facturées par sa succursale française (Amazon EU SARL, Clichy, RCS Nanterre 487 773 327) : le CEC France pourrait considérer le litige comme national. Vérifiez la mention « Vendu par » de votre facture.');
      if (!firstWritten) w.push('Le CEC France demande d’avoir d’abord écrit au professionnel et gardé une copie de ce courrier.');
      else if (daysBetween(firstWritten.date, today) < 21) w.push(`Le CEC France demande d’attendre trois semaines après votre réclamation écrite du ${long(firstWritten.date)}, soit jusqu’au ${long(addDays(firstWritten.date, 21))}.`);
      break;
    }
    // A Marketplace sale, within 90 days, never after a chargeback: the header's conditions.
    case 'reclamation-garantie-a-z': {
      const sellerContact = written.find((k) => k.channel === 'message' || k.template === 'vendeur-marketplace');
      if (!sellerContact) w.push('Amazon demande de contacter d’abord le vendeur et de lui laisser 48 heures pour répondre.');
      else if (daysBetween(sellerContact.date, today) < 2) w.push(`Amazon demande de laisser au vendeur 48 heures pour répondre à votre message du ${long(sellerContact.date)}.`);
      break;
    }
    case 'contestation-bancaire': {
      if (sentIds.has('reclamation-garantie-a-z')) w.push('Vous avez déposé une réclamation Garantie A à Z : selon les conditions publiées par Amazon, une contestation auprès de la banque rend la réclamation A à Z impossible, ce qui peut mettre fin à celle en cours.');
      const first = [...(c.contestedPayment?.operations ?? [])].sort((a, b) => compareIsoDates(a.date, b.date))[0];
      const limit = bankContestationLimitDate(c);
      if (first && limit && today > limit) w.push(`L’opération du ${long(first.date)} a été débitée il y a plus de treize mois : la contestation est en principe forclose (C. mon. fin., art. L133-24), sauf si la banque ne vous a pas fourni l’information sur cette opération.`);
      if (!c.contestedPayment) w.push('Indiquez les opérations contestées (contestedPayment.operations) : date de débit, montant, libellé.');
      if (c.dispute.type === 'fraud' && !c.contestedPayment?.policeReport) w.push(POLICE_REPORT);
      if (!c.bank) w.push('Indiquez votre banque et l’adresse de votre agence (bank).');
      break;
    }
    // Up to 5 000 €: the header's condition (small-claim).
    case 'requete-tribunal': {
      const amicable = sent.some((k) => ['saisine-mediateur', 'demande-conciliateur'].includes(k.template));
      if (!amicable) w.push('Pour une demande n’excédant pas 5 000 €, le code de procédure civile impose en principe une tentative préalable de conciliation, de médiation ou de procédure participative, à peine d’irrecevabilité (article 750-1 dans sa rédaction issue du décret n° 2023-357 ; vérifiez sur Légifrance sa numérotation depuis le décret n° 2025-660).');
      if (!c.evidence || c.evidence.length === 0) w.push('Aucune pièce au dossier : joignez les pièces qui prouvent vos demandes (commande, échanges, lettres et accusés de réception).');
      if (!c.court) w.push('Indiquez le tribunal (court) : le consommateur peut saisir celui du lieu où il demeurait lors de la conclusion du contrat (C. conso, art. R631-3).');
      break;
    }
    case 'reexamen-refus-banque':
    case 'saisine-mediateur-bancaire':
      if (!c.contestedPayment?.policeReport) w.push(POLICE_REPORT);
      if (templateId === 'saisine-mediateur-bancaire' && !c.bankMediator) w.push('Indiquez le médiateur de la banque (bankMediator) : ses coordonnées figurent dans la convention de compte, sur le site de la banque et dans sa réponse.');
      break;
    case 'demande-conciliateur':
      if (!c.conciliator) w.push('Indiquez le conciliateur de justice (conciliator) : nom et adresse de sa permanence.');
      break;
    // A professional seller, within two years: the header's condition (legal-guarantee-open).
    case 'mise-en-demeure-conformite':
      if (!c.order?.delivered) w.push('Indiquez la date de livraison (order.delivered) : la garantie court de la délivrance.');
      break;
    // Not a mismatch with the order: the header's condition (hidden-defect-not-mismatch).
    case 'mise-en-demeure-vices-caches': {
      const noticed = c.dispute.noticed;
      if (!noticed) w.push('Indiquez la date de découverte du défaut (dispute.noticed) : l’action doit être engagée dans les deux ans de la découverte du vice (C. civ., art. 1648).');
      else if (today > hiddenDefectLimitDate(noticed)) w.push(`Le vice a été découvert le ${long(noticed)}, il y a plus de deux ans : l’action est prescrite sauf interruption ou suspension (C. civ., art. 1648).`);
      break;
    }
    case 'mise-en-demeure-remboursement':
      if (!c.refund) {
        const reason = ['non-delivery', 'late-delivery', 'marketplace-seller'].includes(c.dispute.type)
          ? 'la résolution du contrat faute de livraison'
          : GOODS_DISPUTES.includes(c.dispute.type)
            ? 'la résolution pour défaut de conformité'
            : 'votre rétractation';
        w.push(`Indiquez le remboursement attendu : son motif (par exemple ${reason}) et la date à laquelle le professionnel en a été informé.`);
      } else if (c.refund.reason === 'delivery-resolution' && !c.refund.requested && !sentIds.has('mise-en-demeure-livraison')) {
        w.push('La résolution pour défaut de livraison suppose en principe une mise en demeure de livrer dans un délai supplémentaire, restée sans effet (C. conso, art. L216-6) : envoyez d’abord le modèle « mise-en-demeure-livraison », sauf refus de livrer ou date de livraison essentielle.');
      } else if (c.refund.reason === 'withdrawal' && c.refund.requested && c.order?.delivered) {
        const end = computeDeadlines({ ...c, refund: c.refund }, today).find((d) => d.id === 'withdrawal-end');
        if (end && c.refund.requested > end.date) w.push(`La rétractation du ${long(c.refund.requested)} est postérieure à la fin du délai de rétractation (${long(end.date)}) : elle n’est valable que si vous n’avez pas été informé de ce droit (C. conso, art. L221-20).`);
      }
      break;
    case 'vendeur-marketplace':
      if (!c.order?.seller) w.push('Indiquez le vendeur Marketplace (order.seller) : son nom et son adresse figurent sur sa page vendeur.');
      else if (c.respondent.role !== 'seller' && !c.order.seller.address) w.push('Indiquez l’adresse du vendeur (order.seller.address), affichée sur sa page vendeur : la lettre lui est adressée.');
      break;
    case 'demande-reexamen':
      if (!c.decision) w.push('Indiquez la décision contestée (decision) : sa date, son auteur et son contenu.');
      break;
    default:
      break;
  }
  return w;
}

function pseudoStep(): NextStep {
  return {
    templateId: null,
    label: 'Professionnel établi hors de l’Union européenne',
    reason: 'Le CEC France n’intervient pas pour un professionnel établi hors de l’Union européenne, de l’Islande et de la Norvège : il oriente vers la DGCCRF, Consumers International et le réseau ICPEN.',
    warnings: [],
  };
}

/** The next step for the case on `today`, from its contacts journal and the letters already sent. */
export function recommendNextStep(c: CaseFile, today: string, options: NextStepOptions = {}): NextStep {
  const sent = lettersSent(c);
  const sentIds = new Set(sent.map((k) => k.template));
  const written = writtenComplaints(c);
  const last = sent.at(-1);
  const deadlines = computeDeadlines(c, today, options);
  const stage = currentStage(c);

  const plan = planFor(c, today);
  const firstComplaint = plan[0];
  // The highest rung a letter reached (a SignalConso report, possible at any time, does not count): steps below it are passed.
  const reached = Math.max(-1, ...sent.filter((k) => !SIDE_REPORTS.has(k.template)).map((k) => rungIndex(TEMPLATE_STEPS[k.template]?.rung ?? 'complaint')));
  const isDone = (step: Step): boolean => {
    if (typeof step !== 'string') return false;
    if (sentIds.has(step)) return true;
    const rung = TEMPLATE_STEPS[step]?.rung;
    if (rung !== undefined && rungIndex(rung) < reached) return true;
    // A written complaint sent outside Recours counts as the first complaint (not as a bank contestation or a GDPR request).
    if (step === firstComplaint && written.length > 0 && TEMPLATE_STEPS[step]?.rung === 'complaint' && !['contestation-bancaire', 'demande-rgpd-acces', 'demande-rgpd-effacement'].includes(step)) return true;
    // Its window closed (after a chargeback, or 90 days on) or the case past it: the A-to-z claim is passed, not refused.
    if (step === 'reclamation-garantie-a-z') return failedConditions(c, ['a-to-z-window'], today).length > 0 || rungIndex(stage.id) > rungIndex('platform-claim');
    return false;
  };

  // An unfavourable decision after the last letter, before any mise en demeure: ask for it to be reconsidered.
  const blockedBy = (templateId: string) => failedConditions(c, options.conditions?.(templateId) ?? [], today);
  const decision = c.decision;
  // A bank's refusal of unauthorised payments is challenged before the bank itself, citing CMF L133-23.
  const reexamen = decision?.party === 'bank' && c.contestedPayment ? 'reexamen-refus-banque' : 'demande-reexamen';
  if (decision && (!last || decision.date >= last.date) && rungIndex(stage.id) < rungIndex('formal-notice')) {
    const reconsidered = sent.some((k) => (k.template === 'demande-reexamen' || k.template === 'reexamen-refus-banque') && k.date >= decision.date);
    const why = reexamen === 'reexamen-refus-banque'
      ? `${decision.by} a refusé le ${long(decision.date)} de rembourser les opérations contestées (« ${decision.summary} ») : demandez-lui le réexamen par écrit ; c’est à la banque de prouver l’authentification et votre négligence grave (C. mon. fin., art. L133-23). Son médiateur pourra ensuite être saisi gratuitement.`
      : `${decision.by} a rendu le ${long(decision.date)} une décision défavorable (« ${decision.summary} ») : demandez-en le réexamen par écrit, en rappelant vos droits, avant de passer à la mise en demeure.`;
    if (!reconsidered && blockedBy(reexamen).length === 0) return build(c, reexamen, today, why);
  }

  // The first step not done whose remedy is open; a closed one gives way to the letter that serves instead.
  const closed: string[] = [];
  let next: Step | undefined;
  for (const s of plan) {
    if (isDone(s)) continue;
    const failures = typeof s === 'string' ? blockedBy(s) : [];
    if (failures.length === 0) {
      next = s;
      break;
    }
    closed.push(...failures.map((f) => `${cap(TEMPLATE_STEPS[s as string]?.name ?? String(s))} : ${f.message}`));
    const instead = failures.map((f) => f.instead).find((id): id is string => id !== null && !isDone(id) && blockedBy(id).length === 0);
    if (instead) {
      next = instead;
      break;
    }
  }
  if (next === undefined) {
    return {
      templateId: null,
      label: 'Suivre la procédure engagée',
      reason: sentIds.has('requete-tribunal')
        ? 'Le tribunal est saisi : attendez la convocation du greffe et préparez vos pièces pour l’audience.'
        : 'Toutes les étapes prévues pour ce litige ont été accomplies.',
      warnings: [],
    };
  }
  if (typeof next !== 'string') return withClosed(pseudoStep(), closed);

  const reason = reasonFor(c, next, today);
  const step = withClosed(build(c, next, today, reason), closed);
  // The next step waits for the answer to the last letter, except between complaints sent side by side
  // (to the bank and to the platform, for instance).
  const response = findDeadline(deadlines, 'response-due') ?? findDeadline(deadlines, 'bank-refund-due') ?? findDeadline(deadlines, 'gdpr-answer-due');
  const nextRung = TEMPLATE_STEPS[next]?.rung;
  const lastRung = last ? TEMPLATE_STEPS[last.template]?.rung : undefined;
  const sideBySide = nextRung === 'complaint' && lastRung === 'complaint';
  if (response && !response.overdue && nextRung && lastRung && rungIndex(nextRung) >= rungIndex(lastRung) && !sideBySide) {
    step.warnings.unshift(`${response.label} : le délai court jusqu’au ${long(response.date)}. Attendez cette date avant d’envoyer la lettre suivante, sauf réponse négative.`);
    step.notBefore = addDays(response.date, 1);
  }
  return step;
}

/** The steps passed over because their remedy is closed, said first among the warnings. */
function withClosed(step: NextStep, closed: readonly string[]): NextStep {
  return closed.length === 0 ? step : { ...step, warnings: [...closed, ...step.warnings] };
}

function build(c: CaseFile, templateId: string, today: string, reason: string): NextStep {
  const name = TEMPLATE_STEPS[templateId]?.name ?? templateId;
  return { templateId, label: cap(name), reason, warnings: stepWarnings(c, templateId, today) };
}

function reasonFor(c: CaseFile, templateId: string, today: string): string {
  const written = writtenComplaints(c);
  switch (templateId) {
    case 'reclamation-service-client':
    case 'reclamation-contrefacon':
    case 'abonnement-prime':
      return written.length === 0
        ? 'Aucune réclamation écrite n’a encore été envoyée : c’est la première démarche, exigée avant toute médiation (C. conso, art. L612-2).'
        : 'Première réclamation écrite adaptée à votre litige.';
    case 'vendeur-marketplace':
      return 'Écrivez d’abord au vendeur Marketplace : c’est lui qui vous a vendu le bien, et Amazon demande ce premier contact avant une réclamation Garantie A à Z.';
    case 'reclamation-garantie-a-z':
      return 'L’article a été vendu et expédié par un vendeur tiers : la Garantie A à Z d’Amazon peut vous faire rembourser, sans limiter vos droits légaux.';
    case 'contestation-bancaire':
      return 'Des opérations que vous n’avez pas autorisées ont été débitées : votre banque doit les rembourser au plus tard à la fin du premier jour ouvrable suivant votre signalement (C. mon. fin., art. L133-18).';
    case 'incident-securite-compte':
      return c.dispute.type === 'fraud'
        ? 'Signalez aussi l’incident au site pour sécuriser le compte, faire annuler les commandes frauduleuses et obtenir les informations de connexion.'
        : 'Signalez l’incident de sécurité et demandez les informations sur l’accès à votre compte.';
    case 'demande-rgpd-acces':
      return 'Demandez par écrit la copie de vos données (RGPD, art. 15) : le responsable du traitement a un mois pour répondre.';
    case 'demande-rgpd-effacement':
      return 'Demandez par écrit l’effacement de vos données (RGPD, art. 17) : le responsable du traitement a un mois pour répondre.';
    case 'mise-en-demeure-livraison':
      return 'Votre réclamation n’a pas abouti : mettez le vendeur en demeure de livrer dans un délai supplémentaire raisonnable, préalable à la résolution du contrat (C. conso, art. L216-6).';
    case 'mise-en-demeure-remboursement':
      return ['non-delivery', 'late-delivery', 'marketplace-seller'].includes(c.dispute.type)
        ? 'Le délai supplémentaire de votre mise en demeure est expiré sans livraison : notifiez la résolution du contrat et exigez le remboursement sous 14 jours (C. conso, art. L216-6 et L216-7).'
        : 'Le remboursement dû n’est pas arrivé : mettez le professionnel en demeure de rembourser, avec les majorations légales.';
    case 'mise-en-demeure-conformite':
      return 'Votre réclamation n’a pas abouti : mettez le vendeur en demeure de mettre le bien en conformité dans les trente jours, ou de vous rembourser (C. conso, art. L217-9 à L217-14).';
    case 'mise-en-demeure-vices-caches':
      return guaranteeApplies(c, today)
        ? 'Mettez le vendeur en demeure au titre de la garantie des vices cachés (C. civ., art. 1641).'
        : 'La garantie légale de conformité ne s’applique pas (défaut apparu après deux ans ou vendeur particulier) : invoquez la garantie des vices cachés (C. civ., art. 1641 et 1648).';
    case 'saisine-mediateur':
      return 'Vos démarches écrites n’ont pas abouti : la saisine du médiateur de la consommation est gratuite (C. conso, art. L612-1). En parallèle, vous pouvez signaler le litige sur SignalConso (modèle « signalconso »).';
    case 'reclamation-cec-france':
      return `${trader(c).name} est établi dans un autre État de l’Union européenne : le Centre Européen des Consommateurs France peut intervenir gratuitement auprès de lui.`;
    case 'signalconso':
      return 'Signalez le litige à la DGCCRF sur SignalConso : le signalement est transmis à l’entreprise, qui peut vous répondre.';
    case 'demande-conciliateur':
      return 'La médiation n’a pas abouti : la conciliation par un conciliateur de justice est gratuite et constitue la tentative amiable préalable à la saisine du tribunal pour une demande jusqu’à 5 000 €.';
    case 'requete-tribunal':
      return 'Les tentatives amiables ont échoué : saisissez le tribunal par requête (demande jusqu’à 5 000 €), en joignant le bordereau de vos pièces. Le formulaire Cerfa n° 16042*02 peut aussi être utilisé.';
    case 'demande-reexamen':
      return 'Demandez le réexamen de la décision défavorable.';
    case 'reexamen-refus-banque':
      return 'Demandez à la banque de réexaminer son refus : c’est à elle de prouver l’authentification des opérations et votre négligence grave (C. mon. fin., art. L133-23).';
    case 'saisine-mediateur-bancaire':
      return 'La banque maintient son refus : saisissez gratuitement le médiateur qu’elle a désigné (C. mon. fin., art. L316-1) ; ses coordonnées figurent dans la convention de compte et sur le site de la banque.';
    case 'mise-en-demeure-abonnement':
      return 'Votre réclamation sur l’abonnement n’a pas abouti : mettez le professionnel en demeure de rembourser les sommes prélevées à tort, calcul à l’appui (C. conso, art. L215-1).';
    case 'plainte-cnil':
      return 'Votre demande n’a pas reçu de réponse satisfaisante dans le délai d’un mois (RGPD, art. 12, § 3) : déposez une plainte en ligne auprès de la CNIL (RGPD, art. 77), avec le texte préparé.';
    case 'petits-litiges-europeens':
      return 'Si l’intervention du CEC France n’aboutit pas, une demande transfrontalière jusqu’à 5 000 € peut être portée devant le juge par la procédure européenne de règlement des petits litiges (règlement (CE) n° 861/2007) : formulaire A, sans avocat.';
    case 'recouvrement-petites-creances':
      return 'La somme due n’est toujours pas payée : un commissaire de justice peut en obtenir le paiement par la procédure simplifiée de recouvrement (jusqu’à 5 000 €), si le professionnel l’accepte dans le mois ; les frais sont à votre charge.';
    case 'requete-injonction-payer':
      return 'La somme due reste impayée : demandez au juge d’enjoindre au professionnel de payer (injonction de payer, CPC, art. 1405 et suivants), sans audience ; il aura un mois pour s’y opposer.';
    default:
      return 'Étape suivante du litige.';
  }
}
