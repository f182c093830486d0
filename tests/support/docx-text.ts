/**
 * Reads back what a DOCX shows: the text of every paragraph (body and tables, in order) with its style, the footer's
 * text with its field instructions, the embedded fonts and the core properties. For tests.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';

/** A node of fast-xml-parser's ordered output: `{ 'w:p': [...children], ':@': { '@_w:val': … } }` or `{ '#text': … }`. */
type XmlNode = Record<string, unknown>;

export interface DocxParagraph {
  style?: string;
  text: string;
}

export interface DocxContent {
  /** Body paragraphs in document order, those in table cells included. */
  paragraphs: DocxParagraph[];
  /** The paragraphs' texts joined with '\n'. */
  text: string;
  /** The footers' text, field instructions included (e.g. ' PAGE ', ' NUMPAGES '). */
  footerText: string;
  /** The headers' paragraphs that hold text (the running header of pages 2+), one per paragraph. */
  headerTexts: string[];
  /** Embedded faces found in word/fontTable.xml whose file is in the package, e.g. 'DejaVu Serif Bold'. */
  fontsEmbedded: string[];
  coreProperties: {
    title?: string;
    creator?: string;
    language?: string;
    subject?: string;
    keywords?: string;
    description?: string;
  };
}

const parser = new XMLParser({
  preserveOrder: true,
  trimValues: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

function parse(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

/** The element name of a node, or undefined for text and attribute-only nodes. */
function nameOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name === undefined ? undefined : node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function attribute(node: XmlNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined;
  const value = attributes?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function textOf(nodes: XmlNode[]): string {
  return nodes.map((n) => (typeof n['#text'] === 'string' || typeof n['#text'] === 'number' ? String(n['#text']) : '')).join('');
}

/** All descendants (and self) named `name`, in document order, not looking inside matches. */
function findAll(nodes: XmlNode[], name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const walk = (list: XmlNode[]) => {
    for (const node of list) {
      if (nameOf(node) === name) found.push(node);
      else walk(childrenOf(node));
    }
  };
  walk(nodes);
  return found;
}

/** A run's visible content: w:t text, w:noBreakHyphen as '-', w:tab as '\t', w:br / w:cr as '\n'; field instructions when asked. */
function runText(run: XmlNode, withInstructions: boolean): string {
  return childrenOf(run)
    .map((child) => {
      switch (nameOf(child)) {
        case 'w:t':
          return textOf(childrenOf(child));
        case 'w:noBreakHyphen':
          return '-';
        case 'w:tab':
          return '\t';
        case 'w:br':
        case 'w:cr':
          return '\n';
        case 'w:instrText':
          return withInstructions ? textOf(childrenOf(child)) : '';
        default:
          return '';
      }
    })
    .join('');
}

function paragraphText(paragraph: XmlNode, withInstructions: boolean): string {
  return findAll(childrenOf(paragraph), 'w:r')
    .map((run) => runText(run, withInstructions))
    .join('');
}

function paragraphStyle(paragraph: XmlNode): string | undefined {
  const properties = childrenOf(paragraph).find((n) => nameOf(n) === 'w:pPr');
  const style = properties && childrenOf(properties).find((n) => nameOf(n) === 'w:pStyle');
  return style && attribute(style, 'w:val');
}

async function readText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

const FACES: Record<string, string> = {
  'w:embedRegular': 'Regular',
  'w:embedBold': 'Bold',
  'w:embedItalic': 'Italic',
  'w:embedBoldItalic': 'BoldItalic',
};

async function embeddedFonts(zip: JSZip): Promise<string[]> {
  const table = await readText(zip, 'word/fontTable.xml');
  if (!table) return [];
  const rels = await readText(zip, 'word/_rels/fontTable.xml.rels');
  const targets = new Map<string, string>();
  for (const rel of rels ? findAll(parse(rels), 'Relationship') : []) {
    const id = attribute(rel, 'Id');
    const target = attribute(rel, 'Target');
    if (id && target) targets.set(id, target.replace(/^\//, '').replace(/^(?!word\/)/, 'word/'));
  }
  const out: string[] = [];
  for (const font of findAll(parse(table), 'w:font')) {
    for (const child of childrenOf(font)) {
      const face = FACES[nameOf(child) ?? ''];
      const target = targets.get(attribute(child, 'r:id') ?? '');
      if (face && target && zip.file(target)) out.push(`${attribute(font, 'w:name')} ${face}`);
    }
  }
  return out;
}

async function coreProperties(zip: JSZip): Promise<DocxContent['coreProperties']> {
  const xml = await readText(zip, 'docProps/core.xml');
  if (!xml) return {};
  const root = findAll(parse(xml), 'cp:coreProperties')[0];
  const props: Record<string, string> = {};
  for (const child of root ? childrenOf(root) : []) {
    const name = nameOf(child);
    if (name) props[name.replace(/^.*:/, '')] = textOf(childrenOf(child));
  }
  const pick = (key: string) => (props[key] === undefined ? {} : { [key]: props[key] });
  return {
    ...pick('title'),
    ...pick('creator'),
    ...pick('language'),
    ...pick('subject'),
    ...pick('keywords'),
    ...pick('description'),
  };
}

export async function extractDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const documentXml = await readText(zip, 'word/document.xml');
  if (documentXml === undefined) throw new Error('Not a DOCX: no word/document.xml');

  const paragraphs = findAll(parse(documentXml), 'w:p').map((p): DocxParagraph => {
    const style = paragraphStyle(p);
    return { ...(style === undefined ? {} : { style }), text: paragraphText(p, false) };
  });

  const partTexts = async (part: 'header' | 'footer'): Promise<string[]> => {
    const paths = Object.keys(zip.files)
      .filter((path) => new RegExp(`^word/${part}\\d*\\.xml$`).test(path))
      .sort();
    const texts: string[] = [];
    for (const path of paths) texts.push(...findAll(parse((await readText(zip, path))!), 'w:p').map((p) => paragraphText(p, true)));
    return texts;
  };
  const footerTexts = await partTexts('footer');

  return {
    paragraphs,
    text: paragraphs.map((p) => p.text).join('\n'),
    footerText: footerTexts.join('\n'),
    headerTexts: (await partTexts('header')).filter((t) => t !== ''),
    fontsEmbedded: await embeddedFonts(zip),
    coreProperties: await coreProperties(zip),
  };
}
