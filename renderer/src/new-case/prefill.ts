/** The draft a new situation starts from, built here and stored only when something is saved. */
import type { Settings } from '../../../core/common/api/contract.js';
import { newCaseDraft } from '../../../core/common/case/new-case.js';
import { setAt, type Draft } from '../draft/paths.js';
import type { Situation } from './situations.js';

/** Removes blank strings and empty lists/objects, deeply: settings keep « » for what was never typed. */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutBlanks).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, withoutBlanks(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** Core's new case (the sender and place from the settings), with the demand this situation usually calls for. */
export function startDraft(settings: Settings, situation: Situation): Draft {
  let draft = newCaseDraft(settings, situation.disputeType, situation.markedDelivered);
  draft = setAt(draft, 'claimant', withoutBlanks(draft.claimant) ?? { address: {} });
  if (situation.demands[0]) draft = setAt(draft, 'dispute.demand', situation.demands[0]);
  if (situation.disputeType === 'subscription') draft = setAt(draft, 'subscription.service', 'Amazon Prime');
  return draft;
}

/** True while the settings hold no sender: Réglages is then suggested. */
export function senderMissing(settings: Settings | null): boolean {
  return !settings?.sender || !settings.sender.lastName.trim();
}
