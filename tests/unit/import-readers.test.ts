/** Reading an order from Amazon's export, its e-mails and invoices: the facts a user then confirms, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { readImport } from '../../core/node/import/index.js';
import type { ImportOutcome, ImportProposal } from '../../core/common/import/proposal.js';
import { parseAmount, parseDate } from '../../core/common/import/values.js';
import {
  deliveredNotice, email, englishConfirmation, exportZip, foreignEmail, fullExportZip, historyCsv, htmlOnlyConfirmation,
  imageOnlyPdf, laptopConfirmation, SEVERAL_ORDERS, twoPageInvoice,
} from '../support/fixtures-import.js';

const bytes = (text: string) => new TextEncoder().encode(text);

function proposal(outcome: ImportOutcome): ImportProposal {
  if (outcome.kind !== 'proposal') throw new Error(`proposal expected, got ${outcome.kind}`);
  return outcome.proposal;
}

/** Facts as path → value, what a user sees confirmed field by field. */
const facts = (p: ImportProposal) => Object.fromEntries(p.facts.map((f) => [f.path, f.value]));

describe('dates and amounts as orders write them', () => {
  it.each([
    ['lundi 14 septembre 2026', '2026-09-14'],
    ['14.09.2026', '2026-09-14'],
    ['14/09/2026', '2026-09-14'],
    ['le 1er octobre 2026', '2026-10-01'],
    ['Monday, September 14, 2026', '2026-09-14'],
    ['2026-09-14T18:22:05Z', '2026-09-14'],
    // 23:30 UTC is already the next day in Paris.
    ['2026-09-14T23:30:00.799Z', '2026-09-15'],
  ])('« %s » is %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it('refuses a day that does not exist and reads a date without year only with one given', () => {
    expect(parseDate('30/02/2026')).toBeNull();
    expect(parseDate('samedi 4 juillet')).toBeNull();
    expect(parseDate('samedi 4 juillet', 'Europe/Paris', 2026)).toBe('2026-07-04');
  });

  it.each([
    ['1 299,00 €', 1299, 'EUR'],
    ['EUR 1.299,00', 1299, 'EUR'],
    ['1299.00', 1299, null],
    ["'-0.68", -0.68, null],
    ['£149.99', 149.99, 'GBP'],
    ['1\u202f234,56\u00a0€', 1234.56, 'EUR'],
  ])('« %s » is %d %s', (text, value, currency) => {
    expect(parseAmount(text)).toEqual({ value, currency });
  });
});

describe('Amazon data export', () => {
  it('lists the orders of a file holding several, and proposes nothing', async () => {
    const outcome = await readImport(bytes(historyCsv(SEVERAL_ORDERS)), 'Retail.OrderHistory.1.csv');
    expect(outcome.kind).toBe('orders');
    if (outcome.kind !== 'orders') return;
    expect(outcome.orders.map((o) => [o.number, o.date, o.total, o.itemCount])).toEqual([
      ['402-7719254-3381946', '2026-09-28', 849.99, 1],
      ['171-5550123-4445566', '2026-07-01', 64.89, 2],
      ['405-0000001-0000002', '2025-12-01', 19.99, 1],
    ]);
    expect(outcome.orders[0]?.firstItem).toMatch(/^Ordinateur portable Lenovo/);
  });

  it('reads the chosen order: items, quantities, unit prices, total, dates, carrier, tracking, platform', async () => {
    const p = proposal(await readImport(bytes(historyCsv(SEVERAL_ORDERS)), 'Retail.OrderHistory.1.csv', { order: '402-7719254-3381946' }));
    expect(facts(p)).toEqual({
      'order.platform': 'Amazon',
      'order.number': '402-7719254-3381946',
      'order.date': '2026-09-28',
      'order.currency': 'EUR',
      'order.items': [{ description: 'Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD', quantity: 1, unitPrice: 849.99 }],
      'order.total': 849.99,
      'order.payment': 'Visa - 4242',
      'order.carrier': 'Amazon Logistics',
      'order.tracking': 'TBA318840217000',
    });
    expect(p.facts.find((f) => f.path === 'order.tracking')?.excerpt).toBe('Carrier Name & Tracking Number : AMZN_FR(TBA318840217000)');
    expect(p.notes).toContain('Expédiée le 30\u00a0septembre\u00a02026.');
  });

  it('sums a multi-item order with a discount and a quoted negative, and keeps quotes and line breaks in names', async () => {
    const p = proposal(await readImport(bytes(historyCsv(SEVERAL_ORDERS, { crlf: false, bom: false })), 'commandes.csv', { order: '171-5550123-4445566' }));
    expect(facts(p)['order.items']).toEqual([
      { description: 'Câble USB-C "tressé", 2 m', quantity: 2, unitPrice: 12.5 },
      { description: 'Chargeur secteur 65 W\nGaN, 3 ports', quantity: 1, unitPrice: 39.9 },
    ]);
    expect(facts(p)['order.total']).toBe(64.89);
    expect(p.notes.join(' ')).toMatch(/Remise de 5,00/);
    expect(p.notes.join(' ')).not.toMatch(/ne correspond pas/);
  });

  it('says so when a row’s total does not add up, rather than picking one', async () => {
    const rows = [{ ...SEVERAL_ORDERS[0], 'Total Owed': '800' }];
    const p = proposal(await readImport(bytes(historyCsv(rows)), 'Retail.OrderHistory.1.csv'));
    expect(facts(p)['order.total']).toBe(800);
    expect(p.notes.join(' ')).toMatch(/ne correspond pas au prix.*vérifiez le total/);
  });

  it('leaves out « Not Available » values instead of writing them', async () => {
    const p = proposal(await readImport(bytes(historyCsv(SEVERAL_ORDERS)), 'Retail.OrderHistory.1.csv', { order: '405-0000001-0000002' }));
    expect(Object.keys(facts(p))).not.toContain('order.payment');
    expect(Object.keys(facts(p))).not.toContain('order.carrier');
    expect(JSON.stringify(p.facts)).not.toMatch(/Not Available/);
  });

  it('reads the zip: order history, returns and refunds; photos are not decompressed', async () => {
    const p = proposal(await readImport(fullExportZip(), 'Mes données Amazon.zip', { order: '171-5550123-4445566' }));
    expect(facts(p)['order.total']).toBe(64.89);
    expect(facts(p)['refund.returned']).toBe('2026-07-10');
    expect(p.notes.join(' ')).toMatch(/Remboursement de 44,89.€ le 20.juillet.2026 \(Completed\)/);
  });

  it('an unknown order number, a zip that is not an export, a CSV with other columns: French messages naming the file', async () => {
    await expect(readImport(bytes(historyCsv(SEVERAL_ORDERS)), 'h.csv', { order: '111-1111111-1111111' })).rejects.toThrow('« h.csv » : la commande n° 111-1111111-1111111 ne figure pas dans l’historique (3 commandes trouvées)');
    await expect(readImport(exportZip({ 'photos/a.jpg': new Uint8Array([1, 2, 3]) }), 'vacances.zip')).rejects.toThrow('« vacances.zip » : ce n’est pas un export de données Amazon');
    await expect(readImport(bytes('"Date","Libellé","Montant"\r\n"2026-01-01","Loyer","-800"\r\n'), 'releve.csv')).rejects.toThrow(
      '« releve.csv » : ce n’est pas l’historique des commandes d’Amazon : colonnes « Order ID », « Order Date », « Product Name » absentes',
    );
    await expect(readImport(bytes('"Order ID","Order Date","Product Name"\r\n"402-1'), 'cut.csv')).rejects.toThrow('« cut.csv » : le fichier CSV est mal formé (guillemet non refermé)');
    await expect(readImport(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.zip')).rejects.toThrow('« broken.zip » : l’archive zip est illisible ou endommagée');
  });
});

describe('e-mails from the platform', () => {
  it('the French confirmation (text and HTML, quoted-printable): number, date, article, price, seller, promised delivery, total', async () => {
    const p = proposal(await readImport(laptopConfirmation(), 'confirmation.eml'));
    expect(facts(p)).toEqual({
      'order.platform': 'Amazon',
      'order.number': '402-7719254-3381946',
      'order.date': '2026-09-28',
      'order.promisedDelivery': '2026-10-02',
      'order.items': [{ description: 'Ordinateur portable Lenovo IdeaPad Slim 5, 16 pouces, 16 Go, 512 Go SSD', quantity: 1, unitPrice: 849.99 }],
      'order.total': 849.99,
      'order.currency': 'EUR',
    });
    expect(p.facts.find((f) => f.path === 'order.date')?.excerpt).toBe('Passée le lundi 28 septembre 2026');
    expect(p.facts.find((f) => f.path === 'order.platform')?.excerpt).toBe('Expéditeur : confirmation-commande@amazon.fr');
    // Sold by Amazon itself: no Marketplace seller is proposed.
    expect(p.notes).toContain('Vendu par Amazon EU S.à r.l. : la plateforme elle-même, pas un vendeur tiers.');
  });

  it('an HTML-only confirmation in base64, with entities and a table, and a delivery date without year', async () => {
    const p = proposal(await readImport(htmlOnlyConfirmation(), 'commande.eml'));
    expect(facts(p)).toMatchObject({
      'order.number': '171-5550123-4445566',
      'order.date': '2026-07-01',
      'order.promisedDelivery': '2026-07-04',
      'order.items': [
        { description: 'Câble USB-C tressé, 2 m', quantity: 2, unitPrice: 10 },
        { description: 'Chargeur secteur 65 W GaN', quantity: 1, unitPrice: 44.89 },
      ],
      'order.total': 64.89,
      'order.seller.name': 'ChargeurPro FR',
    });
  });

  it('an English (amazon.co.uk) confirmation', async () => {
    const p = proposal(await readImport(englishConfirmation(), 'order.eml'));
    expect(facts(p)).toMatchObject({
      'order.number': '026-1234567-7654321',
      'order.date': '2026-09-14',
      'order.promisedDelivery': '2026-09-17',
      'order.items': [{ description: 'Kindle Paperwhite (16 GB)', quantity: 1, unitPrice: 149.99 }],
      'order.total': 149.99,
      'order.currency': 'GBP',
    });
  });

  it('the « livré » notice: delivered on the day it was sent, carrier and tracking', async () => {
    const p = proposal(await readImport(deliveredNotice(), 'livre.eml'));
    expect(facts(p)).toMatchObject({ 'order.delivered': '2026-10-02', 'order.carrier': 'Amazon Logistics', 'order.tracking': 'TBA318840217000' });
  });

  it('refuses an e-mail from someone else, and one without an order number', async () => {
    await expect(readImport(foreignEmail(), 'promo.eml')).rejects.toThrow('« promo.eml » : ce message ne vient pas d’Amazon (expéditeur promo@boutique-exemple.com)');
    await expect(readImport(email({ subject: 'Nos offres', text: 'Découvrez les offres de la semaine.' }), 'offres.eml')).rejects.toThrow('« offres.eml » : aucun numéro de commande trouvé dans ce message');
  });
});

describe('invoices saved as PDF', () => {
  it('a two-page seller invoice: number, dates, seller and its address, articles over both pages, total', async () => {
    const p = proposal(await readImport(await twoPageInvoice(), 'facture.pdf'));
    expect(facts(p)).toEqual({
      'order.number': '171-5550123-4445566',
      'order.date': '2026-06-30',
      'order.items': [
        { description: 'Câble USB-C tressé 2 m', quantity: 2, unitPrice: 10 },
        { description: 'Chargeur secteur 65 W GaN', quantity: 1, unitPrice: 39.9 },
      ],
      'order.total': 64.89,
      'order.currency': 'EUR',
      'order.seller.name': 'ChargeurPro FR',
      'order.seller.address': { lines: ['ChargeurPro SARL', '12 rue des Artisans'], postalCode: '31000', city: 'Toulouse', country: 'France' },
    });
  });

  it('a scan without text says that nothing could be read, and guesses nothing', async () => {
    await expect(readImport(await imageOnlyPdf(), 'scan.pdf')).rejects.toThrow('« scan.pdf » : ce PDF ne contient pas de texte lisible (document scanné ou image) : rien n’a pu être lu');
  });

  it('a damaged PDF and an unknown file get a French message naming them', async () => {
    await expect(readImport(bytes('%PDF-1.7\n garbage'), 'abime.pdf')).rejects.toThrow('« abime.pdf » : le PDF est illisible ou endommagé');
    await expect(readImport(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'photo.png')).rejects.toThrow('« photo.png » : format non reconnu');
  });

  it('a file over its limit names the limit as the screens write sizes (decimal units, one formatter)', async () => {
    const big = new Uint8Array(30_000_001);
    big.set(bytes('%PDF-1.7\n'));
    await expect(readImport(big, 'facture.pdf')).rejects.toThrow('« facture.pdf » : le PDF dépasse 30\u00a0Mo');
  });
});
