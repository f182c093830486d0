/**
 * The template cache: each shipped template as loading it gives it (its header, read but not yet checked, and each
 * part checked and precompiled by Handlebars), written at build time (scripts/template-cache.mjs) into
 * dist/template-cache/ID.json, one file per template, so that a letter reads only its own.
 *
 * An entry serves only the exact text it was made from (its SHA-256) under the same compiler key (Handlebars,
 * compile options, fields the check accepts: `templateCompilerKey`), and its header is checked again as the file's
 * would be: a template the user edits, adds or breaks is compiled from its source, as without the cache. A
 * missing, unreadable or corrupt entry is ignored the same way.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { precompileTemplate, templateCompilerKey, templateFromSpecs, type CompiledTemplate, type PrecompiledParts } from '../common/templates/compile.js';
import { checkTemplateHeader, splitTemplateSource } from '../common/templates/template-source.js';
import { TemplateError } from '../common/templates/template-error.js';

/** Bumped when the layout of an entry changes. */
const FORMAT = 1;

interface Entry {
  format: number;
  compiler: string;
  sha256: string;
  header: unknown;
  bodyLine: number;
  specs: PrecompiledParts;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let compilerKey: string | undefined;
const currentCompilerKey = () => (compilerKey ??= sha256(templateCompilerKey()));

/**
 * The template `id` from the cache in `cacheDir` when its entry was made from exactly `text` by this compiler;
 * undefined otherwise (then the caller compiles the text, and reports what it reports).
 */
export function cachedTemplate(cacheDir: string, id: string, text: string): CompiledTemplate | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(cacheDir, `${id}.json`), 'utf8')) as Entry;
    if (entry.format !== FORMAT || entry.sha256 !== sha256(text) || entry.compiler !== currentCompilerKey()) return undefined;
    const specs = {
      subject: evaluateSpec(entry.specs.subject),
      corps: evaluateSpec(entry.specs.corps),
      closing: evaluateSpec(entry.specs.closing),
    };
    return templateFromSpecs(checkTemplateHeader(id, entry.header), entry.bodyLine, specs);
  } catch {
    return undefined;
  }
}

/** A spec as Handlebars.precompile writes it: the source of an object literal (functions included). */
function evaluateSpec(source: string): TemplateSpecification {
  if (typeof source !== 'string') throw new TypeError('spec');
  // The cache is build output beside the code, as trusted as it.
  return new Function(`return (${source});`)() as TemplateSpecification;
}

/**
 * At build time: an entry in `cacheDir` (emptied first) for each template of `templatesDir` that loads. Returns the
 * ids cached, and the errors of those that do not load (they are compiled, and reported, at run time as before).
 */
export function writeTemplateCache(templatesDir: string, cacheDir: string): { cached: string[]; errors: TemplateError[] } {
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const cached: string[] = [];
  const errors: TemplateError[] = [];
  for (const file of readdirSync(templatesDir).filter((f) => f.endsWith('.hbs')).sort()) {
    const id = basename(file, '.hbs');
    const text = readFileSync(join(templatesDir, file), 'utf8');
    try {
      const { header, body, bodyLine } = splitTemplateSource(id, text);
      // The header is stored as JSON: a value JSON would not give back the same is not cached.
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(header)), header)) continue;
      const specs = precompileTemplate({ meta: checkTemplateHeader(id, header), body, bodyLine });
      const entry: Entry = { format: FORMAT, compiler: currentCompilerKey(), sha256: sha256(text), header, bodyLine, specs };
      writeFileSync(join(cacheDir, `${id}.json`), JSON.stringify(entry));
      cached.push(id);
    } catch (e) {
      errors.push(e instanceof TemplateError ? e : new TemplateError(id, (e as Error).message));
    }
  }
  return { cached, errors };
}
