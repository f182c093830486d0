/**
 * Import benchmark (run by `npm run bench`): a 5 000-row Retail.OrderHistory.1.csv (1 000 orders of 5 items, every
 * field quoted, BOM, CRLF) — listing its orders, and proposing one order's facts — as CSV and inside a zip.
 * Goal: under one second.
 */
import { measure } from './measure.js';
import { readImport } from '../core/node/import/index.js';
import { exportZip, historyCsv, type HistoryRow } from '../tests/support/fixtures-import.js';

const rows: HistoryRow[] = [];
for (let order = 0; order < 1000; order += 1) {
  const id = `402-${String(1000000 + order)}-${String(3000000 + order)}`;
  for (let item = 0; item < 5; item += 1) {
    rows.push({
      'Order ID': id,
      'Order Date': `2026-${String(1 + (order % 12)).padStart(2, '0')}-14T18:22:05Z`,
      'Unit Price': '19.9',
      Quantity: '2',
      'Total Discounts': "'-0.68",
      'Total Owed': '39.12',
      'Carrier Name & Tracking Number': `AMZN_FR(TBA${String(318840277000 + order)})`,
      'Product Name': `Article n° ${item}, "édition" spéciale, avec une description assez longue comme Amazon les écrit`,
    });
  }
}
const csv = new TextEncoder().encode(historyCsv(rows));
const zip = exportZip({ 'Retail.OrderHistory.1/Retail.OrderHistory.1.csv': csv });
console.log(`Export : ${rows.length} lignes, CSV ${(csv.length / 1024 / 1024).toFixed(1)} Mo, zip ${(zip.length / 1024 / 1024).toFixed(1)} Mo`);

await measure('CSV 5 000 lignes : liste des commandes', () => readImport(csv, 'Retail.OrderHistory.1.csv'), 10, 2);
await measure('CSV 5 000 lignes : une commande proposée', () => readImport(csv, 'Retail.OrderHistory.1.csv', { order: '402-1000500-3000500' }), 10, 2);
await measure('zip 5 000 lignes : une commande proposée', () => readImport(zip, 'export.zip', { order: '402-1000500-3000500' }), 10, 2);
