/** An invoice or an order page saved as PDF: its text layer, read by labels. A scan without text says so, plainly. */
import { factsFromText } from '../../common/import/text-facts.js';
import type { ImportProposal } from '../../common/import/proposal.js';
import { pdfText } from './pdf-text.js';
import { ImportProblem } from './problem.js';

export async function readInvoicePdf(bytes: Uint8Array, source: string): Promise<ImportProposal> {
  const { pages } = await pdfText(bytes, source);
  const text = pages.join('\n');
  if (text.replace(/\s/g, '').length < 20) {
    throw new ImportProblem(source, 'ce PDF ne contient pas de texte lisible (document scanné ou image) : rien n’a pu être lu. Saisissez la commande à la main');
  }
  const proposal = factsFromText(text, { source, kind: 'invoice', platform: /amazon/i.test(text) ? 'Amazon' : null });
  if (proposal.facts.filter((f) => f.path !== 'order.platform').length === 0) {
    throw new ImportProblem(source, 'aucune information de commande (numéro, date, articles, total) n’a été trouvée dans ce PDF');
  }
  return proposal;
}
