import { dirname, resolve } from 'node:path';
import type { Command, Io } from '../command.js';
import { loadCaseOrReport, parse, singleCasePath, templateRegistry, todayOption, unknownTemplate, UsageError } from '../command.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../core/node/output-formats.js';
import { parseSize } from '../../core/node/dossier/budget.js';

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...OUTPUT_FORMATS];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (wrong.length > 0 || formats.length === 0) throw new UsageError(`format inconnu « ${wrong.join(',') || value} » : choisissez pdf, docx ou pdf,docx`);
  return [...new Set(formats)] as OutputFormat[];
}

function parseMaxSize(value: string | undefined, dossier: boolean): number | undefined {
  if (value === undefined) return undefined;
  if (!dossier) throw new UsageError('--max-size ne s’emploie qu’avec --dossier');
  const bytes = parseSize(value);
  if (bytes === null) throw new UsageError(`taille incorrecte « ${value} » pour --max-size : écrivez par exemple 10MB, 10Mo, 500KB ou 10M`);
  return bytes;
}

export const generateCommand: Command = {
  name: 'generate',
  usage: `  recours generate DOSSIER.json --template ID --out DOSSIER_DE_SORTIE [--format pdf,docx]
                   [--dossier [--max-size TAILLE] [--attach-originals] [--allow-outside]] [--force] [--today AAAA-MM-JJ]
      Produit la lettre et affiche le chemin de chaque fichier écrit. Avec --dossier, produit aussi le
      bordereau des pièces (PDF et DOCX) et le dossier PDF (lettre + bordereau + pièces numérotées) ;
      --max-size 10MB réduit les photos pour tenir dans la taille donnée ; --attach-originals joint au PDF
      les fichiers d’origine ; --allow-outside accepte des pièces hors du dossier du fichier de l’affaire.
      Si le recours de cette lettre n’est pas ouvert (garantie expirée, vendeur établi en France pour le
      CEC…), la lettre n’est pas produite et la lettre qui convient est indiquée ; --force la produit quand
      même, avec l’avertissement.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      template: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      dossier: { type: 'boolean' },
      'max-size': { type: 'string' },
      'attach-originals': { type: 'boolean' },
      'allow-outside': { type: 'boolean' },
      force: { type: 'boolean' },
      today: { type: 'string' },
    });
    const casePath = singleCasePath(positionals, 'recours generate DOSSIER.json --template ID --out DOSSIER');
    if (values.template === undefined) throw new UsageError('option --template manquante (voir « recours templates »)');
    if (values.out === undefined) throw new UsageError('option --out manquante : dans quel dossier écrire la lettre ?');
    const formats = parseFormats(values.format);
    const today = todayOption(values.today);
    const dossier = values.dossier === true;
    const maxSize = parseMaxSize(values['max-size'], dossier);
    if (values['attach-originals'] && !dossier) throw new UsageError('--attach-originals ne s’emploie qu’avec --dossier');
    if (values['allow-outside'] && !dossier) throw new UsageError('--allow-outside ne s’emploie qu’avec --dossier');
    const request: GenerateArgs = {
      casePath,
      templateId: values.template,
      out: resolve(values.out),
      formats,
      today,
      dossier,
      maxSize,
      attachOriginals: values['attach-originals'] === true,
      allowOutside: values['allow-outside'] === true,
      force: values.force === true,
    };
    return generate(request, io);
  },
};

interface GenerateArgs {
  casePath: string;
  templateId: string;
  out: string;
  formats: OutputFormat[];
  today: string;
  dossier: boolean;
  maxSize: number | undefined;
  attachOriginals: boolean;
  allowOutside: boolean;
  force: boolean;
}

async function generate(args: GenerateArgs, io: Io): Promise<number> {
  const [{ generateLetterFiles }, { conditionAdvice, letterReadiness }] = await Promise.all([
    import('../../core/node/generate.js'),
    import('../../core/common/letter/readiness.js'),
  ]);
  const registry = await templateRegistry(io);
  const template = registry.get(args.templateId);
  if (!template) throw unknownTemplate(args.templateId, registry);

  const caseFile = await loadCaseOrReport(
    args.casePath,
    io.err,
    (count) => `Lettre non produite : le dossier « ${args.casePath} » contient ${count} problème(s) :`,
  );
  if (!caseFile) return 1;
  const readiness = letterReadiness(caseFile, template.meta, args.today);
  if (readiness.problems.length > 0) {
    io.err(`Lettre non produite : ${readiness.problems.length} fait(s) manquant(s) pour « ${template.meta.title} » :`);
    for (const p of readiness.problems) io.err(`  - ${p.message}`);
    return 1;
  }
  const advice = readiness.conditions.map((f) => conditionAdvice(f, (id) => registry.get(id)?.meta.title));
  if (advice.length > 0 && !args.force) {
    io.err(`Lettre non produite : le recours de « ${template.meta.title} » n’est pas ouvert pour ce dossier :`);
    for (const a of advice) io.err(`  - ${a}`);
    io.err('Ajoutez --force pour la produire quand même.');
    return 1;
  }
  for (const a of advice) io.err(`Attention : ${a}`);
  if (!args.dossier) {
    const written = await generateLetterFiles({ caseFile, template, outDir: args.out, formats: args.formats, today: args.today });
    for (const path of written) io.out(path);
    return 0;
  }
  // The dossier's modules (sharp, the exhibit readers) load only when a dossier is asked.
  const { generateDossierFiles } = await import('../../core/node/dossier/files.js');
  const result = await generateDossierFiles({
    caseFile: caseFile,
    caseDir: dirname(resolve(args.casePath)),
    template,
    outDir: args.out,
    formats: args.formats,
    today: args.today,
    ...(args.maxSize !== undefined ? { maxSize: args.maxSize } : {}),
    ...(args.attachOriginals ? { attachOriginals: true } : {}),
    ...(args.allowOutside ? { allowOutside: true } : {}),
  });
  for (const warning of result.warnings) io.err(`Attention : ${warning}`);
  if (result.chosen) io.err(result.chosen);
  if (result.overBudget) io.err(result.overBudget);
  for (const path of result.written) io.out(path);
  // Too heavy for the limit asked: the dossier is still written (it prints well), but a script must know.
  return result.overBy !== undefined ? 1 : 0;
}
