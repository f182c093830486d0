import type { Command } from '../command.js';
import { caseOnDate, templateRegistry } from '../command.js';
import { catalogueOptions, currentStage, recommendNextStep, RUNGS } from '../../core/common/deadlines/index.js';
import { missingFacts } from '../../core/common/letter/requirements.js';
import { formatLongDate } from '../../core/common/format/dates.js';
import { plainSpaces } from '../../core/common/format/typography.js';

export const nextCommand: Command = {
  name: 'next',
  usage: `  recours next DOSSIER.json [--json] [--today AAAA-MM-JJ]
      Indique l’étape où en est le litige et la prochaine démarche, avec son modèle de lettre et ce qui y fait obstacle.`,
  async run(args, io) {
    const { values, casePath, today, caseFile } = await caseOnDate(args, io, { json: { type: 'boolean' } }, 'recours next DOSSIER.json');
    if (!caseFile) return 1;
    const registry = await templateRegistry(io);
    const stage = currentStage(caseFile);
    const step = recommendNextStep(caseFile, today, catalogueOptions((id) => registry.get(id)?.meta));
    const template = step.templateId ? registry.get(step.templateId) : undefined;
    const missing = template ? missingFacts(caseFile, template.meta).map((p) => p.message) : [];
    if (values.json) {
      io.out(JSON.stringify({ today, stage, next: step, missing }, null, 2));
      return 0;
    }
    io.out(`Étape atteinte : ${stage.label} (échelon ${stage.rung} sur ${RUNGS.length})`);
    io.out(`Prochaine étape : ${step.label}${template ? ` — modèle « ${template.meta.id} »` : ''}`);
    io.out(`  ${step.reason}`);
    if (step.notBefore) io.out(`  À partir du ${plainSpaces(formatLongDate(step.notBefore))}.`);
    if (step.warnings.length > 0) {
      io.out('Attention :');
      for (const w of step.warnings) io.out(`  - ${w}`);
    }
    if (missing.length > 0) {
      io.out('Faits à compléter pour ce modèle :');
      for (const m of missing) io.out(`  - ${m}`);
    }
    if (template) io.out(`Pour la produire : recours generate ${casePath} --template ${template.meta.id} --out DOSSIER_DE_SORTIE`);
    return 0;
  },
};
