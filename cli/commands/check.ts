import type { Command } from '../command.js';
import { loadCaseOrReport, parse, singleCasePath, templateRegistry, todayOption, unknownTemplate } from '../command.js';
import { conditionAdvice, letterReadiness } from '../../core/common/letter/readiness.js';

export const checkCommand: Command = {
  name: 'check',
  usage: `  recours check DOSSIER.json [--template ID] [--today AAAA-MM-JJ]
      Vérifie le dossier et liste tous les faits manquants ou erronés (pour ce modèle si --template, avec les
      conditions de son recours). Code de sortie 0 si le dossier est complet, 1 sinon.`,
  async run(args, io) {
    const { values, positionals } = parse(args, { template: { type: 'string' }, today: { type: 'string' } });
    const casePath = singleCasePath(positionals, 'recours check DOSSIER.json');
    const today = todayOption(values.today);
    const registry = await templateRegistry(io);
    const template = values.template !== undefined ? registry.get(values.template) : undefined;
    if (values.template !== undefined && !template) throw unknownTemplate(values.template, registry);
    const caseFile = await loadCaseOrReport(casePath, io.out);
    if (!caseFile) return 1;
    if (!template) {
      io.out(`Le dossier « ${casePath} » est valide.`);
      return 0;
    }
    const readiness = letterReadiness(caseFile, template.meta, today);
    const problems = [...(readiness.mismatch ? [readiness.mismatch] : []), ...readiness.problems].map((p) => p.message);
    const closed = readiness.conditions.map((f) => conditionAdvice(f, (id) => registry.get(id)?.meta.title));
    if (problems.length > 0) {
      io.out(`Le dossier « ${casePath} » est incomplet pour « ${template.meta.title} » — ${problems.length} fait(s) à compléter :`);
      for (const p of problems) io.out(`  - ${p}`);
    }
    if (closed.length > 0) {
      io.out(`Le recours de « ${template.meta.title} » n’est pas ouvert pour ce dossier :`);
      for (const c of closed) io.out(`  - ${c}`);
    }
    if (problems.length > 0 || closed.length > 0) return 1;
    io.out(`Le dossier « ${casePath} » est complet pour « ${template.meta.title} ».`);
    return 0;
  },
};
