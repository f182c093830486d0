/** Facts read off a case that several rules share: who sold, from where, what kind of dispute. */
import type { CaseFile, DisputeType } from '../case/schema.js';
import { lettersSent } from './ladder.js';

/** Small-claims threshold: the requête, and the prior amicable attempt the CPC requires, concern claims up to 5 000 € (fact sheet §2.7–2.8). */
export const SMALL_CLAIMS_LIMIT = 5000;

export const DELIVERY_DISPUTES: readonly DisputeType[] = ['non-delivery', 'late-delivery'];
export const GOODS_DISPUTES: readonly DisputeType[] = ['defective', 'non-conforming', 'counterfeit'];

/** The order was placed on Amazon, or Amazon is the professional written to. */
export function isAmazonCase(c: CaseFile): boolean {
  return /amazon/i.test(c.order?.platform ?? '') || /amazon/i.test(c.respondent.name);
}

/** Sold and shipped by a third-party seller (not Amazon, not « expédié par Amazon »): the A-to-z Guarantee's scope. */
export function isMarketplaceSale(c: CaseFile): boolean {
  const seller = c.order?.seller;
  return isAmazonCase(c) && seller !== undefined && !/amazon/i.test(seller.name) && c.order?.fulfilledByAmazon !== true;
}

/** The seller is a private person: the consumer code's guarantees do not apply, the civil code's do (fact sheet §1.5). */
export function sellerIsPrivate(c: CaseFile): boolean {
  return c.order?.seller?.professional === false;
}

/** The trader the dispute is with: the Marketplace seller when there is one, else the respondent. */
export function trader(c: CaseFile): { name: string; country: string | undefined } {
  const seller = c.order?.seller;
  if (seller && !/amazon/i.test(seller.name)) {
    const sameAsRespondent = c.respondent.name.trim().toLocaleLowerCase('fr-FR') === seller.name.trim().toLocaleLowerCase('fr-FR');
    const country = seller.address?.country ?? (sameAsRespondent ? c.respondent.address.country : undefined);
    return { name: seller.name, country };
  }
  return { name: c.respondent.name, country: c.respondent.address.country };
}

const FRANCE = /^(france|fr)$/i;

/** Member states of the EU, plus Iceland and Norway: the network of the European Consumer Centres (French names). */
const EEC_NET = [
  'allemagne', 'autriche', 'belgique', 'bulgarie', 'chypre', 'croatie', 'danemark', 'espagne', 'estonie', 'finlande',
  'grèce', 'hongrie', 'irlande', 'italie', 'lettonie', 'lituanie', 'luxembourg', 'malte', 'pays-bas', 'pologne',
  'portugal', 'république tchèque', 'tchéquie', 'roumanie', 'slovaquie', 'slovénie', 'suède', 'islande', 'norvège',
];

export type TraderLocation = 'france' | 'eu' | 'outside' | 'unknown';

/** Where the trader is established, from the country of its address (no country: France, as for a French address). */
export function traderLocation(c: CaseFile): TraderLocation {
  const t = trader(c);
  const sellerWithoutAddress = t.name !== c.respondent.name && c.order?.seller?.address === undefined;
  if (sellerWithoutAddress && t.country === undefined) return 'unknown';
  const country = (t.country ?? 'France').trim().toLocaleLowerCase('fr-FR');
  if (FRANCE.test(country)) return 'france';
  return EEC_NET.includes(country) ? 'eu' : 'outside';
}

/**
 * Where the dispute is judged to be, for the amicable steps: France for a fraud (the bank is French) and for a sale by
 * Amazon itself (probably invoiced by its French branch: fact sheet §7.7), else where the trader is established.
 */
export function disputeLocation(c: CaseFile): TraderLocation {
  const amazonRetail = isAmazonCase(c) && !isMarketplaceSale(c) && c.respondent.role !== 'seller';
  return c.dispute.type === 'fraud' || amazonRetail ? 'france' : traderLocation(c);
}

export type AmicableBody = 'mediator' | 'cec' | 'none';

/**
 * Who a letter may announce as the next amicable step: none once a mediation took place or was asked for on this dispute (L612-2 3°:
 * a dispute already examined by a mediator is inadmissible) or for a trader outside the EU, Iceland and Norway;
 * CEC France for a trader established in another of those states (fact sheet §2.5); else the consumer mediator.
 */
export function amicableBody(c: CaseFile): AmicableBody {
  if (c.mediation || lettersSent(c).some((k) => k.template === 'saisine-mediateur')) return 'none';
  const where = disputeLocation(c);
  if (where === 'eu') return 'cec';
  if (where === 'outside') return 'none';
  return 'mediator';
}
