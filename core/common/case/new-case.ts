/**
 * The draft a new case starts from: the sender from the settings, the dispute the user chose in « Que s'est-il
 * passé ? », the demand that situation usually calls for, and the recipient when it is almost always Amazon.
 * Everything stays editable; fields left empty are reported by validation, next to the field. Pure, so that the
 * screens build it too and a case is stored only once something is saved.
 */
import type { Settings } from '../api/contract.js';
import { CASE_FORMAT, type Demand, type DisputeType } from './schema.js';

/** A case as typed so far (not yet valid). */
type Draft = Record<string, unknown>;

/** What the consumer usually asks for in each situation (the user can change it). */
export const DEFAULT_DEMAND: Record<DisputeType, Demand> = {
  'non-delivery': 'delivery',
  'late-delivery': 'delivery',
  defective: 'repair',
  'non-conforming': 'replacement',
  counterfeit: 'refund',
  refund: 'refund',
  'marketplace-seller': 'refund',
  subscription: 'refund',
  privacy: 'data-access',
  fraud: 'chargeback',
};

/** Disputes about an order: the order block is started (on Amazon). */
const ORDER_DISPUTES: readonly DisputeType[] = ['non-delivery', 'late-delivery', 'defective', 'non-conforming', 'counterfeit', 'refund', 'marketplace-seller'];

/** Amazon's European entity, which sells to French consumers (as in examples/). */
export const AMAZON_EU = {
  role: 'platform',
  name: 'Amazon EU S.à r.l.',
  department: 'Service client',
  address: { lines: ['38 avenue John F. Kennedy'], postalCode: 'L-1855', city: 'Luxembourg', country: 'Luxembourg' },
};

/** The first sentence of the facts when the parcel is marked delivered but never came: the user completes it. */
export const MARKED_DELIVERED_STARTER =
  'Le suivi de ma commande indique que le colis a été livré le …, mais je ne l’ai jamais reçu : il n’était ni dans ma boîte aux lettres, ni chez un voisin, ni à l’accueil de mon immeuble.';

function claimantFrom(settings: Settings): Draft {
  const s = settings.sender;
  // Empty objects rather than empty strings: validation then names each missing field (« Prénom : champ obligatoire manquant »).
  if (!s) return { address: {} };
  const address: Draft = {
    lines: s.address.lines.length > 0 ? [...s.address.lines] : [''],
    postalCode: s.address.postalCode,
    city: s.address.city,
  };
  if (s.address.country?.trim()) address.country = s.address.country;
  const claimant: Draft = { firstName: s.firstName, lastName: s.lastName, address };
  if (s.title) claimant.title = s.title;
  if (s.email?.trim()) claimant.email = s.email.trim();
  if (s.phone?.trim()) claimant.phone = s.phone.trim();
  return claimant;
}

export function newCaseDraft(settings: Settings, disputeType: DisputeType, markedDelivered = false): Draft {
  const claimant = claimantFrom(settings);
  const marked = markedDelivered && disputeType === 'non-delivery';
  const draft: Draft = {
    format: CASE_FORMAT,
    claimant,
    // Amazon for every situation: the Marketplace seller (`order.seller`) and the bank (`bank`) are parties of their own.
    respondent: structuredClone(AMAZON_EU),
  };
  if (ORDER_DISPUTES.includes(disputeType)) {
    draft.order = { platform: 'Amazon' };
  }
  // Marked delivered but never received: the consumer wants the money back, not a delivery that already « happened ».
  draft.dispute = { type: disputeType, facts: marked ? MARKED_DELIVERED_STARTER : '', demand: marked ? 'refund' : DEFAULT_DEMAND[disputeType] };
  const place = settings.defaultPlace.trim() || settings.sender?.address.city.trim() || '';
  if (place) draft.letter = { place };
  return draft;
}
