import type { Command } from '../command.js';
import { loadCaseOrReport, parse, singleCasePath, templateRegistry, unknownTemplate } from '../command.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { servesDispute } from '../../core/common/templates/metadata.js';
import { DISPUTE_LABELS } from '../../core/common/case/labels.js';

export const checkCommand: Command = {
  name: 'check',
  usage: `  recours check DOSSIER.json [--template ID]
      Vérifie le dossier et liste tous les faits manquants ou erronés (pour ce modèle si --template).
      Code de sortie 0 si le dossier est complet, 1 sinon.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { template: { type: 'string' } });
    const casePath = singleCasePath(positionals, 'recours check DOSSIER.json');
    const registry = await templateRegistry(io);
    const template = values.template !== undefined ? registry.get(values.template) : undefined;
    if (values.template !== undefined && !template) throw unknownTemplate(values.template, registry);
    const caseFile = await loadCaseOrReport(casePath, io.out);
    if (!caseFile) return 1;
    if (!template) {
      io.out(`Le dossier « ${casePath} » est valide.`);
      return 0;
    }
    const problems = missingFacts(caseFile, template.meta);
    if (!servesDispute(template.meta, caseFile.dispute.type)) {
      problems.unshift({
        path: 'dispute.type',
        message: `Type de litige (dispute.type) : « ${template.meta.title} » ne traite pas le cas « ${DISPUTE_LABELS[caseFile.dispute.type]} »`,
      });
    }
    if (problems.length > 0) {
      io.out(`Le dossier « ${casePath} » est incomplet pour « ${template.meta.title} » — ${problems.length} fait(s) à compléter :`);
      for (const p of problems) io.out(`  - ${p.message}`);
      return 1;
    }
    io.out(`Le dossier « ${casePath} » est complet pour « ${template.meta.title} ».`);
    return 0;
  },
};
