/**
 * « Que s'est-il passé ? »: situations in the words of the person it happened to, one row each: the dispute type,
 * the demands that make sense, and the first questions — what that situation's usual letters need. Everything else
 * can be added later in the case.
 */
import type { Demand, DisputeType } from '../../../core/common/case/schema.js';

/** Groups of first questions (see NewCaseDetails for their fields). */
export type Question =
  | 'order' // platform, number, date, article, total
  | 'delivered' // marked delivered: date, carrier, tracking
  | 'promised' // promised date, carrier, tracking
  | 'seller' // the Marketplace seller's name
  | 'seller-contact' // the seller's name, address and e-mail: a letter goes to it
  | 'noticed'
  | 'amount'
  | 'subscription' // service, termination, renewal notice, the charges
  | 'operations' // the contested operations, the card, the report to the bank
  | 'bank' // the claimant's bank
  | 'refund'; // why, when asked, when returned, return tracking

export interface Situation {
  id: string;
  label: string;
  hint: string;
  disputeType: DisputeType;
  markedDelivered: boolean;
  /** Demands that make sense here; the first is preselected. */
  demands: readonly Demand[];
  questions: readonly Question[];
  /** What to tell in « Ce qui s'est passé ». */
  factsHint: string;
}

type Row = [id: string, label: string, hint: string, type: DisputeType, demands: Demand[], questions: Question[], factsHint: string];

const ROWS: Row[] = [
  ['livre-non-recu', 'Le colis est indiqué « livré », mais je ne l’ai jamais reçu', 'Le suivi dit livré, la boîte aux lettres est vide.', 'non-delivery', ['refund', 'delivery'], ['order', 'delivered'],
    'Quand le suivi a indiqué « livré », où vous étiez, ce que vous avez vérifié (boîte aux lettres, voisins, gardien).'],
  ['jamais-arrive', 'Mon colis n’est jamais arrivé', 'La date de livraison est passée, rien n’est venu.', 'non-delivery', ['delivery', 'refund'], ['order', 'promised'],
    'La date promise, ce que dit le suivi, ce que le service client vous a répondu.'],
  ['en-retard', 'Ma commande est en retard', 'Elle doit encore arriver, mais bien après la date promise.', 'late-delivery', ['delivery', 'refund'], ['order', 'promised', 'seller'],
    'La date promise, les nouvelles dates annoncées, ce que le retard vous cause.'],
  ['casse', 'Le produit est cassé ou ne fonctionne pas', 'Arrivé abîmé, ou tombé en panne.', 'defective', ['repair', 'replacement', 'refund', 'price-reduction'], ['order', 'noticed'],
    'Ce qui ne fonctionne pas, depuis quand, et comment vous vous en servez.'],
  ['non-conforme', 'Le produit ne correspond pas à la description', 'Autre taille, autre modèle, caractéristiques différentes.', 'non-conforming', ['replacement', 'refund', 'price-reduction'], ['order', 'noticed'],
    'Ce que promettait l’annonce, et ce que vous avez reçu.'],
  ['contrefacon', 'J’ai reçu une contrefaçon', 'Un faux de la marque annoncée.', 'counterfeit', ['refund', 'replacement'], ['order', 'seller', 'noticed'],
    'Ce qui montre que ce n’est pas l’article d’origine (étiquettes, numéro de série, avis de la marque).'],
  ['remboursement', 'J’attends un remboursement qui ne vient pas', 'Rétractation, retour accepté ou annulation, mais pas d’argent.', 'refund', ['refund'], ['order', 'refund', 'amount'],
    'Quand vous vous êtes rétracté(e) ou avez renvoyé l’article, le montant attendu, les relances.'],
  ['vendeur-muet', 'Le vendeur ne répond pas', 'Un vendeur tiers (Marketplace) injoignable.', 'marketplace-seller', ['refund', 'delivery', 'replacement'], ['order', 'seller-contact'],
    'Vos messages au vendeur, leurs dates, et l’absence de réponse.'],
  ['abonnement', 'On m’a facturé Prime ou un abonnement à tort', 'Un prélèvement que vous n’avez pas voulu.', 'subscription', ['refund', 'termination'], ['subscription', 'amount'],
    'Les prélèvements (dates, montants) et pourquoi vous ne les avez pas voulus.'],
  ['compte-pirate', 'Mon compte a été piraté', 'Des commandes ou paiements que vous n’avez pas faits.', 'fraud', ['chargeback', 'refund'], ['operations', 'bank', 'noticed'],
    'Ce que vous avez constaté, quand, et ce que vous avez fait (mot de passe changé, banque prévenue).'],
  ['donnees', 'Un problème avec mes données personnelles', 'Obtenir ou faire effacer ce que l’entreprise sait de vous.', 'privacy', ['data-access', 'data-erasure'], [],
    'Ce que vous voulez savoir ou faire effacer, et pourquoi.'],
];

export const SITUATIONS: readonly Situation[] = ROWS.map(([id, label, hint, disputeType, demands, questions, factsHint]) => ({
  id,
  label,
  hint,
  disputeType,
  // « Livré » but never received: the starter sentence of the facts says so (core's newCaseDraft).
  markedDelivered: questions.includes('delivered'),
  demands,
  questions,
  factsHint,
}));

export function situationById(id: string): Situation | undefined {
  return SITUATIONS.find((s) => s.id === id);
}
