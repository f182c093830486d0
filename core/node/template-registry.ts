/**
 * The template catalogue: the templates/*.hbs files, each parsed, checked and compiled once, when first asked for.
 * A one-shot letter needs one template: reading, parsing (YAML, zod) and compiling (Handlebars) the whole catalogue
 * would cost it more than the letter itself. A template whose text is the one the build precompiled is taken from
 * the template cache (template-cache.ts) instead of compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileTemplate, type CompiledTemplate } from '../common/templates/compile.js';
import { parseTemplateSource } from '../common/templates/template-source.js';
import { TemplateError } from '../common/templates/template-error.js';
import { packageRoot } from './package-root.js';
import { cachedTemplate } from './template-cache.js';

/** The templates/ folder shipped with the application (found from this file, in source or in dist/). */
export function defaultTemplatesDir(): string {
  const root = packageRoot();
  if (root) return join(root, 'templates');
  throw new Error('Dossier des modèles (templates/) introuvable à côté de l’application.');
}

/** The template cache written by the build (`npm run build:core`), under dist/. */
export function defaultTemplateCacheDir(): string | undefined {
  const root = packageRoot();
  return root && join(root, 'dist', 'template-cache');
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
