/** Reads a template file: a YAML header between two « --- » lines, then the Handlebars body. */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { templateMetaSchema, type TemplateMeta } from './metadata.js';
import { TemplateError } from './template-error.js';
import { parseContext } from '../case/parse-context.js';

export interface TemplateSource {
  meta: TemplateMeta;
  body: string;
  /** Line of the file where the body starts (1-based), so errors point into the file. */
  bodyLine: number;
}

export function parseTemplateSource(fileId: string, text: string): TemplateSource {
  const { header, body, bodyLine } = splitTemplateSource(fileId, text);
  return { meta: checkTemplateHeader(fileId, header), body, bodyLine };
}

/** The header as YAML gives it (not yet checked) and the body: what the template cache keeps of a file's header. */
export function splitTemplateSource(fileId: string, text: string): { header: unknown; body: string; bodyLine: number } {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  if (!m) throw new TemplateError(fileId, 'en-tête manquant : le fichier doit commencer par un bloc « --- » de métadonnées YAML', 1);
  let header: unknown;
  try {
    header = parseYaml(m[1] ?? '');
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      throw new TemplateError(fileId, `en-tête YAML illisible (${e.code})`, pos ? pos.line + 1 : undefined, pos?.col);
    }
    throw e;
  }
  const bodyLine = (m[0].match(/\n/g)?.length ?? 0) + 1;
  return { header, body: normalised.slice(m[0].length), bodyLine };
}

/** The metadata of a header read from the file `fileId`.hbs, checked against the schema (defaults filled in). */
export function checkTemplateHeader(fileId: string, header: unknown): TemplateMeta {
  const parsed = templateMetaSchema.safeParse(header, parseContext(templateMetaSchema));
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `« ${i.path.join('.') || '(en-tête)'} » ${i.message}`).join(' ; ');
    throw new TemplateError(fileId, `métadonnées invalides : ${list}`, 1);
  }
  if (parsed.data.id !== fileId) {
    throw new TemplateError(fileId, `l’identifiant « ${parsed.data.id} » doit être le nom du fichier (« ${fileId} »)`, 1);
  }
  return parsed.data;
}
