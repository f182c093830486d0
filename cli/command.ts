/** What every `recours` sub-command provides, and the helpers they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadTemplateRegistry, type TemplateRegistry } from '../core/node/template-registry.js';

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

/** The template catalogue; templates that fail to load are reported, the others stay usable. */
export function templateRegistry(io: Io): TemplateRegistry {
  const registry = loadTemplateRegistry();
  for (const error of registry.errors) io.err(`Attention : ${error.message}`);
  return registry;
}

export function unknownTemplate(id: string, registry: TemplateRegistry): UsageError {
  return new UsageError(`modèle inconnu « ${id} ». Modèles disponibles : ${registry.templates.map((t) => t.meta.id).join(', ')}`);
}
