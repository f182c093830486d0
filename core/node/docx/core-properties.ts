import type { IPropertiesOptions } from 'docx';
import type { LetterDocument } from '../../common/document/model.js';
import { entryContent, replaceContent } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';

type CorePropertiesOptions = Pick<IPropertiesOptions, 'title' | 'creator' | 'lastModifiedBy' | 'subject' | 'description' | 'keywords'>;

/** File › Properties as Word shows them: title, author, subject, keywords (the kind of letter), description. */
export function coreProperties(doc: LetterDocument): CorePropertiesOptions {
  return {
    title: doc.meta.title,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    subject: doc.subject,
    keywords: doc.meta.kindLabel,
    description: `${doc.meta.kindLabel} — document établi avec Recours (modèle ${doc.meta.templateId})`,
  };
}

const CORE_PROPERTIES_PATH = 'docProps/core.xml';

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** docx has no option for the language core property (dc:language): it is added to docProps/core.xml here. */
export function withLanguageProperty(entries: readonly ZipEntry[], language: string): ZipEntry[] {
  return entries.map((entry) => {
    if (entry.name !== CORE_PROPERTIES_PATH || language === '') return entry;
    const xml = new TextDecoder().decode(entryContent(entry));
    if (xml.includes('<dc:language') || !xml.includes('</cp:coreProperties>')) return entry;
    const updated = xml.replace('</cp:coreProperties>', `<dc:language>${escapeXml(language)}</dc:language></cp:coreProperties>`);
    return replaceContent(entry, new TextEncoder().encode(updated));
  });
}
