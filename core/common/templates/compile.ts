/**
 * Compiling and rendering templates in an isolated Handlebars instance: strict (a misspelt field is an
 * error, not an empty string), no HTML escaping (the output is a letter, not a web page), only our helpers.
 */
import Handlebars from 'handlebars';
import type { TemplateMeta } from './metadata.js';
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';
import { TemplateError } from './template-error.js';
import type { TemplateSource } from './template-source.js';
import { checkFieldReferences } from './references.js';

const hb = Handlebars.create();
for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);

const KNOWN_HELPERS: Record<string, boolean> = Object.fromEntries(
  [...Object.keys(HELPERS), ...BUILTIN_HELPERS].map((n) => [n, true]),
);

const COMPILE_OPTIONS: CompileOptions = {
  strict: true,
  noEscape: true,
  knownHelpers: KNOWN_HELPERS,
  knownHelpersOnly: true,
  preventIndent: true,
};

type RenderFn = (data: unknown) => string;

export interface CompiledTemplate {
  meta: TemplateMeta;
  renderSubject: RenderFn;
  renderBody: RenderFn;
  renderClosing: RenderFn;
}

/** Part of a template: its Handlebars text and where it sits in the file. */
interface Part {
  name: string;
  text: string;
  firstLine: number;
}

function locate(templateId: string, part: Part, error: unknown): TemplateError {
  if (error instanceof TemplateError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = e.message ?? String(error);
  const parse = /Parse error on line (\d+):\n[^\n]*\n(-*)\^\n?([\s\S]*)/.exec(message);
  let line = e.lineNumber;
  let column = e.column !== undefined ? e.column + 1 : undefined;
  let detail = message.replace(/ - \d+:\d+$/, '');
  if (parse) {
    line = Number(parse[1]);
    column = undefined;
    detail = `syntaxe Handlebars incorrecte (${(parse[3] ?? '').trim() || 'balise mal fermée'})`;
  }
  const missing = /^"?([^"]+)"? not defined in/.exec(detail);
  if (missing) detail = `le champ « ${missing[1]} » n’existe pas ou n’est pas renseigné`;
  const unknownHelper = /unknown helper (\S+)/.exec(detail);
  if (unknownHelper) detail = `fonction inconnue « ${unknownHelper[1]} » (fonctions disponibles : ${Object.keys(KNOWN_HELPERS).join(', ')})`;
  const fileLine = line !== undefined ? (part.name === 'corps' ? line + part.firstLine - 1 : line) : undefined;
  return new TemplateError(templateId, detail, fileLine, column, part.name);
}

function compilePart(templateId: string, part: Part): RenderFn {
  let fn: HandlebarsTemplateDelegate;
  try {
    const ast = hb.parse(part.text);
    for (const ref of checkFieldReferences(ast)) {
      throw new TemplateError(
        templateId,
        ref.kind === 'field'
          ? `champ inconnu « ${ref.path} »`
          : `fonction inconnue « ${ref.path} » (fonctions disponibles : ${Object.keys(KNOWN_HELPERS).join(', ')})`,
        part.name === 'corps' ? ref.line + part.firstLine - 1 : ref.line,
        ref.column + 1,
        part.name,
      );
    }
    fn = hb.compile(ast, COMPILE_OPTIONS);
  } catch (e) {
    throw locate(templateId, part, e);
  }
  return (data: unknown) => {
    try {
      return fn(data);
    } catch (e) {
      throw locate(templateId, part, e);
    }
  };
}

export function compileTemplate(source: TemplateSource): CompiledTemplate {
  const id = source.meta.id;
  return {
    meta: source.meta,
    renderSubject: compilePart(id, { name: 'subject', text: source.meta.subject, firstLine: 1 }),
    renderBody: compilePart(id, { name: 'corps', text: source.body, firstLine: source.bodyLine }),
    renderClosing: compilePart(id, { name: 'closing', text: source.meta.closing, firstLine: 1 }),
  };
}
