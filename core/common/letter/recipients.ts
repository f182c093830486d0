/**
 * Who a letter goes to. Most letters go to the respondent (the professional); some go to another party the case
 * records — the Marketplace seller, the claimant's bank, the mediator, the conciliator, the court, or whoever took the
 * decision a reconsideration challenges (`decision.party`) — and texts filed
 * on a website (SignalConso, CEC France, A-to-z claim) show fixed lines from the template instead of an address.
 */
import type { Address, CaseFile } from '../case/schema.js';
import { FIELD_LABELS } from '../case/labels.js';
import type { Problem } from '../case/validate.js';
import type { RecipientParty, TemplateMeta } from '../templates/metadata.js';

export type Recipient =
  | { kind: 'party'; name: string; department?: string; address: Address; isRespondent: boolean; online: false }
  | { kind: 'fixed'; lines: string[]; isRespondent: false; online: boolean };

type RecipientMeta = Pick<TemplateMeta, 'recipient'>;

/** The Marketplace seller: the respondent when the case is against it, else `order.seller` with its address. */
function seller(c: CaseFile): Recipient | undefined {
  const s = c.order?.seller;
  // A draft being typed may lack names: compare only what is there.
  const respondentName = (c.respondent?.name ?? '').trim().toLocaleLowerCase('fr-FR');
  const sameName = respondentName !== '' && (s?.name ?? '').trim().toLocaleLowerCase('fr-FR') === respondentName;
  if (c.respondent?.role === 'seller' || sameName) return fromRespondent(c);
  if (s?.address) return { kind: 'party', name: s.name, address: s.address, isRespondent: false, online: false };
  return undefined;
}

function fromRespondent(c: CaseFile): Recipient {
  const r = c.respondent;
  return { kind: 'party', name: r.name, ...(r.department ? { department: r.department } : {}), address: r.address, isRespondent: true, online: false };
}

type Addressee = Exclude<RecipientParty, 'decision'>;

/** The party a template's `recipient` names for this case: `decision` resolves to the decision's author. */
function addresseeOf(c: CaseFile, to: RecipientParty): Addressee {
  return to === 'decision' ? c.decision?.party ?? 'respondent' : to;
}

const PARTY_PATHS: Record<Exclude<Addressee, 'respondent'>, string> = {
  seller: 'order.seller.address',
  bank: 'bank',
  mediator: 'mediator',
  conciliator: 'conciliator',
  court: 'court',
  bankMediator: 'bankMediator',
  authority: 'authority',
};

/** The recipient, or undefined when the case does not name that party (see recipientProblems). */
export function recipientOf(c: CaseFile, meta: RecipientMeta): Recipient | undefined {
  const to = meta.recipient;
  if (typeof to === 'object') return { kind: 'fixed', lines: to.lines, isRespondent: false, online: to.online };
  const who = addresseeOf(c, to);
  if (who === 'respondent') return fromRespondent(c);
  if (who === 'seller') return seller(c);
  const p = c[who];
  if (!p) return undefined;
  return { kind: 'party', name: p.name, ...(p.department ? { department: p.department } : {}), address: p.address, isRespondent: false, online: false };
}

/** The fact missing to address the letter, in the words of missingFacts. */
export function recipientProblems(c: CaseFile, meta: RecipientMeta & Pick<TemplateMeta, 'title'>): Problem[] {
  const to = meta.recipient;
  if (typeof to === 'object') return [];
  // The respondent is a fact of its own (validation names it); a draft being typed may not have it yet.
  const who = addresseeOf(c, to);
  if (who === 'respondent' || recipientOf(c, meta) !== undefined) return [];
  const path = who === 'seller' && !c.order?.seller ? 'order.seller' : PARTY_PATHS[who];
  const label = FIELD_LABELS[path] ?? path;
  return [{ path, message: `${label[0]?.toUpperCase()}${label.slice(1)} (${path}) : nécessaire pour « ${meta.title} »` }];
}
