/**
 * Files a consumer gets from Amazon, made by the tests (no binary fixture committed): data exports (CSV with a BOM,
 * every field quoted, CRLF; zip), order e-mails (French and English, text, HTML only, quoted-printable, base64) and
 * invoices (PDF with a text layer, and a scan without one). Wording follows ../shared/reference/amazon-exports.md.
 */
import { zipSync, strToU8 } from 'fflate';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';

export const HISTORY_COLUMNS = [
  'Website', 'Order ID', 'Order Date', 'Purchase Order Number', 'Currency', 'Unit Price', 'Unit Price Tax', 'Shipping Charge',
  'Total Discounts', 'Total Owed', 'Shipment Item Subtotal', 'Shipment Item Subtotal Tax', 'ASIN', 'Product Condition',
  'Quantity', 'Payment Instrument Type', 'Order Status', 'Shipment Status', 'Ship Date', 'Shipping Option', 'Shipping Address',
  'Billing Address', 'Carrier Name & Tracking Number', 'Product Name', 'Gift Message', 'Gift Sender Name',
  'Gift Recipient Contact Details', 'Item Serial Number',
];

export type HistoryRow = Partial<Record<(typeof HISTORY_COLUMNS)[number], string>>;

const NA = 'Not Available';

export function historyRow(row: HistoryRow): Record<string, string> {
  const base: Record<string, string> = {};
  for (const c of HISTORY_COLUMNS) base[c] = NA;
  return {
    ...base,
    Website: 'Amazon.fr', Currency: 'EUR', 'Unit Price Tax': '0', 'Shipping Charge': '0', 'Total Discounts': '0', Quantity: '1',
    'Payment Instrument Type': 'Visa - 4242', 'Order Status': 'Closed', 'Shipment Status': 'Shipped', 'Product Condition': 'New',
    'Shipping Address': 'Karim Benali 27 rue Paul Bert 69003 Lyon FR', ...row,
  } as Record<string, string>;
}

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** Retail.OrderHistory.1.csv as Amazon writes it: BOM, every field quoted, CRLF (options to vary each). */
export function historyCsv(rows: HistoryRow[], options: { bom?: boolean; crlf?: boolean; columns?: string[] } = {}): string {
  const columns = options.columns ?? HISTORY_COLUMNS;
  const eol = options.crlf === false ? '\n' : '\r\n';
  const lines = [columns.map(quote).join(','), ...rows.map((r) => {
    const full = historyRow(r);
    return columns.map((c) => quote(full[c] ?? NA)).join(',');
  })];
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join(eol)}${eol}`;
}

/** Three orders: the laptop, a two-item order with a discount, and an order with « Not Available » values. */
export const SEVERAL_ORDERS: HistoryRow[] = [
  { 'Order ID': '402-7719254-3381946', 'Order Date': '2026-09-28T16:05:11Z', 'Unit Price': '849.99', 'Total Owed': '849.99', 'Ship Date': '2026-09-30T08:00:00Z',
    'Carrier Name & Tracking Number': 'AMZN_FR(TBA318840217000)', 'Product Name': 'Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD' },
  { 'Order ID': '171-5550123-4445566', 'Order Date': '2026-06-30T22:30:00.123Z', 'Unit Price': '12.5', Quantity: '2', 'Total Discounts': "'-5", 'Total Owed': '20',
    'Carrier Name & Tracking Number': 'COLISSIMO(6A10293847561)', 'Product Name': 'Câble USB-C "tressé", 2 m' },
  { 'Order ID': '171-5550123-4445566', 'Order Date': '2026-06-30T22:30:00.123Z', 'Unit Price': '39.9', 'Shipping Charge': '4.99', 'Total Owed': '44.89',
    'Carrier Name & Tracking Number': 'COLISSIMO(6A10293847561)', 'Product Name': 'Chargeur secteur 65 W\nGaN, 3 ports' },
  { 'Order ID': '405-0000001-0000002', 'Order Date': '2025-12-01T10:00:00Z', 'Unit Price': '19.99', 'Total Owed': '19.99', 'Payment Instrument Type': NA,
    'Product Name': 'Livre de poche' },
];

export function exportZip(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}

export function fullExportZip(): Uint8Array {
  return exportZip({
    'Retail.OrderHistory.1/Retail.OrderHistory.1.csv': historyCsv(SEVERAL_ORDERS),
    'Retail.OrdersReturned.Payments.1/Retail.OrdersReturned.Payments.1.csv':
      '\uFEFF"OrderID","ReversalID","RefundCompletionDate","Currency","AmountRefunded","Status","DisbursementType"\r\n"171-5550123-4445566","R1","2026-07-20T09:00:00Z","EUR","44.89","Completed","Refund"\r\n',
    'Retail.CustomerReturns.1/Retail.CustomerReturns.1.csv': '"Order ID","Return Date","Quantity"\r\n"171-5550123-4445566","2026-07-10T12:00:00Z","1"\r\n',
    'YourOrders.PhotoOnDelivery/media/0b8e.jpeg': new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    'README.txt': 'Vos données',
  });
}

/** Quoted-printable, as mail clients write it (soft line breaks at 76 characters, =XX for non-ASCII bytes). */
function quotedPrintable(text: string): string {
  const bytes = new TextEncoder().encode(text.replace(/\r?\n/g, '\r\n'));
  let out = '';
  let line = '';
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b === 13 && bytes[i + 1] === 10) {
      out += `${line}\r\n`;
      line = '';
      i += 1;
      continue;
    }
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += piece;
  }
  return out + line;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

export interface EmailParts {
  from?: string;
  subject: string;
  date?: string;
  text?: string;
  html?: string;
  encoding?: 'quoted-printable' | 'base64';
}

export function email(parts: EmailParts): Uint8Array<ArrayBuffer> {
  const enc = parts.encoding ?? 'quoted-printable';
  const encode = (s: string) => (enc === 'base64' ? base64(s) : quotedPrintable(s));
  const head = [
    `From: ${parts.from ?? '"Amazon.fr" <confirmation-commande@amazon.fr>'}`,
    'To: karim.benali@exemple.fr',
    `Subject: =?UTF-8?B?${Buffer.from(parts.subject, 'utf8').toString('base64')}?=`,
    `Date: ${parts.date ?? 'Mon, 28 Sep 2026 18:05:40 +0200'}`,
    'MIME-Version: 1.0',
  ];
  const part = (type: string, body: string) => [`Content-Type: ${type}; charset=UTF-8`, `Content-Transfer-Encoding: ${enc}`, '', encode(body)].join('\r\n');
  let body: string;
  if (parts.text !== undefined && parts.html !== undefined) {
    body = ['Content-Type: multipart/alternative; boundary="b1"', '', '--b1', part('text/plain', parts.text), '--b1', part('text/html', parts.html), '--b1--', ''].join('\r\n');
  } else if (parts.html !== undefined) {
    body = part('text/html', parts.html);
  } else {
    body = part('text/plain', parts.text ?? '');
  }
  return new Uint8Array(new TextEncoder().encode(`${head.join('\r\n')}\r\n${body}\r\n`));
}

/** The laptop case's confirmation (examples/ordinateur-livre-jamais-recu.json), text and HTML, quoted-printable. */
export const LAPTOP_CONFIRMATION_TEXT = `Bonjour Karim,

Merci pour votre commande. Nous vous enverrons une confirmation lorsque votre article sera expédié.

Commande n° 402-7719254-3381946
Passée le lundi 28 septembre 2026

Livraison estimée : vendredi 2 octobre 2026

Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD
Vendu par : Amazon EU S.à r.l.
Quantité : 1
849,99 €

Total de la commande : 849,99 €

Voir ou gérer la commande : https://www.amazon.fr/gp/css/order-details?orderID=402-7719254-3381946
`;

export function laptopConfirmation(): Uint8Array<ArrayBuffer> {
  const html = `<html><body><p>Bonjour Karim,</p>${LAPTOP_CONFIRMATION_TEXT.split('\n\n').slice(1).map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`).join('')}</body></html>`;
  return email({ subject: 'Votre commande Amazon.fr de « Ordinateur portable Lenovo IdeaPad… »', text: LAPTOP_CONFIRMATION_TEXT, html });
}

/** A confirmation with no text part, HTML only, base64, with entities and a table for the articles. */
export function htmlOnlyConfirmation(): Uint8Array<ArrayBuffer> {
  const html = `<!doctype html><html><head><style>td{color:#333}</style></head><body>
<table><tr><td>Commande n&deg;&nbsp;<a href="https://www.amazon.fr/gp/your-account/order-details?orderID=171-5550123-4445566">171-5550123-4445566</a></td></tr>
<tr><td>Command&eacute;e le 1 juillet 2026</td></tr>
<tr><td>Arriv&eacute;e pr&eacute;vue : samedi 4 juillet</td></tr></table>
<table><tr><td>2 x C&acirc;ble USB-C tress&eacute;, 2 m</td><td>20,00&nbsp;&euro;</td></tr>
<tr><td>1 x Chargeur secteur 65 W GaN</td><td>44,89&nbsp;&euro;</td></tr></table>
<p>Vendu par : ChargeurPro FR</p>
<p>Total de la commande : 64,89&nbsp;&euro;</p></body></html>`;
  return email({ subject: 'Confirmation de votre commande', html, encoding: 'base64', date: 'Wed, 1 Jul 2026 00:31:00 +0200' });
}

/** amazon.co.uk-style English confirmation, text only. */
export function englishConfirmation(): Uint8Array<ArrayBuffer> {
  return email({
    from: '"Amazon.co.uk" <auto-confirm@amazon.co.uk>',
    subject: 'Your Amazon.co.uk order of "Kindle Paperwhite"',
    date: 'Mon, 14 Sep 2026 19:22:05 +0100',
    text: `Hello Karim,

Thank you for shopping with us.

Order # 026-1234567-7654321
Placed on Monday, September 14, 2026

Arriving: Thursday, September 17

Kindle Paperwhite (16 GB)
Sold by: Amazon EU S.a r.l., UK Branch
Quantity: 1
£149.99

Order Total: £149.99
`,
  });
}

/** The « livré » notification: the date is the message's own. */
export function deliveredNotice(): Uint8Array<ArrayBuffer> {
  return email({
    from: 'Amazon.fr <expedition@amazon.fr>',
    subject: 'Livré : votre colis Amazon.fr',
    date: 'Fri, 2 Oct 2026 14:12:00 +0200',
    text: `Votre colis a été livré.\nCommande n° 402-7719254-3381946\nTransporteur : Amazon Logistics\nNuméro de suivi : TBA318840217000\nRemis en main propre au résident.`,
  });
}

export function foreignEmail(): Uint8Array<ArrayBuffer> {
  return email({
    from: 'Offres <promo@boutique-exemple.com>',
    subject: 'Votre commande 402-7719254-3381946 : remboursement rapide',
    text: 'Cliquez ici pour être remboursé de la commande 402-7719254-3381946. Total : 849,99 €',
  });
}

/** A Marketplace seller's invoice on two pages, with a text layer (pdf-lib, standard font). */
export async function twoPageInvoice(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page1 = pdf.addPage([595, 842]);
  const lines1 = [
    'Facture n° FR-2026-004512',
    'Date de facturation : 02.07.2026',
    'Date de la commande : 30.06.2026',
    'Numéro de la commande : 171-5550123-4445566',
    'Vendu par : ChargeurPro FR',
    'ChargeurPro SARL',
    '12 rue des Artisans',
    '31000 Toulouse',
    'France',
    '',
    'Description Qté Prix unitaire Total',
    'Câble USB-C tressé 2 m 2 10,00 € 20,00 €',
  ];
  lines1.forEach((l, i) => page1.drawText(l, { x: 50, y: 780 - i * 18, size: 11, font }));
  const page2 = pdf.addPage([595, 842]);
  const lines2 = ['Chargeur secteur 65 W GaN 1 39,90 € 39,90 €', 'Frais de livraison : 4,99 €', 'Total TTC : 64,89 €', 'TVA 20 % incluse : 10,82 €'];
  lines2.forEach((l, i) => page2.drawText(l, { x: 50, y: 780 - i * 18, size: 11, font }));
  return pdf.save();
}

/** A scan: one page with a drawn picture and no text at all. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  for (let i = 0; i < 30; i += 1) page.drawRectangle({ x: 40, y: 60 + i * 24, width: 400 + (i % 5) * 20, height: 10, color: rgb(0.2, 0.2, 0.2) });
  return pdf.save();
}
