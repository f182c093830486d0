/**
 * Compiling and rendering templates in an isolated Handlebars instance: strict (a misspelt field is an
 * error, not an empty string), no HTML escaping (the output is a letter, not a web page), only our helpers.
 *
 * A template is compiled from its source (`compileTemplate`), or rebuilt from what `precompileTemplate` gave at
 * build time (`templateFromSpecs`, for the template cache of core/node/template-cache.ts): then only Handlebars'
 * runtime is used, and the command-line bundle loads neither YAML nor Handlebars' compiler.
 */
import Handlebars from 'handlebars';
import HandlebarsRuntime from 'handlebars/runtime.js';
import type { TemplateMeta } from './metadata.js';
import { BUILTIN_HELPERS, HELPERS } from './helpers.js';
import { TemplateError } from './template-error.js';
import type { TemplateSource } from './template-source.js';
import { checkFieldReferences, referenceView } from './references.js';

function withHelpers<T extends Pick<typeof Handlebars, 'registerHelper'>>(instance: T): T {
  for (const [name, fn] of Object.entries(HELPERS)) instance.registerHelper(name, fn as Handlebars.HelperDelegate);
  return instance;
}

/** Renders the templates rebuilt from their precompiled parts. */
const runtime = withHelpers(HandlebarsRuntime.create());
/** Compiles (and renders) templates from their source: created on first use, so that a cached letter never loads it. */
let compiler: typeof Handlebars | undefined;
const hbCompiler = () => (compiler ??= withHelpers(Handlebars.create()));

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

type PartName = 'subject' | 'corps' | 'closing';

/** Part of a template: its Handlebars text and where it sits in the file. */
interface Part {
  name: PartName;
  text: string;
  firstLine: number;
}

/** Handlebars' precompiled form of each part (`Handlebars.precompile`: JavaScript source of the spec object). */
export type PrecompiledParts = Record<PartName, string>;

function partsOf(meta: TemplateMeta, body: string, bodyLine: number): Part[] {
  return [
    { name: 'subject', text: meta.subject, firstLine: 1 },
    { name: 'corps', text: body, firstLine: bodyLine },
    { name: 'closing', text: meta.closing, firstLine: 1 },
  ];
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

/** The part parsed, once every field and function it names is known (else the first unknown one, located). */
function checkedAst(templateId: string, part: Part): hbs.AST.Program {
  const ast = hbCompiler().parse(part.text);
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
  return ast;
}

function located(templateId: string, part: Part, fn: HandlebarsTemplateDelegate): RenderFn {
  return (data: unknown) => {
    try {
      return fn(data);
    } catch (e) {
      throw locate(templateId, part, e);
    }
  };
}

function compilePart(templateId: string, part: Part): RenderFn {
  let fn: HandlebarsTemplateDelegate;
  try {
    fn = hbCompiler().compile(checkedAst(templateId, part), COMPILE_OPTIONS);
  } catch (e) {
    throw locate(templateId, part, e);
  }
  return located(templateId, part, fn);
}

export function compileTemplate(source: TemplateSource): CompiledTemplate {
  const id = source.meta.id;
  const [subject, corps, closing] = partsOf(source.meta, source.body, source.bodyLine).map((part) => compilePart(id, part));
  return { meta: source.meta, renderSubject: subject!, renderBody: corps!, renderClosing: closing! };
}

/** At build time: each part checked as `compileTemplate` checks it, then precompiled (throws what it throws). */
export function precompileTemplate(source: TemplateSource): PrecompiledParts {
  const id = source.meta.id;
  const specs = {} as PrecompiledParts;
  for (const part of partsOf(source.meta, source.body, source.bodyLine)) {
    try {
      // A copy: precompile writes its defaults into the options it is given. Its typings say an object; it is source text.
      specs[part.name] = String(hbCompiler().precompile(checkedAst(id, part), { ...COMPILE_OPTIONS }));
    } catch (e) {
      throw locate(id, part, e);
    }
  }
  return specs;
}

/**
 * The template rebuilt from its checked metadata and its parts precompiled (each spec evaluated from what
 * `precompileTemplate` gave), rendering as `compileTemplate` would. Throws when a spec is not one Handlebars takes.
 */
export function templateFromSpecs(meta: TemplateMeta, bodyLine: number, specs: Record<PartName, TemplateSpecification>): CompiledTemplate {
  const [subject, corps, closing] = partsOf(meta, '', bodyLine).map((part) => located(meta.id, part, runtime.template(specs[part.name])));
  return { meta, renderSubject: subject!, renderBody: corps!, renderClosing: closing! };
}

/**
 * What a precompiled template depends on besides its file: Handlebars' version, the compile options (our helpers
 * among them) and the fields the check accepts. A cache entry made under another key is not used.
 */
export function templateCompilerKey(): string {
  return JSON.stringify([HandlebarsRuntime.VERSION, COMPILE_OPTIONS, referenceView()]);
}
