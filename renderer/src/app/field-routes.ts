/**
 * Where each fact of a case is typed: its tab and, in « Faits », its section. The one table that every « missing
 * fact » link follows (ProblemLinks, the case screen's showField) and that the Faits tab is laid out from, so that
 * a link can never point to a section that is not there.
 */
import type { DisputeType } from '../../../core/common/case/schema.js';
import type { CaseTab } from './routes.js';

export const FACTS_SECTIONS = [
  { id: 'probleme', title: 'Le problème et votre demande' },
  { id: 'commande', title: 'La commande' },
  { id: 'vous', title: 'Vous' },
  { id: 'destinataire', title: 'Destinataire' },
  { id: 'abonnement', title: 'Abonnement' },
  { id: 'paiements', title: 'Paiements contestés' },
  { id: 'remboursement', title: 'Remboursement attendu' },
  { id: 'donnees', title: 'Données personnelles' },
  { id: 'decision', title: 'Décision contestée' },
  { id: 'interlocuteurs', title: 'Autres interlocuteurs' },
  { id: 'lettre', title: 'La lettre' },
] as const;
export type FactsSection = (typeof FACTS_SECTIONS)[number]['id'];

export interface FieldPlace {
  tab: CaseTab;
  /** The section of « Faits » (null on the other tabs). */
  section: FactsSection | null;
}

/** The parties one may have to name besides the respondent, each typed in « Autres interlocuteurs ». */
export const OTHER_PARTIES = ['bank', 'bankMediator', 'mediator', 'conciliator', 'court', 'authority'] as const;
export type OtherParty = (typeof OTHER_PARTIES)[number];

/**
 * The parts of the case (the first part of a path) each section of « Faits » fills, in the order the section shows
 * them: a link to one of them opens that section, and a folded section holding one of them starts open.
 */
export const SECTION_DATA: Record<FactsSection, readonly string[]> = {
  probleme: ['format', 'dispute'],
  commande: ['order'],
  vous: ['claimant'],
  destinataire: ['respondent'],
  abonnement: ['subscription'],
  paiements: ['contestedPayment'],
  remboursement: ['refund'],
  donnees: ['dataRequest'],
  decision: ['decision'],
  // The mediation already tried is asked right after the consumer mediator.
  interlocuteurs: ['bank', 'bankMediator', 'mediator', 'mediation', 'conciliator', 'court', 'authority'],
  lettre: ['letter'],
};

/** The first part of a path → its place. Everything not listed is in « Le problème ». */
const PLACES: Record<string, FieldPlace> = {
  contacts: { tab: 'journal', section: null },
  evidence: { tab: 'pieces', section: null },
  sendings: { tab: 'documents', section: null },
  ...Object.fromEntries(
    Object.entries(SECTION_DATA).flatMap(([section, heads]) => heads.map((head) => [head, { tab: 'faits', section: section as FactsSection }])),
  ),
};

/**
 * A whole fact that is missing (« subscription ») is asked for by its one required field, or by the « Ajouter »
 * button of its list: that is where the focus goes.
 */
const FOCUS_TARGETS: Record<string, string> = {
  order: 'order.date',
  'order.seller': 'order.seller.name',
  subscription: 'subscription.service',
  contestedPayment: 'contestedPayment.operations',
  refund: 'refund.reason',
  dataRequest: 'dataRequest.received',
  decision: 'decision.date',
  mediation: 'mediation.ended',
  'contestedPayment.policeReport': 'contestedPayment.policeReport.date',
  ...Object.fromEntries(OTHER_PARTIES.map((p) => [p, `${p}.name`])),
};

export function placeOfField(path: string): FieldPlace {
  const head = /^[^.[]+/.exec(path)?.[0] ?? '';
  return PLACES[head] ?? { tab: 'faits', section: 'probleme' };
}

export function tabForPath(path: string): CaseTab {
  return placeOfField(path).tab;
}

/** The path of the field that takes the focus for a problem at `path`. */
export function focusTarget(path: string): string {
  return FOCUS_TARGETS[path] ?? path;
}

/** The sections a dispute usually needs, shown open right after « Le problème »; the others stay folded. */
export const SECTIONS_FOR_DISPUTE: Record<DisputeType, readonly FactsSection[]> = {
  'non-delivery': ['commande'],
  'late-delivery': ['commande'],
  defective: ['commande'],
  'non-conforming': ['commande'],
  counterfeit: ['commande'],
  refund: ['commande', 'remboursement'],
  'marketplace-seller': ['commande'],
  subscription: ['abonnement'],
  privacy: ['donnees'],
  fraud: ['paiements', 'interlocuteurs'],
};
