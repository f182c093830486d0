/** The template catalogue: every templates/*.hbs file, parsed, checked and compiled once. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate, type CompiledTemplate } from '../common/templates/compile.js';
import { parseTemplateSource } from '../common/templates/template-source.js';
import { TemplateError } from '../common/templates/template-error.js';

/** The templates/ folder shipped with the application (found from this file, in source or in dist/). */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, 'templates')) && existsSync(join(dir, 'package.json'))) return join(dir, 'templates');
    dir = dirname(dir);
  }
  throw new Error('Dossier des modèles (templates/) introuvable à côté de l’application.');
}

export interface TemplateRegistry {
  templates: CompiledTemplate[];
  /** Templates that could not be loaded, each with its located error. */
  errors: TemplateError[];
  get(id: string): CompiledTemplate | undefined;
}

export function loadTemplateRegistry(dir: string = defaultTemplatesDir()): TemplateRegistry {
  const templates: CompiledTemplate[] = [];
  const errors: TemplateError[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.hbs')).sort();
  for (const file of files) {
    const id = basename(file, '.hbs');
    try {
      templates.push(compileTemplate(parseTemplateSource(id, readFileSync(join(dir, file), 'utf8'))));
    } catch (e) {
      errors.push(e instanceof TemplateError ? e : new TemplateError(id, (e as Error).message));
    }
  }
  const byId = new Map(templates.map((t) => [t.meta.id, t]));
  return { templates, errors, get: (id) => byId.get(id) };
}
