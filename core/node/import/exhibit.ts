/** The imported file as an exhibit of the case, so that a letter can cite it; the same file twice is one exhibit. */
import { exhibitTitle } from '../../common/import/describe.js';
import type { ImportProposal } from '../../common/import/proposal.js';

export interface ExhibitEntry {
  id: string;
  file: string;
  originalName?: string;
  title: string;
  date?: string;
}

/** A key (« commande-402-… ») not yet used by the case's exhibits. */
export function exhibitKey(proposal: ImportProposal, taken: ReadonlySet<string>): string {
  const base = proposal.kind === 'invoice' ? 'facture' : proposal.kind === 'amazon-export' ? 'export-amazon' : 'email-commande';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

export function exhibitEntry(proposal: ImportProposal, file: string, existing: readonly { id?: string; file?: string }[], originalName?: string): ExhibitEntry | null {
  if (existing.some((e) => e.file === file)) return null;
  const date = proposal.facts.find((f) => f.path === 'order.date')?.value;
  return {
    id: exhibitKey(proposal, new Set(existing.map((e) => e.id ?? ''))),
    file,
    ...(originalName ? { originalName } : {}),
    title: exhibitTitle(proposal),
    ...(proposal.kind !== 'amazon-export' && typeof date === 'string' ? { date } : {}),
  };
}
