/** The few facts of a case that the cases list shows and searches, read from a draft that may be incomplete. */
import { DISPUTE_TYPES } from '../../common/case/schema.js';
import type { Draft } from './migrate.js';

export interface ListFacts {
  claimantName: string;
  respondentName: string;
  disputeType: string | null;
  orderNumber: string | null;
  platform: string | null;
  /** Lower case, without accents: what a search is matched against. */
  searchText: string;
}

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** « Élodie » and « elodie » match: search ignores case and accents. */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr-FR').replace(/\s+/g, ' ');
}

export function listFacts(draft: Draft): ListFacts {
  const claimant = obj(draft.claimant);
  const respondent = obj(draft.respondent);
  const order = obj(draft.order);
  const dispute = obj(draft.dispute);
  const type = str(dispute.type);
  const claimantName = [str(claimant.firstName), str(claimant.lastName)].filter(Boolean).join(' ');
  const items = Array.isArray(order.items) ? order.items.map((i) => str(obj(i).description)) : [];
  const searchText = searchable(
    [claimantName, str(respondent.name), str(order.number), str(order.platform), str(obj(order.seller).name), ...items, str(dispute.facts)]
      .filter(Boolean)
      .join(' \u0001 '),
  );
  return {
    claimantName,
    respondentName: str(respondent.name),
    disputeType: (DISPUTE_TYPES as readonly string[]).includes(type) ? type : null,
    orderNumber: str(order.number) || null,
    platform: str(order.platform) || null,
    searchText,
  };
}

/** Every word of the query must appear (in any field). */
export function matchesQuery(facts: Pick<ListFacts, 'searchText'>, query: string): boolean {
  const words = searchable(query).split(' ').filter(Boolean);
  return words.every((w) => facts.searchText.includes(w));
}
