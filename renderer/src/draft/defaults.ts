/** Sensible defaults a user should not have to type: an article is bought once unless they say otherwise. */
import { getAt, setAt, type Draft } from './paths.js';

export function withDefaults(draft: Draft, changedPath: string): Draft {
  const m = /^order\.items\[(\d+)\]\.(description|unitPrice)$/.exec(changedPath);
  if (m && getAt(draft, `order.items[${m[1]}].quantity`) === undefined && getAt(draft, `order.items[${m[1]}]`) !== undefined) {
    return setAt(draft, `order.items[${m[1]}].quantity`, 1);
  }
  return draft;
}
