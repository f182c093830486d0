/**
 * What an import proposes: each fact found, with the excerpt of the file it was read from, for the user to
 * confirm before anything is written; and how it merges into a case: what is missing is added, what the user
 * typed is never overwritten, a different value is a conflict shown to the user.
 */

/** Where a fact of a case goes: only these paths are ever written by an import. */
export const IMPORT_PATHS = [
  'order.platform', 'order.number', 'order.date', 'order.items', 'order.total', 'order.currency', 'order.payment',
  'order.seller.name', 'order.seller.address', 'order.promisedDelivery', 'order.delivered', 'order.carrier', 'order.tracking',
  'refund.returned', 'refund.returnTracking',
] as const;
export type ImportPath = (typeof IMPORT_PATHS)[number];

export interface ImportedFact {
  path: ImportPath;
  value: unknown;
  /** The words of the file the value comes from (one line or cell, shortened). */
  excerpt: string;
  /** The file's name. */
  source: string;
}

export type ImportSourceKind = 'amazon-export' | 'email' | 'invoice';

export interface ImportProposal {
  source: string;
  kind: ImportSourceKind;
  orderNumber: string | null;
  facts: ImportedFact[];
  /** What the user should know but no field holds (a refund seen in the export, totals that do not add up…), in French. */
  notes: string[];
}

/** One order of a file holding several: enough for the user to pick it. */
export interface OrderChoice {
  number: string;
  date: string | null;
  total: number | null;
  currency: string;
  firstItem: string;
  itemCount: number;
}

export type ImportOutcome = { kind: 'orders'; source: string; orders: OrderChoice[] } | { kind: 'proposal'; proposal: ImportProposal };

export interface ImportConflict {
  path: ImportPath;
  current: unknown;
  proposed: unknown;
  excerpt: string;
}

export interface MergeResult {
  draft: Record<string, unknown>;
  added: ImportedFact[];
  /** Already in the case with the same value. */
  same: ImportedFact[];
  conflicts: ImportConflict[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Nothing typed there yet: absent, blank text, an empty list, or a list of blank items. */
export function isBlank(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.every(isBlank);
  if (isObject(v)) return Object.values(v).every((x) => isBlank(x) || typeof x === 'number' || typeof x === 'boolean');
  return false;
}

function getAt(draft: Json, path: string): unknown {
  let node: unknown = draft;
  for (const key of path.split('.')) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

function setAt(draft: Json, path: string, value: unknown): Json {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...draft, [head]: value };
  const child = isObject(draft[head]) ? (draft[head] as Json) : {};
  return { ...draft, [head]: setAt(child, rest.join('.'), value) };
}

function canonical(v: unknown): string {
  if (typeof v === 'string') return v.trim().replace(/\s+/g, ' ').toLowerCase();
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v)) return `{${Object.keys(v).sort().map((k) => `${k}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * Merges the facts chosen by the user into a draft. `accepted` (paths) limits what is written; a conflict is
 * never resolved here: the user changes the field themselves, having seen both values.
 */
export function mergeFacts(draft: Json, facts: readonly ImportedFact[], accepted?: ReadonlySet<string>): MergeResult {
  let next = draft;
  const added: ImportedFact[] = [];
  const same: ImportedFact[] = [];
  const conflicts: ImportConflict[] = [];
  for (const fact of facts) {
    if (accepted && !accepted.has(fact.path)) continue;
    const current = getAt(next, fact.path);
    if (isBlank(current)) {
      next = setAt(next, fact.path, fact.value);
      added.push(fact);
    } else if (canonical(current) === canonical(fact.value)) {
      same.push(fact);
    } else {
      conflicts.push({ path: fact.path, current, proposed: fact.value, excerpt: fact.excerpt });
    }
  }
  return { draft: next, added, same, conflicts };
}

/** An excerpt short enough to read in a list: one line, at most `max` characters. */
export function excerptOf(text: string, max = 160): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
