/** What a new case can know before the user types anything: their identity and place from the settings. */
import type { Settings } from '../../../core/common/api/contract.js';
import { getAt, isFilled, setAt, type Draft } from '../draft/paths.js';
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

export function prefillDraft(draft: Draft, settings: Settings | null, situation: Situation): Draft {
  let next = draft;
  const sender = settings?.sender ? withoutBlanks(settings.sender) : undefined;
  if (!isFilled(getAt(next, 'claimant')) && sender) next = setAt(next, 'claimant', sender);
  if (!isFilled(getAt(next, 'letter.place')) && settings?.defaultPlace.trim()) next = setAt(next, 'letter.place', settings.defaultPlace.trim());
  if (!isFilled(getAt(next, 'dispute.demand')) && situation.demands[0]) next = setAt(next, 'dispute.demand', situation.demands[0]);
  if (situation.fields.includes('order.platform') && !isFilled(getAt(next, 'order.platform'))) next = setAt(next, 'order.platform', 'Amazon');
  return next;
}
