import type { Command } from '../command.js';
import { caseOnDate, templateRegistry } from '../command.js';
import { catalogueOptions, computeDeadlines, currentStage, deadlineGaps } from '../../core/common/deadlines/index.js';
import { formatLongDate } from '../../core/common/format/dates.js';
import { plainSpaces } from '../../core/common/format/typography.js';

export const deadlinesCommand: Command = {
  name: 'deadlines',
  usage: `  recours deadlines DOSSIER.json [--json] [--today AAAA-MM-JJ]
      Liste les délais légaux du dossier (date, fondement, dépassé ou non) et les faits qui en permettraient d’autres.`,
  async run(args, io) {
    const { values, casePath, today, caseFile } = await caseOnDate(args, io, { json: { type: 'boolean' } }, 'recours deadlines DOSSIER.json');
    if (!caseFile) return 1;
    const registry = await templateRegistry(io);
    const deadlines = computeDeadlines(caseFile, today, catalogueOptions((id) => registry.get(id)?.meta));
    const missing = deadlineGaps(caseFile);
    if (values.json) {
      io.out(JSON.stringify({ today, stage: currentStage(caseFile), deadlines, missing }, null, 2));
      return 0;
    }
    const long = (d: string) => plainSpaces(formatLongDate(d));
    io.out(`Délais du dossier « ${casePath} » au ${long(today)} :`);
    if (deadlines.length === 0) io.out('  Aucun délai calculable avec les faits du dossier.');
    for (const d of deadlines) {
      io.out(`  ${d.overdue ? '[dépassé]' : '[à venir]'} ${long(d.date)} — ${d.label}`);
      io.out(`      Fondement : ${d.basis}`);
      if (d.note) io.out(`      ${d.note}`);
    }
    if (missing.length > 0) {
      io.out('Faits à compléter pour calculer d’autres délais :');
      for (const m of missing) io.out(`  - ${m}`);
    }
    return 0;
  },
};
