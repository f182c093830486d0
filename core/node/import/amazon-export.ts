/**
 * Amazon's data export (« Demander mes données »): the zip, or its Retail.OrderHistory.N.csv alone. One row per
 * item line, several orders per file; columns found by name (exports differ); « Not Available » is no value.
 * The returns and refunds files, when the zip holds them, tell what was sent back and what was refunded.
 */
import { unzipSync } from 'fflate';
import { excerptOf, type ImportedFact, type ImportOutcome, type ImportProposal, type OrderChoice } from '../../common/import/proposal.js';
import { parseAmount, parseDate } from '../../common/import/values.js';
import { formatAmount } from '../../common/format/money.js';
import { formatLongDate } from '../../common/format/dates.js';
import { csvRecords, CsvError, parseCsv } from './csv.js';
import { beyondLimit, IMPORT_LIMITS, ImportProblem } from './problem.js';
import { displayFileName } from '../../common/format/display-name.js';
import { compareIsoDates } from '../../common/format/dates.js';

export interface ExportFile {
  name: string;
  text: string;
}

type Row = Record<string, string>;

const EMPTY = /^(not available|not applicable|n\/a|)$/i;

function value(row: Row, column: string): string | null {
  const v = row[column]?.trim() ?? '';
  return EMPTY.test(v) ? null : v;
}

function amountOf(row: Row, column: string): number | null {
  const v = value(row, column);
  return v === null ? null : (parseAmount(v)?.value ?? null);
}

const ORDER_HISTORY = /(^|\/)Retail\.OrderHistory\.\d+(\/[^/]*)?\.csv$/i;
const RETURNS = /(^|\/)Retail\.(CustomerReturns|OrdersReturned)\.\d+(\/[^/]*)?\.csv$/i;
const REFUNDS = /(^|\/)Retail\.OrdersReturned\.Payments\.\d+(\/[^/]*)?\.csv$/i;
const REQUIRED = ['Order ID', 'Order Date', 'Product Name'];

/** Carriers' codes as the export writes them → the name a letter can use. */
const CARRIERS: Record<string, string> = { AMZN_FR: 'Amazon Logistics', AMZN_UK: 'Amazon Logistics', AMZN_US: 'Amazon Logistics', AMZN: 'Amazon Logistics' };

function carrierAndTracking(raw: string): { carrier: string; tracking: string | null } {
  const m = /^\s*([^()]+?)\s*\(([^()]+)\)/.exec(raw);
  if (!m) return { carrier: raw.trim(), tracking: null };
  const code = (m[1] as string).trim();
  return { carrier: CARRIERS[code.toUpperCase()] ?? code, tracking: (m[2] as string).trim() };
}

function platformOf(website: string): string {
  return /amazon/i.test(website) ? 'Amazon' : website;
}

function timeZoneOf(website: string | null): string {
  return website && /\.(com|ca)$/i.test(website) ? 'America/New_York' : website && /\.co\.uk$/i.test(website) ? 'Europe/London' : 'Europe/Paris';
}

function cell(column: string, raw: string | null): string {
  return excerptOf(`${column} : ${raw ?? ''}`);
}

/** The order history's columns this reader uses (the others are not even copied out of the CSV rows). */
const HISTORY_USED = new Set([
  'Website', 'Order ID', 'Order Date', 'Currency', 'Unit Price', 'Unit Price Tax', 'Shipping Charge', 'Total Discounts', 'Total Owed',
  'Quantity', 'Payment Instrument Type', 'Order Status', 'Ship Date', 'Carrier Name & Tracking Number', 'Product Name',
]);

/** Reads one CSV file of the export into records; foreign or malformed files get a French message naming them. */
function records(file: ExportFile, source: string, wanted?: ReadonlySet<string>): { columns: string[]; rows: Row[] } {
  let rows: string[][];
  try {
    rows = parseCsv(file.text);
  } catch (e) {
    if (e instanceof CsvError) throw new ImportProblem(source, `le fichier CSV ${file.name !== source ? `« ${displayFileName(file.name)} » ` : ''}est mal formé (${e.message})`);
    throw e;
  }
  const { columns, records: list } = csvRecords(rows, wanted);
  return { columns, rows: list };
}

function groupOrders(rows: Row[]): Map<string, Row[]> {
  const orders = new Map<string, Row[]>();
  for (const row of rows) {
    const id = value(row, 'Order ID');
    if (!id) continue;
    const list = orders.get(id);
    if (list) list.push(row);
    else orders.set(id, [row]);
  }
  return orders;
}

function orderTotal(rows: Row[]): number | null {
  let total = 0;
  for (const row of rows) {
    const owed = amountOf(row, 'Total Owed');
    if (owed === null) return null;
    total += owed;
  }
  return Math.round(total * 100) / 100;
}

function choice(number: string, rows: Row[]): OrderChoice {
  const first = rows[0] as Row;
  const website = value(first, 'Website');
  const date = value(first, 'Order Date');
  return {
    number,
    date: date ? parseDate(date, timeZoneOf(website)) : null,
    total: orderTotal(rows),
    currency: value(first, 'Currency') ?? 'EUR',
    firstItem: value(first, 'Product Name') ?? '',
    itemCount: rows.length,
  };
}

/** The facts of one order, from its rows (and the returns and refunds files when there are some). */
function proposalFor(number: string, rows: Row[], source: string, extra: { returns: Row[]; refunds: Row[] }): ImportProposal {
  const facts: ImportedFact[] = [];
  const notes: string[] = [];
  const add = (path: ImportedFact['path'], v: unknown, excerpt: string) => facts.push({ path, value: v, excerpt, source });
  const first = rows[0] as Row;
  const website = value(first, 'Website');
  if (website) add('order.platform', platformOf(website), cell('Website', website));
  add('order.number', number, cell('Order ID', number));
  const rawDate = value(first, 'Order Date');
  const date = rawDate ? parseDate(rawDate, timeZoneOf(website)) : null;
  if (date) add('order.date', date, cell('Order Date', rawDate));
  const currency = value(first, 'Currency');
  if (currency && /^[A-Z]{3}$/.test(currency)) add('order.currency', currency, cell('Currency', currency));

  const items = rows.map((row) => {
    const quantity = Math.max(1, Math.round(amountOf(row, 'Quantity') ?? 1));
    const unit = (amountOf(row, 'Unit Price') ?? 0) + (amountOf(row, 'Unit Price Tax') ?? 0);
    return { description: value(row, 'Product Name') ?? 'Article', quantity, unitPrice: Math.round(unit * 100) / 100 };
  });
  add('order.items', items, excerptOf(rows.map((r) => `${value(r, 'Quantity') ?? '1'} × ${value(r, 'Product Name') ?? '?'} (${value(r, 'Unit Price') ?? '?'})`).join(' ; ')));

  const total = orderTotal(rows);
  if (total !== null) add('order.total', total, excerptOf(`Total Owed : ${rows.map((r) => value(r, 'Total Owed')).join(' + ')}`));
  // Total Owed = Unit Price × Quantity + tax + shipping + discounts was observed, not documented: say when it does not hold.
  for (const row of rows) {
    const owed = amountOf(row, 'Total Owed');
    const parts = (amountOf(row, 'Unit Price') ?? 0) * (amountOf(row, 'Quantity') ?? 1) + (amountOf(row, 'Unit Price Tax') ?? 0) * (amountOf(row, 'Quantity') ?? 1)
      + (amountOf(row, 'Shipping Charge') ?? 0) + (amountOf(row, 'Total Discounts') ?? 0);
    const discount = amountOf(row, 'Total Discounts');
    if (discount) notes.push(`Remise de ${formatAmount(Math.abs(discount), currency ?? 'EUR')} sur « ${excerptOf(value(row, 'Product Name') ?? '', 60)} ».`);
    if (owed !== null && Math.abs(owed - parts) > 0.011) {
      notes.push(`Pour « ${excerptOf(value(row, 'Product Name') ?? '', 60)} », le montant dû (${formatAmount(owed, currency ?? 'EUR')}) ne correspond pas au prix, aux frais et aux remises de la ligne : vérifiez le total.`);
    }
  }
  const payment = value(first, 'Payment Instrument Type');
  if (payment) add('order.payment', payment, cell('Payment Instrument Type', payment));
  const shipping = rows.map((r) => value(r, 'Carrier Name & Tracking Number')).find((v) => v !== null);
  if (shipping) {
    const { carrier, tracking } = carrierAndTracking(shipping);
    add('order.carrier', carrier, cell('Carrier Name & Tracking Number', shipping));
    if (tracking) add('order.tracking', tracking, cell('Carrier Name & Tracking Number', shipping));
  }
  const shipDate = rows.map((r) => value(r, 'Ship Date')).find((v) => v !== null);
  const shipped = shipDate ? parseDate(shipDate, timeZoneOf(website)) : null;
  if (shipped) notes.push(`Expédiée le ${formatLongDate(shipped)}.`);
  const status = value(first, 'Order Status');
  if (status && /cancel/i.test(status)) notes.push('L’export indique que cette commande a été annulée (« Cancelled »).');

  for (const r of extra.returns.filter((x) => Object.entries(x).some(([k, v]) => /order.?id/i.test(k) && v.trim() === number))) {
    const dateColumn = Object.keys(r).find((k) => /date/i.test(k) && parseDate(r[k] ?? ''));
    const returned = dateColumn ? parseDate(r[dateColumn] ?? '', timeZoneOf(website)) : null;
    if (returned && !facts.some((f) => f.path === 'refund.returned')) add('refund.returned', returned, cell(dateColumn as string, r[dateColumn as string] ?? ''));
  }
  for (const r of extra.refunds.filter((x) => (x['OrderID'] ?? x['Order ID'] ?? '').trim() === number)) {
    const amount = amountOf(r, 'AmountRefunded');
    const when = value(r, 'RefundCompletionDate');
    const day = when ? parseDate(when, timeZoneOf(website)) : null;
    if (amount !== null) notes.push(`Remboursement de ${formatAmount(amount, value(r, 'Currency') ?? currency ?? 'EUR')}${day ? ` le ${formatLongDate(day)}` : ''}${value(r, 'Status') ? ` (${value(r, 'Status')})` : ''}.`);
  }
  return { source, kind: 'amazon-export', orderNumber: number, facts, notes: [...new Set(notes)] };
}

/** The orders of an export's files; with `order`, the facts of that order. */
export function readAmazonExport(files: readonly ExportFile[], source: string, order?: string): ImportOutcome {
  const history = files.filter((f) => ORDER_HISTORY.test(f.name) || (files.length === 1 && /\.csv$/i.test(f.name)));
  if (history.length === 0) throw new ImportProblem(source, 'ce n’est pas un export de données Amazon : il ne contient aucun fichier « Retail.OrderHistory…csv »');
  const rows: Row[] = [];
  for (const file of history) {
    const { columns, rows: list } = records(file, source, HISTORY_USED);
    const missing = REQUIRED.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      throw new ImportProblem(source, `ce n’est pas l’historique des commandes d’Amazon : colonne${missing.length > 1 ? 's' : ''} ${missing.map((c) => `« ${c} »`).join(', ')} absente${missing.length > 1 ? 's' : ''}`);
    }
    rows.push(...list);
  }
  const orders = groupOrders(rows);
  if (orders.size === 0) throw new ImportProblem(source, 'l’historique des commandes ne contient aucune commande');
  if (order === undefined) {
    if (orders.size === 1) {
      const [number, list] = [...orders][0] as [string, Row[]];
      return { kind: 'proposal', proposal: proposalFor(number, list, source, extras(files, source)) };
    }
    const list = [...orders].map(([number, r]) => choice(number, r)).sort((a, b) => compareIsoDates(b.date ?? '', a.date ?? ''));
    return { kind: 'orders', source, orders: list };
  }
  const chosen = orders.get(order.trim());
  if (!chosen) throw new ImportProblem(source, `la commande n° ${order} ne figure pas dans l’historique (${orders.size} commande${orders.size > 1 ? 's' : ''} trouvée${orders.size > 1 ? 's' : ''})`);
  return { kind: 'proposal', proposal: proposalFor(order.trim(), chosen, source, extras(files, source)) };
}

function extras(files: readonly ExportFile[], source: string): { returns: Row[]; refunds: Row[] } {
  const read = (re: RegExp) => files.filter((f) => re.test(f.name)).flatMap((f) => records(f, source).rows);
  return { returns: read(RETURNS), refunds: read(REFUNDS) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCsv(bytes: Uint8Array, source: string, name = source): string {
  if (bytes.length > IMPORT_LIMITS.csvBytes) throw new ImportProblem(source, `le fichier « ${displayFileName(name)} » ${beyondLimit(IMPORT_LIMITS.csvBytes)}`);
  try {
    return utf8.decode(bytes);
  } catch {
    throw new ImportProblem(source, `le fichier « ${displayFileName(name)} » n’est pas un texte UTF-8`);
  }
}

/** The CSV files of an export zip that an import reads (photos and other datasets are not even decompressed). */
export function exportFilesFromZip(bytes: Uint8Array, source: string): ExportFile[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => (ORDER_HISTORY.test(f.name) || RETURNS.test(f.name) || REFUNDS.test(f.name)) && f.originalSize <= IMPORT_LIMITS.csvBytes,
    });
  } catch {
    throw new ImportProblem(source, 'l’archive zip est illisible ou endommagée');
  }
  return Object.entries(entries).map(([name, data]) => ({ name, text: decodeCsv(data, source, name) }));
}
