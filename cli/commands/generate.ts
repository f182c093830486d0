import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { parse, singleCasePath, templateRegistry, unknownTemplate, UsageError } from '../command.js';
import { loadCaseFile } from '../../core/node/case-file.js';
import { generateLetterFiles, OUTPUT_FORMATS, type OutputFormat } from '../../core/node/generate.js';
import { missingFacts } from '../../core/common/letter/requirements.js';

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...OUTPUT_FORMATS];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (wrong.length > 0 || formats.length === 0) throw new UsageError(`format inconnu « ${wrong.join(',') || value} » : choisissez pdf, docx ou pdf,docx`);
  return [...new Set(formats)] as OutputFormat[];
}

export const generateCommand: Command = {
  name: 'generate',
  usage: `  recours generate DOSSIER.json --template ID --out DOSSIER_DE_SORTIE [--format pdf,docx]
      Produit la lettre et affiche le chemin de chaque fichier écrit.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      template: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
    });
    const casePath = singleCasePath(positionals, 'recours generate DOSSIER.json --template ID --out DOSSIER');
    if (values.template === undefined) throw new UsageError('option --template manquante (voir « recours templates »)');
    if (values.out === undefined) throw new UsageError('option --out manquante : dans quel dossier écrire la lettre ?');
    const formats = parseFormats(values.format);
    const registry = templateRegistry(io);
    const template = registry.get(values.template);
    if (!template) throw unknownTemplate(values.template, registry);

    const loaded = await loadCaseFile(casePath);
    if (!loaded.ok) {
      io.err(`Lettre non produite : le dossier « ${casePath} » contient ${loaded.problems.length} problème(s) :`);
      for (const p of loaded.problems) io.err(`  - ${p.message}`);
      return 1;
    }
    const missing = missingFacts(loaded.case, template.meta);
    if (missing.length > 0) {
      io.err(`Lettre non produite : ${missing.length} fait(s) manquant(s) pour « ${template.meta.title} » :`);
      for (const p of missing) io.err(`  - ${p.message}`);
      return 1;
    }
    const written = await generateLetterFiles({ caseFile: loaded.case, template, outDir: resolve(values.out), formats });
    for (const path of written) io.out(path);
    return 0;
  },
};
