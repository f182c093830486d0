import { dirname, resolve } from 'node:path';
import type { Command } from '../command.js';
import { loadCaseOrReport, parse, singleCasePath, templateRegistry, unknownTemplate, UsageError } from '../command.js';
import { generateLetterFiles, OUTPUT_FORMATS, type OutputFormat } from '../../core/node/generate.js';
import { parseSize } from '../../core/node/dossier/budget.js';
import { missingFacts } from '../../core/common/letter/requirements.js';

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
                   [--dossier [--max-size TAILLE] [--attach-originals]]
      Produit la lettre et affiche le chemin de chaque fichier écrit. Avec --dossier, produit aussi le
      bordereau des pièces (PDF et DOCX) et le dossier PDF (lettre + bordereau + pièces numérotées) ;
      --max-size 10MB réduit les photos pour tenir dans la taille donnée ; --attach-originals joint au PDF
      les fichiers d’origine.`,
  async run(args, io) {
    const { values, positionals } = parse(args, {
      template: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      dossier: { type: 'boolean' },
      'max-size': { type: 'string' },
      'attach-originals': { type: 'boolean' },
    });
    const casePath = singleCasePath(positionals, 'recours generate DOSSIER.json --template ID --out DOSSIER');
    if (values.template === undefined) throw new UsageError('option --template manquante (voir « recours templates »)');
    if (values.out === undefined) throw new UsageError('option --out manquante : dans quel dossier écrire la lettre ?');
    const formats = parseFormats(values.format);
    const dossier = values.dossier === true;
    const maxSize = parseMaxSize(values['max-size'], dossier);
    if (values['attach-originals'] && !dossier) throw new UsageError('--attach-originals ne s’emploie qu’avec --dossier');
    const registry = await templateRegistry(io);
    const template = registry.get(values.template);
    if (!template) throw unknownTemplate(values.template, registry);

    const caseFile = await loadCaseOrReport(
      casePath,
      io.err,
      (count) => `Lettre non produite : le dossier « ${casePath} » contient ${count} problème(s) :`,
    );
    if (!caseFile) return 1;
    const missing = missingFacts(caseFile, template.meta);
    if (missing.length > 0) {
      io.err(`Lettre non produite : ${missing.length} fait(s) manquant(s) pour « ${template.meta.title} » :`);
      for (const p of missing) io.err(`  - ${p.message}`);
      return 1;
    }
    if (!dossier) {
      const written = await generateLetterFiles({ caseFile: caseFile, template, outDir: resolve(values.out), formats });
      for (const path of written) io.out(path);
      return 0;
    }
    // The dossier's modules (sharp, the exhibit readers) load only when a dossier is asked.
    const { generateDossierFiles } = await import('../../core/node/dossier/files.js');
    const result = await generateDossierFiles({
      caseFile: caseFile,
      caseDir: dirname(resolve(casePath)),
      template,
      outDir: resolve(values.out),
      formats,
      ...(maxSize !== undefined ? { maxSize } : {}),
      ...(values['attach-originals'] ? { attachOriginals: true } : {}),
    });
    for (const warning of result.warnings) io.err(`Attention : ${warning}`);
    if (result.chosen) io.err(result.chosen);
    if (result.overBudget) io.err(result.overBudget);
    for (const path of result.written) io.out(path);
    // Too heavy for the limit asked: the dossier is still written (it prints well), but a script must know.
    return result.overBy !== undefined ? 1 : 0;
  },
};
