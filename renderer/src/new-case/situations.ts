/**
 * « Que s'est-il passé ? »: situations in the words of the person it happened to, each mapped to a dispute type
 * and to the few facts that situation needs first. Everything else can be added later in the case.
 */
import type { Demand, DisputeType } from '../../../core/common/case/schema.js';

/** Facts the first questionnaire may ask, by path (see NewCaseDetails for their fields). */
export type StartField =
  | 'order.platform'
  | 'order.number'
  | 'order.date'
  | 'order.item'
  | 'order.total'
  | 'order.promisedDelivery'
  | 'order.delivered'
  | 'order.carrier'
  | 'order.tracking'
  | 'order.seller.name'
  | 'dispute.noticed'
  | 'dispute.amount';

export interface Situation {
  id: string;
  label: string;
  hint: string;
  disputeType: DisputeType;
  markedDelivered?: boolean;
  /** Demands that make sense here; the first is preselected. */
  demands: readonly Demand[];
  fields: readonly StartField[];
  /** What to tell in « Ce qui s'est passé ». */
  factsHint: string;
}

const ORDER: StartField[] = ['order.platform', 'order.number', 'order.date', 'order.item', 'order.total'];

export const SITUATIONS: readonly Situation[] = [
  {
    id: 'livre-non-recu',
    label: 'Le colis est indiqué « livré », mais je ne l’ai jamais reçu',
    hint: 'Le suivi dit livré, la boîte aux lettres est vide.',
    disputeType: 'non-delivery',
    markedDelivered: true,
    demands: ['refund', 'delivery'],
    fields: [...ORDER, 'order.delivered', 'order.carrier', 'order.tracking'],
    factsHint: 'Quand le suivi a indiqué « livré », où vous étiez, ce que vous avez vérifié (boîte aux lettres, voisins, gardien).',
  },
  {
    id: 'jamais-arrive',
    label: 'Mon colis n’est jamais arrivé',
    hint: 'La date de livraison est passée, rien n’est venu.',
    disputeType: 'non-delivery',
    demands: ['delivery', 'refund'],
    fields: [...ORDER, 'order.promisedDelivery', 'order.carrier', 'order.tracking'],
    factsHint: 'La date promise, ce que dit le suivi, ce que le service client vous a répondu.',
  },
  {
    id: 'en-retard',
    label: 'Ma commande est en retard',
    hint: 'Elle doit encore arriver, mais bien après la date promise.',
    disputeType: 'late-delivery',
    demands: ['delivery', 'refund'],
    fields: [...ORDER, 'order.promisedDelivery', 'order.seller.name'],
    factsHint: 'La date promise, les nouvelles dates annoncées, ce que le retard vous cause.',
  },
  {
    id: 'casse',
    label: 'Le produit est cassé ou ne fonctionne pas',
    hint: 'Arrivé abîmé, ou tombé en panne.',
    disputeType: 'defective',
    demands: ['repair', 'replacement', 'refund', 'price-reduction'],
    fields: [...ORDER, 'dispute.noticed'],
    factsHint: 'Ce qui ne fonctionne pas, depuis quand, et comment vous vous en servez.',
  },
  {
    id: 'non-conforme',
    label: 'Le produit ne correspond pas à la description',
    hint: 'Autre taille, autre modèle, caractéristiques différentes.',
    disputeType: 'non-conforming',
    demands: ['replacement', 'refund', 'price-reduction'],
    fields: [...ORDER, 'dispute.noticed'],
    factsHint: 'Ce que promettait l’annonce, et ce que vous avez reçu.',
  },
  {
    id: 'contrefacon',
    label: 'J’ai reçu une contrefaçon',
    hint: 'Un faux de la marque annoncée.',
    disputeType: 'counterfeit',
    demands: ['refund', 'replacement'],
    fields: [...ORDER, 'order.seller.name', 'dispute.noticed'],
    factsHint: 'Ce qui montre que ce n’est pas l’article d’origine (étiquettes, numéro de série, avis de la marque).',
  },
  {
    id: 'remboursement',
    label: 'J’attends un remboursement qui ne vient pas',
    hint: 'Retour accepté ou annulation, mais pas d’argent.',
    disputeType: 'refund',
    demands: ['refund'],
    fields: [...ORDER, 'dispute.amount'],
    factsHint: 'Quand le retour ou l’annulation a été accepté, le montant promis, les relances.',
  },
  {
    id: 'vendeur-muet',
    label: 'Le vendeur ne répond pas',
    hint: 'Un vendeur tiers (Marketplace) injoignable.',
    disputeType: 'marketplace-seller',
    demands: ['refund', 'delivery', 'replacement'],
    fields: [...ORDER, 'order.seller.name'],
    factsHint: 'Vos messages au vendeur, leurs dates, et l’absence de réponse.',
  },
  {
    id: 'abonnement',
    label: 'On m’a facturé Prime ou un abonnement à tort',
    hint: 'Un prélèvement que vous n’avez pas voulu.',
    disputeType: 'subscription',
    demands: ['refund', 'termination'],
    fields: ['dispute.noticed', 'dispute.amount'],
    factsHint: 'Les prélèvements (dates, montants) et pourquoi vous ne les avez pas voulus.',
  },
  {
    id: 'compte-pirate',
    label: 'Mon compte a été piraté',
    hint: 'Des commandes ou paiements que vous n’avez pas faits.',
    disputeType: 'fraud',
    demands: ['chargeback', 'refund'],
    fields: ['dispute.noticed', 'dispute.amount'],
    factsHint: 'Ce que vous avez constaté, quand, et ce que vous avez fait (mot de passe changé, banque prévenue).',
  },
  {
    id: 'donnees',
    label: 'Un problème avec mes données personnelles',
    hint: 'Obtenir ou faire effacer ce que l’entreprise sait de vous.',
    disputeType: 'privacy',
    demands: ['data-access', 'data-erasure'],
    fields: [],
    factsHint: 'Ce que vous voulez savoir ou faire effacer, et pourquoi.',
  },
];

export function situationById(id: string): Situation | undefined {
  return SITUATIONS.find((s) => s.id === id);
}
