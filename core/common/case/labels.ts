/** French names of the case fields and of their coded values, for messages and for the letters. */
import type { Demand, DisputeType } from './schema.js';

/** Field path (array indexes replaced by []) → what a user calls it. */
export const FIELD_LABELS: Record<string, string> = {
  format: 'format du dossier',
  claimant: 'vos coordonnées',
  'claimant.title': 'civilité',
  'claimant.firstName': 'prénom',
  'claimant.lastName': 'nom',
  'claimant.address': 'adresse',
  'claimant.address.lines': 'lignes d’adresse',
  'claimant.address.lines[]': 'ligne d’adresse',
  'claimant.address.postalCode': 'code postal',
  'claimant.address.city': 'ville',
  'claimant.address.country': 'pays',
  'claimant.email': 'adresse e-mail',
  'claimant.phone': 'téléphone',
  'claimant.customerId': 'numéro de client',
  respondent: 'destinataire',
  'respondent.role': 'rôle du destinataire',
  'respondent.name': 'nom du destinataire',
  'respondent.department': 'service du destinataire',
  'respondent.address': 'adresse du destinataire',
  'respondent.address.lines': 'lignes d’adresse du destinataire',
  'respondent.address.lines[]': 'ligne d’adresse du destinataire',
  'respondent.address.postalCode': 'code postal du destinataire',
  'respondent.address.city': 'ville du destinataire',
  'respondent.address.country': 'pays du destinataire',
  'respondent.email': 'adresse e-mail du destinataire',
  'respondent.registration': 'immatriculation (RCS) du destinataire',
  order: 'commande',
  'order.platform': 'plateforme',
  'order.number': 'numéro de commande',
  'order.date': 'date de commande',
  'order.items': 'articles commandés',
  'order.items[]': 'article commandé',
  'order.items[].description': 'description de l’article',
  'order.items[].quantity': 'quantité',
  'order.items[].unitPrice': 'prix unitaire',
  'order.total': 'montant total de la commande',
  'order.currency': 'devise',
  'order.payment': 'moyen de paiement',
  'order.seller': 'vendeur',
  'order.seller.name': 'nom du vendeur',
  'order.seller.id': 'identifiant du vendeur',
  'order.seller.professional': 'vendeur professionnel',
  'order.fulfilledByAmazon': 'expédié par Amazon',
  'order.promisedDelivery': 'date de livraison promise',
  'order.delivered': 'date de livraison',
  'order.carrier': 'transporteur',
  'order.tracking': 'numéro de suivi',
  dispute: 'litige',
  'dispute.type': 'type de litige',
  'dispute.facts': 'récit des faits',
  'dispute.noticed': 'date de constat du problème',
  'dispute.demand': 'demande',
  'dispute.amount': 'montant réclamé',
  contacts: 'journal des contacts',
  'contacts[]': 'contact',
  'contacts[].date': 'date du contact',
  'contacts[].channel': 'canal du contact',
  'contacts[].with': 'interlocuteur',
  'contacts[].agent': 'nom du conseiller',
  'contacts[].reference': 'référence du contact',
  'contacts[].summary': 'résumé du contact',
  'contacts[].promise': 'promesse faite',
  'contacts[].template': 'modèle de la lettre envoyée',
  decision: 'décision contestée',
  'decision.date': 'date de la décision',
  'decision.by': 'auteur de la décision',
  'decision.reference': 'référence de la décision',
  'decision.summary': 'résumé de la décision',
  evidence: 'pièces',
  'evidence[]': 'pièce',
  'evidence[].id': 'clé de la pièce',
  'evidence[].file': 'fichier de la pièce',
  'evidence[].originalName': 'nom d’origine du fichier',
  'evidence[].title': 'titre de la pièce',
  'evidence[].date': 'date de la pièce',
  'evidence[].note': 'note sur la pièce',
  letter: 'lettre',
  'letter.place': 'lieu d’écriture de la lettre',
  'letter.date': 'date de la lettre',
  'letter.sending': 'mode d’envoi',
  'letter.registeredNumber': 'numéro de recommandé',
  'letter.responseDays': 'délai de réponse demandé (jours)',
};

/** The label of a path such as ['order', 'items', 0, 'unitPrice']. */
export function fieldLabel(path: readonly PropertyKey[]): string | undefined {
  const key = path.map((p) => (typeof p === 'number' ? '[]' : String(p))).join('.').replace(/\.\[\]/g, '[]');
  return FIELD_LABELS[key];
}

/** Path as shown to users and tools: order.items[0].unitPrice */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

export const DISPUTE_LABELS: Record<DisputeType, string> = {
  'non-delivery': 'colis non livré',
  'late-delivery': 'retard de livraison',
  defective: 'produit défectueux',
  'non-conforming': 'produit non conforme',
  counterfeit: 'produit contrefait',
  refund: 'remboursement non reçu',
  'marketplace-seller': 'vendeur Marketplace injoignable',
  subscription: 'abonnement facturé à tort',
  privacy: 'données personnelles',
  fraud: 'fraude sur le compte',
};

export const DEMAND_LABELS: Record<Demand, string> = {
  delivery: 'la livraison',
  refund: 'le remboursement',
  repair: 'la réparation',
  replacement: 'le remplacement',
  'price-reduction': 'une réduction du prix',
  termination: 'la résiliation',
  'data-access': 'l’accès à mes données',
  'data-erasure': 'l’effacement de mes données',
  chargeback: 'le remboursement de l’opération contestée',
  reconsideration: 'le réexamen de la décision',
};

export const CHANNEL_LABELS: Record<string, string> = {
  phone: 'par téléphone',
  chat: 'par messagerie instantanée (chat)',
  email: 'par courrier électronique',
  letter: 'par courrier',
  message: 'par message sur la plateforme',
  other: 'par un autre moyen',
};

export const SENDING_LABELS: Record<string, string> = {
  lrar: 'Lettre recommandée avec accusé de réception',
  lre: 'Lettre recommandée électronique',
  email: 'Envoi par courrier électronique',
  post: 'Envoi par courrier simple',
  hand: 'Remise en main propre contre décharge',
};
