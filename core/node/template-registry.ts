/**
 * The template catalogue: the templates/*.hbs files, each parsed, checked and compiled once, when first asked for.
 * A one-shot letter needs one template: reading, parsing (YAML, zod) and compiling (Handlebars) the whole catalogue
 * would cost it more than the letter itself. A template whose text is the one the build precompiled is taken from
 * the template cache (template-cache.ts) instead of compiled.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate, type CompiledTemplate } from '../common/templates/compile.js';
import { parseTemplateSource } from '../common/templates/template-source.js';
import { TemplateError } from '../common/templates/template-error.js';
import { cachedTemplate } from './template-cache.js';

/** The application's folder, holding package.json and templates/ (found from this file, in source or in dist/). */
function applicationDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i += 1) {
    if (existsSync(join(dir, 'templates')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return undefined;
}

/** The templates/ folder shipped with the application. */
export function defaultTemplatesDir(): string {
  const dir = applicationDir();
  if (!dir) throw new Error('Dossier des modèles (templates/) introuvable à côté de l’application.');
  return join(dir, 'templates');
}

/** The template cache written by the build (`npm run build:core`), under dist/. */
export function defaultTemplateCacheDir(): string | undefined {
  const dir = applicationDir();
  return dir && join(dir, 'dist', 'template-cache');
}

export interface TemplateRegistry {
  /** Every template that loads, in file order (loads the whole catalogue on first use). */
  readonly templates: CompiledTemplate[];
  /** Templates that could not be loaded, each with its located error (loads the whole catalogue on first use). */
  readonly errors: TemplateError[];
  /** One template, reading only its own file; undefined when there is none or it does not load. */
  get(id: string): CompiledTemplate | undefined;
}

type Loaded = { template: CompiledTemplate } | { error: TemplateError };

/**
 * The catalogue of `dir` (its file list is read now, the files when needed). `onError` hears each template that fails
 * to load, once, when it is first loaded. `cacheDir`: the template cache consulted (none: false).
 */
export function loadTemplateRegistry(
  dir: string = defaultTemplatesDir(),
  onError?: (error: TemplateError) => void,
  cacheDir: string | false = defaultTemplateCacheDir() ?? false,
): TemplateRegistry {
  const ids = readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => basename(f, '.hbs'));
  const known = new Set(ids);
  const loaded = new Map<string, Loaded>();
  const load = (id: string): Loaded => {
    let entry = loaded.get(id);
    if (!entry) {
      try {
        const text = readFileSync(join(dir, `${id}.hbs`), 'utf8');
        entry = { template: (cacheDir && cachedTemplate(cacheDir, id, text)) || compileTemplate(parseTemplateSource(id, text)) };
      } catch (e) {
        entry = { error: e instanceof TemplateError ? e : new TemplateError(id, (e as Error).message) };
        onError?.(entry.error);
      }
      loaded.set(id, entry);
    }
    return entry;
  };
  let all: { templates: CompiledTemplate[]; errors: TemplateError[] } | undefined;
  const loadAll = () => {
    if (!all) {
      const entries = ids.map(load);
      all = {
        templates: entries.flatMap((e) => ('template' in e ? [e.template] : [])),
        errors: entries.flatMap((e) => ('error' in e ? [e.error] : [])),
      };
    }
    return all;
  };
  return {
    get templates() {
      return loadAll().templates;
    },
    get errors() {
      return loadAll().errors;
    },
    get(id) {
      if (!known.has(id)) return undefined;
      const entry = load(id);
      return 'template' in entry ? entry.template : undefined;
    },
  };
}
