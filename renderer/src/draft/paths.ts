/**
 * Reading and writing a case draft by field path (« order.items[0].unitPrice », the paths core reports problems
 * with). Writes are immutable; writing undefined removes the field, and an object or list left empty by that is
 * removed too, so that clearing an optional field never leaves « ne doit pas être vide » behind.
 */
export type Draft = Record<string, unknown>;
type Key = string | number;

export function parsePath(path: string): Key[] {
  const keys: Key[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return keys;
}

export function getAt(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, unknown>)[key];
  }
  return cur;
}

function isEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length === 0;
}

function setIn(container: unknown, keys: Key[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  const child = container !== null && typeof container === 'object' ? (container as Record<Key, unknown>)[key] : undefined;
  const next = setIn(child, rest, value);
  if (typeof key === 'number') {
    const list = Array.isArray(container) ? [...(container as unknown[])] : [];
    // Writing undefined to an element removes it from the list (« Retirer cet article »).
    if (next === undefined) {
      list.splice(key, 1);
      return list;
    }
    // Holes would travel as null: fill them with empty entries of the same kind.
    for (let i = list.length; i < key; i += 1) list[i] = typeof next === 'object' ? {} : '';
    list[key] = next;
    return list;
  }
  const object = { ...(container !== null && typeof container === 'object' && !Array.isArray(container) ? container : {}) } as Record<string, unknown>;
  if (next === undefined || (rest.length > 0 && isEmptyContainer(next))) delete object[key];
  else object[key] = next;
  return object;
}

export function setAt(draft: Draft, path: string, value: unknown): Draft {
  return setIn(draft, parsePath(path), value) as Draft;
}

/** True when a field holds something a user typed (not undefined, not blank, not an empty list). */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
