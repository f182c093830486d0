/**
 * Importing an order from what the consumer already has: Amazon's data export (zip or CSV), the platform's
 * e-mails (.eml), an invoice or order page saved as PDF. The kind is told by the bytes, not the name alone.
 * Returns the orders to choose from, or the facts found with their excerpts; never writes anything.
 */
import type { ImportOutcome } from '../../common/import/proposal.js';
import { decodeCsv, exportFilesFromZip, readAmazonExport } from './amazon-export.js';
import { readOrderEmail } from './email.js';
import { readInvoicePdf } from './invoice.js';
import { beyondLimit, IMPORT_LIMITS, ImportProblem } from './problem.js';

export { ImportProblem, IMPORT_LIMITS } from './problem.js';

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function readImport(bytes: Uint8Array, name: string, options: { order?: string } = {}): Promise<ImportOutcome> {
  if (bytes.length === 0) throw new ImportProblem(name, 'le fichier est vide');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (bytes.length > IMPORT_LIMITS.zipBytes) throw new ImportProblem(name, `l’archive ${beyondLimit(IMPORT_LIMITS.zipBytes)}`);
    return readAmazonExport(exportFilesFromZip(bytes, name), name, options.order);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    const proposal = await readInvoicePdf(bytes, name);
    return { kind: 'proposal', proposal };
  }
  if (/\.csv$/i.test(name)) return readAmazonExport([{ name, text: decodeCsv(bytes, name) }], name, options.order);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  if (/\.eml$/i.test(name) || /^(received|from|date|subject|message-id|mime-version|return-path|delivered-to|to|x-[\w-]+):/im.test(head)) {
    const proposal = await readOrderEmail(bytes, name);
    return { kind: 'proposal', proposal };
  }
  if (/^\uFEFF?"?(Website|Order ID)"?,/.test(head)) return readAmazonExport([{ name, text: decodeCsv(bytes, name) }], name, options.order);
  throw new ImportProblem(name, 'format non reconnu : importez l’export de données Amazon (.zip ou .csv), un e-mail de commande (.eml) ou une facture PDF');
}
