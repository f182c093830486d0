/**
 * The facts of an order in the text of an e-mail or an invoice, found by their labels (French and English), never
 * by position: Amazon's wording changes over time and between countries, and sellers lay out invoices as they like.
 * A value is proposed only when a label introduces it; nothing is guessed.
 */
import { excerptOf, type ImportedFact, type ImportPath, type ImportProposal, type ImportSourceKind } from './proposal.js';
import { ORDER_NUMBER_IN_TEXT, parseAmount, parseDate, parseLabelledAmount } from './values.js';

interface Found {
  value: unknown;
  excerpt: string;
}

const AMOUNT_TEXT = String.raw`(?:EUR|USD|GBP|€|\$|£)?\s?-?\d[\d\s\u00a0\u202f.,]*\d(?:\s?(?:€|EUR|USD|GBP|\$|£))?|(?:€|\$|£)\s?\d+(?:[.,]\d{1,2})?|\d+\s?(?:€|EUR)`;

/** The first line (and its continuation) where `label` matches; the value is what follows the label. */
function labelled(lines: readonly string[], label: RegExp, read: (rest: string, line: string) => unknown): Found | null {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const m = label.exec(line);
    if (!m) continue;
    let rest = line.slice(m.index + m[0].length).replace(/^[\s:·\-–]+/, '');
    // The value may sit on the next line (« Total de la commande : » then « 849,99 € »).
    if (rest.trim() === '' && i + 1 < lines.length) rest = lines[i + 1] as string;
    const value = read(rest, line);
    if (value !== null && value !== undefined && value !== '') return { value, excerpt: excerptOf(rest === line ? line : `${line.trim()} ${rest === lines[i + 1] ? rest : ''}`) };
  }
  return null;
}

const ORDER_DATE = /(pass[ée]e le|command[ée]e? le|date de (la )?commande|order date|order placed|placed on|ordered on)\b/i;
const PROMISED = /(livraison (estim[ée]e|pr[ée]vue)|arriv[ée]e pr[ée]vue|date de livraison (estim[ée]e|pr[ée]vue)|livraison garantie|estimated delivery|delivery estimate|arriving|guaranteed delivery)\b/i;
const DELIVERED = /(livr[ée]e? le|a [ée]t[ée] livr[ée]e? le|delivered on|was delivered)\b/i;
const TOTAL = [
  /(total de la commande|montant total de la commande|total ttc|montant total|total à payer|total pay[ée]|order total|grand total|total charged)\b/i,
  /^\s*total\b/i,
];
const SELLER = /(vendu par|sold by|vendeur)\s*:?/i;
const CARRIER = /(transporteur|carrier|exp[ée]di[ée]e? avec|shipped with|livr[ée]e? par|delivered by)\s*:?/i;
const TRACKING = /(num[ée]ro de suivi|n°\s*de suivi|tracking (number|id|#)|suivi du colis)\s*:?/i;
const QUANTITY = /^\s*(?:quantit[ée]|qt[ée]|quantity|qty)\s*:?\s*(\d{1,4})\b/i;
const ITEM_LINE = new RegExp(String.raw`^\s*(\d{1,3})\s*[x×]\s+(.+?)\s+(?:[-–—:]\s*)?(${AMOUNT_TEXT})\s*$`, 'i');
const TABLE_LINE = new RegExp(String.raw`^\s*(.{3,}?)\s+(\d{1,3})\s+(${AMOUNT_TEXT})\s+(${AMOUNT_TEXT})\s*$`, 'i');
const POSTAL = /^\s*(?:(L-\d{4}|\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|D-\d{5})\s+(.+)|(.+?)\s+(\d{5}))\s*$/;
/** Lines that are labels or boilerplate, never an article's name. */
const NOT_AN_ITEM = /(commande|order|total|livraison|delivery|quantit|qty|prix|price|vendu|sold|tva|vat|sous-total|subtotal|frais|shipping|merci|thank|bonjour|hello|adresse|address|facture|invoice|date|€\s*$)/i;

function money(text: string): number | null {
  const a = parseAmount(text);
  return a ? a.value : null;
}

function seller(rest: string): string | null {
  const name = rest.split(/\s+(?:et exp[ée]di[ée]|and (?:shipped|fulfilled)|\||·|—|-\s)/i)[0]?.replace(/[,;]+$/, '').trim() ?? '';
  return name.length >= 2 && name.length <= 120 ? name : null;
}

function items(lines: readonly string[]): Found | null {
  const found: { description: string; quantity: number; unitPrice: number }[] = [];
  const excerpts: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const direct = ITEM_LINE.exec(line);
    if (direct) {
      const quantity = Number(direct[1]);
      const price = money(direct[3] as string);
      if (price !== null && quantity > 0) {
        found.push({ description: (direct[2] as string).trim(), quantity, unitPrice: Math.round((price / quantity) * 100) / 100 });
        excerpts.push(line);
      }
      continue;
    }
    const row = TABLE_LINE.exec(line);
    if (row && !NOT_AN_ITEM.test(row[1] as string)) {
      const quantity = Number(row[2]);
      const unit = money(row[3] as string);
      if (unit !== null && quantity > 0) {
        found.push({ description: (row[1] as string).trim(), quantity, unitPrice: unit });
        excerpts.push(line);
      }
      continue;
    }
    const q = QUANTITY.exec(line);
    if (!q) continue;
    // « Article » then « Quantité : 1 » then the price (on the quantity's line or one of the next two).
    let d = i - 1;
    while (d >= 0 && ((lines[d] as string).trim() === '' || NOT_AN_ITEM.test(lines[d] as string))) d -= 1;
    const description = d >= 0 ? (lines[d] as string).trim() : '';
    const priceText = [line.slice(q.index + q[0].length), lines[i + 1] ?? '', lines[i + 2] ?? ''].find((t) => /\d/.test(t) && money(t) !== null);
    const price = priceText !== undefined ? money(priceText) : null;
    if (description && price !== null) {
      const quantity = Number(q[1]);
      found.push({ description, quantity, unitPrice: price });
      excerpts.push(`${description} ${line.trim()} ${priceText?.trim() ?? ''}`);
    }
  }
  return found.length > 0 ? { value: found, excerpt: excerptOf(excerpts.join(' ; ')) } : null;
}

/** The seller's address: the lines after « Vendu par » / « Vendeur » down to the one with a postal code and town. */
function sellerAddress(lines: readonly string[]): Found | null {
  for (let i = 0; i < lines.length; i += 1) {
    if (!SELLER.test(lines[i] as string)) continue;
    const block: string[] = [];
    for (let k = i + 1; k < Math.min(lines.length, i + 6); k += 1) {
      const line = (lines[k] as string).trim();
      if (!line) break;
      const m = POSTAL.exec(line);
      if (m && block.length > 0) {
        const postalCode = (m[1] ?? m[4]) as string;
        const city = ((m[2] ?? m[3]) as string).replace(/[,.]$/, '').trim();
        const country = lines[k + 1] && /^(france|luxembourg|allemagne|germany|deutschland|belgique|espagne|italie|royaume-uni|united kingdom)$/i.test((lines[k + 1] as string).trim()) ? (lines[k + 1] as string).trim() : undefined;
        return { value: { lines: block.slice(0, 4), postalCode, city, ...(country ? { country } : {}) }, excerpt: excerptOf([...block, line].join(', ')) };
      }
      block.push(line);
    }
  }
  return null;
}

export interface TextFactsOptions {
  source: string;
  kind: ImportSourceKind;
  /** Year for dates written without one (« lundi 14 septembre »): the year the message was sent. */
  year?: number;
  /** The message's own date, for notices that say « livré » without a date. */
  sentOn?: string | null;
  /** True for a « livré » / « delivered » notice. */
  deliveryNotice?: boolean;
  platform?: string | null;
  /** Where the platform was read (the sender's address, for an e-mail). */
  platformExcerpt?: string;
}

/** Every order fact the text states, each with the line it was read from. */
export function factsFromText(text: string, options: TextFactsOptions): ImportProposal {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[\u00a0\u202f]/g, ' ').replace(/[ \t]+/g, ' ').trim()).filter((l, i, all) => l !== '' || all[i - 1] !== '');
  const facts: ImportedFact[] = [];
  const add = (path: ImportPath, f: Found | null) => {
    if (f) facts.push({ path, value: f.value, excerpt: f.excerpt, source: options.source });
  };
  if (options.platform) add('order.platform', { value: options.platform, excerpt: excerptOf(options.platformExcerpt ?? options.platform) });
  const numberLine = lines.find((l) => ORDER_NUMBER_IN_TEXT.test(l));
  const orderNumber = numberLine ? (ORDER_NUMBER_IN_TEXT.exec(numberLine)?.[1] ?? null) : null;
  if (orderNumber) add('order.number', { value: orderNumber, excerpt: excerptOf(numberLine as string) });
  const date = (rest: string) => parseDate(rest, 'Europe/Paris', options.year);
  add('order.date', labelled(lines, ORDER_DATE, date));
  add('order.promisedDelivery', labelled(lines, PROMISED, date));
  const delivered = labelled(lines, DELIVERED, date);
  if (delivered) add('order.delivered', delivered);
  else if (options.deliveryNotice && options.sentOn) add('order.delivered', { value: options.sentOn, excerpt: excerptOf(lines.find((l) => /livr[ée]|delivered/i.test(l)) ?? 'Colis livré') });
  add('order.items', items(lines));
  for (const label of TOTAL) {
    const total = labelled(lines, label, (rest) => (/\d/.test(rest) ? parseLabelledAmount(rest) : null));
    if (total) {
      const amount = total.value as { value: number; currency: string | null };
      add('order.total', { value: amount.value, excerpt: total.excerpt });
      if (amount.currency) add('order.currency', { value: amount.currency, excerpt: total.excerpt });
      break;
    }
  }
  // « Vendu par Amazon »: the platform itself, not a Marketplace seller (whose block the case keeps for third parties).
  const sellerName = labelled(lines, SELLER, (rest) => seller(rest));
  const notes: string[] = [];
  if (sellerName && /^amazon\b/i.test(String(sellerName.value))) notes.push(`Vendu par ${String(sellerName.value)} : la plateforme elle-même, pas un vendeur tiers.`);
  else {
    add('order.seller.name', sellerName);
    add('order.seller.address', sellerAddress(lines));
  }
  add('order.carrier', labelled(lines, CARRIER, (rest) => {
    const name = rest.split(/\s+(?:avec le|with|num[ée]ro|tracking|n°)/i)[0]?.replace(/[.,;]+$/, '').trim() ?? '';
    return name.length >= 2 && name.length <= 60 && !/^\d+$/.test(name) ? name : null;
  }));
  add('order.tracking', labelled(lines, TRACKING, (rest) => /^\s*([A-Z0-9]{8,30})\b/i.exec(rest)?.[1] ?? null));
  return { source: options.source, kind: options.kind, orderNumber, facts, notes };
}
