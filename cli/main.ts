/**
 * The `recours` command line: scripting, tests and machines without a display.
 * Exit codes: 0 done; 1 the case is invalid or incomplete; 2 the command was misused.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { loadCaseFile } from '../core/node/case-file.js';
import { loadTemplateRegistry, type TemplateRegistry } from '../core/node/template-registry.js';
import { generateLetterFiles, OUTPUT_FORMATS, type OutputFormat } from '../core/node/generate.js';
import { missingFacts } from '../core/common/letter/requirements.js';
import { KIND_LABELS } from '../core/common/templates/metadata.js';
import { DISPUTE_LABELS } from '../core/common/case/labels.js';
import { servesDispute } from '../core/common/templates/metadata.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export const USAGE = `Usage :
  recours templates [--json]
      Liste les modèles de lettres (identifiant, titre, nature, litiges couverts).
  recours check DOSSIER.json [--template ID]
      Vérifie le dossier et liste tous les faits manquants ou erronés (pour ce modèle si --template).
      Code de sortie 0 si le dossier est complet, 1 sinon.
  recours generate DOSSIER.json --template ID --out DOSSIER_DE_SORTIE [--format pdf,docx]
      Produit la lettre et affiche le chemin de chaque fichier écrit.
  recours --help | --version`;

class UsageError extends Error {}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    throw new UsageError(unknown ? `option inconnue « ${unknown[1]} »` : `arguments incorrects (${msg})`);
  }
}

function registryOrThrow(io: Io): TemplateRegistry {
  const registry = loadTemplateRegistry();
  for (const error of registry.errors) io.err(`Attention : ${error.message}`);
  return registry;
}

async function commandTemplates(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`argument en trop « ${positionals[0]} »`);
  const registry = registryOrThrow(io);
  const list = registry.templates.map((t) => ({
    id: t.meta.id,
    title: t.meta.title,
    kind: t.meta.kind,
    disputes: t.meta.disputes,
    description: t.meta.description,
  }));
  if (values.json) {
    io.out(JSON.stringify(list, null, 2));
    return 0;
  }
  for (const t of list) {
    const disputes = t.disputes === 'all' ? 'tous les litiges' : t.disputes.map((d) => DISPUTE_LABELS[d]).join(', ');
    io.out(`${t.id}\n  ${t.title} — ${KIND_LABELS[t.kind]}\n  Litiges : ${disputes}`);
  }
  return 0;
}

async function commandCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { template: { type: 'string' } });
  const [casePath, extra] = positionals;
  if (!casePath) throw new UsageError('indiquez le fichier du dossier : recours check DOSSIER.json');
  if (extra) throw new UsageError(`argument en trop « ${extra} »`);
  const registry = registryOrThrow(io);
  const template = values.template !== undefined ? registry.get(String(values.template)) : undefined;
  if (values.template !== undefined && !template) throw new UsageError(unknownTemplate(String(values.template), registry));
  const loaded = await loadCaseFile(casePath);
  if (!loaded.ok) {
    io.out(`Le dossier « ${casePath} » contient ${loaded.problems.length} problème(s) :`);
    for (const p of loaded.problems) io.out(`  - ${p.message}`);
    return 1;
  }
  const problems = template ? missingFacts(loaded.case, template.meta) : [];
  if (template && !servesDispute(template.meta, loaded.case.dispute.type)) {
    problems.unshift({
      path: 'dispute.type',
      message: `Type de litige (dispute.type) : « ${template.meta.title} » ne traite pas le cas « ${DISPUTE_LABELS[loaded.case.dispute.type]} »`,
    });
  }
  if (problems.length > 0) {
    io.out(`Le dossier « ${casePath} » est incomplet pour « ${template?.meta.title} » — ${problems.length} fait(s) à compléter :`);
    for (const p of problems) io.out(`  - ${p.message}`);
    return 1;
  }
  io.out(template ? `Le dossier « ${casePath} » est complet pour « ${template.meta.title} ».` : `Le dossier « ${casePath} » est valide.`);
  return 0;
}

function unknownTemplate(id: string, registry: TemplateRegistry): string {
  return `modèle inconnu « ${id} ». Modèles disponibles : ${registry.templates.map((t) => t.meta.id).join(', ')}`;
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...OUTPUT_FORMATS];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const wrong = formats.filter((f) => !(OUTPUT_FORMATS as readonly string[]).includes(f));
  if (wrong.length > 0 || formats.length === 0) throw new UsageError(`format inconnu « ${wrong.join(',') || value} » : choisissez pdf, docx ou pdf,docx`);
  return [...new Set(formats)] as OutputFormat[];
}

async function commandGenerate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    template: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
  });
  const [casePath, extra] = positionals;
  if (!casePath) throw new UsageError('indiquez le fichier du dossier : recours generate DOSSIER.json --template ID --out DOSSIER');
  if (extra) throw new UsageError(`argument en trop « ${extra} »`);
  if (values.template === undefined) throw new UsageError('option --template manquante (voir « recours templates »)');
  if (values.out === undefined) throw new UsageError('option --out manquante : dans quel dossier écrire la lettre ?');
  const formats = parseFormats(values.format as string | undefined);
  const registry = registryOrThrow(io);
  const template = registry.get(String(values.template));
  if (!template) throw new UsageError(unknownTemplate(String(values.template), registry));

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
  const written = await generateLetterFiles({ caseFile: loaded.case, template, outDir: resolve(String(values.out)), formats });
  for (const path of written) io.out(path);
  return 0;
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'templates':
        return await commandTemplates(rest, io);
      case 'check':
        return await commandCheck(rest, io);
      case 'generate':
        return await commandGenerate(rest, io);
      case '--version':
      case '-v':
        io.out('recours 0.1.0');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`commande inconnue « ${command} »`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Erreur : ${e.message}.`);
      io.err(USAGE);
      return 2;
    }
    io.err(`Erreur : ${(e as Error).message}`);
    return 1;
  }
}
