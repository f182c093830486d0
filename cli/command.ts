/** What every `recours` sub-command provides, and the helpers they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TemplateRegistry } from '../core/node/template-registry.js';
import type { CaseFile } from '../core/common/case/schema.js';
import { isRealIsoDate, todayIso } from '../core/common/format/dates.js';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface Command {
  name: string;
  /** Lines of the usage text for this command (French). */
  usage: string;
  /** Returns the exit code: 0 done, 1 invalid or incomplete case, 2 misuse (throw UsageError for that). */
  run(args: string[], io: Io): Promise<number>;
}

/** A misused command line: exit code 2, message and usage on stderr. */
export class UsageError extends Error {}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    throw new UsageError(unknown ? `option inconnue « ${unknown[1]} »` : `arguments incorrects (${msg})`);
  }
}

/** The one case file a command works on: exactly one positional argument. */
export function singleCasePath(positionals: string[], example: string): string {
  const [casePath, extra] = positionals;
  if (!casePath) throw new UsageError(`indiquez le fichier du dossier : ${example}`);
  if (extra) throw new UsageError(`argument en trop « ${extra} »`);
  return casePath;
}

/**
 * The start of a command that judges one case on a date (`deadlines`, `next`, `summary`): its options and --today,
 * the case file (null once its problems are reported on stderr) and the date.
 */
export async function caseOnDate<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], io: Io, options: O, example: string) {
  const { values, positionals } = parse(args, { ...options, today: { type: 'string' } });
  const casePath = singleCasePath(positionals, example);
  const today = todayOption((values as { today?: string }).today);
  const caseFile = await loadCaseOrReport(casePath, io.err);
  return { values, casePath, today, caseFile };
}

/**
 * The template catalogue; a template that fails to load is reported when the command first needs it (the one it
 * names, or the whole list), the others stay usable.
 */
export async function templateRegistry(io: Io): Promise<TemplateRegistry> {
  // Imported here, not at the top: Handlebars, YAML and zod load only for the commands that need templates.
  const { loadTemplateRegistry } = await import('../core/node/template-registry.js');
  return loadTemplateRegistry(undefined, (error) => io.err(`Attention : ${error.message}`));
}

/** The refusal of a template `get` did not give: one to mend (its error was reported as it loaded), or an unknown id (a misuse). */
export function unknownTemplate(id: string, registry: TemplateRegistry): Error {
  if (registry.errors.some((e) => e.templateId === id)) {
    return new Error(`le modèle « ${id} » ne peut pas servir tant que l’erreur signalée ci-dessus n’est pas corrigée (templates/${id}.hbs).`);
  }
  return new UsageError(`modèle inconnu « ${id} ». Modèles disponibles : ${registry.templates.map((t) => t.meta.id).join(', ')}`);
}

/**
 * Loads a case file; when it is unreadable or invalid, writes every problem under `heading` (on stdout or stderr,
 * as the command reports) and returns null, so the command exits 1.
 */
export async function loadCaseOrReport(
  casePath: string,
  write: (line: string) => void,
  heading = (count: number) => `Le dossier « ${casePath} » contient ${count} problème(s) :`,
): Promise<CaseFile | null> {
  const { loadCaseFile } = await import('../core/node/case-file.js');
  const loaded = await loadCaseFile(casePath);
  if (loaded.ok) return loaded.case;
  write(heading(loaded.problems.length));
  for (const p of loaded.problems) write(`  - ${p.message}`);
  return null;
}

/** The --today option (for scripts and tests): a real YYYY-MM-DD date, today on the user's clock by default. */
export function todayOption(value: string | undefined): string {
  if (value === undefined) return todayIso();
  if (!isRealIsoDate(value)) throw new UsageError(`--today « ${value} » n’est pas une date réelle (format attendu AAAA-MM-JJ)`);
  return value;
}
