import { writeFile } from 'node:fs/promises';
import type { Command } from '../command.js';
import { caseOnDate, templateRegistry } from '../command.js';
import { catalogueOptions, computeDeadlines } from '../../core/common/deadlines/index.js';
import { buildCaseSummary, nextDeadlineOf, shortSummary, summaryDocument, summaryText } from '../../core/common/summary/case-summary.js';
import { plainSpaces } from '../../core/common/format/typography.js';

export const summaryCommand: Command = {
  name: 'summary',
  usage: `  recours summary DOSSIER.json [--short] [--pdf SORTIE.pdf] [--today AAAA-MM-JJ]
      Résume le litige pour le prochain appel : problème, démarches (date, canal, interlocuteur, référence, promesse),
      demande et prochaine échéance. --short : texte d’au plus 1 000 caractères à coller dans un chat.`,
  async run(args, io) {
    const { values, today, caseFile } = await caseOnDate(args, io, { short: { type: 'boolean' }, pdf: { type: 'string' } }, 'recours summary DOSSIER.json');
    if (!caseFile) return 1;
    // The answer awaited to the last letter runs for the period its template's header gives.
    const registry = await templateRegistry(io);
    const deadlines = computeDeadlines(caseFile, today, catalogueOptions((id) => registry.get(id)?.meta));
    const summary = buildCaseSummary(caseFile, { nextDeadline: nextDeadlineOf(deadlines) });
    io.out(plainSpaces(values.short ? shortSummary(summary) : summaryText(summary)));
    if (values.pdf) {
      // The PDF writer (fonts, pdf-lib) is loaded only when a PDF is asked for.
      const { writeLetterPdf } = await import('../../core/node/pdf/letter-pdf.js');
      await writeFile(values.pdf, await writeLetterPdf(summaryDocument(summary, today)));
      io.err(`Résumé PDF écrit : ${values.pdf}`);
    }
    return 0;
  },
};
