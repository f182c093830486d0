/**
 * What the evidence worker does with one file: read it (never write it), fingerprint it, detect its real type,
 * check it, and — for the dossier — turn it into what the PDF will show. Every problem becomes a French sentence
 * in the report; nothing here throws for a bad file.
 */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { ownBytes, sha256File } from './bytes.js';
import { checkExtension, detectFileMediaType, HEAD_BYTES, type MediaType } from './media-type.js';
import { exifTakenAt } from './exif-date.js';
import { formatSize } from './format.js';
import { imageForPrint, imageInfo, reencode, thumbnail, verifyImage } from './images.js';
import { htmlToText, parseEmail } from './email.js';
import { checkPdf, cleanExhibitPdf } from './pdf-check.js';
import { EvidenceProblem } from './problem.js';
import { decodeText } from './text-decode.js';
import { MAX_LOADED_BYTES, MAX_TEXT_PAGES } from './limits.js';
import type { EvidenceContent, EvidenceReport, EvidenceTask, ImageTarget, PreparedEvidence, Thumbnail } from './types.js';

/** Characters and lines of a text exhibit reproduced at most: about MAX_TEXT_PAGES pages either way. */
const MAX_TEXT_CHARS = MAX_TEXT_PAGES * 4_500;
const MAX_TEXT_LINES = MAX_TEXT_PAGES * 58;
/** Bytes of a text read to reproduce its start: MAX_TEXT_CHARS characters whatever the encoding (4 bytes each at most). */
const TEXT_READ_BYTES = 4 * MAX_TEXT_CHARS;

/** The start of a long text, cut at a line end; `truncated` when something was left out. */
function textHead(text: string): { text: string; truncated: boolean } {
  let end = Math.min(text.length, MAX_TEXT_CHARS);
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    if (++lines >= MAX_TEXT_LINES) {
      end = i;
      break;
    }
  }
  return end < text.length ? { text: text.slice(0, end), truncated: true } : { text, truncated: false };
}

export const NOT_REGULAR = 'n’est pas un fichier ordinaire (dossier, tube ou périphérique) : rien n’est lu';

function emptyReport(path: string): EvidenceReport {
  return { path, sha256: '', size: 0, mediaType: '', kind: 'other', pages: null, takenAt: null, problems: [], label: 'fichier' };
}

function unreadable(report: EvidenceReport, reason: string, attach = false): PreparedEvidence {
  report.unreadable = reason;
  if (!report.problems.includes(reason)) report.problems.unshift(reason);
  return { report, content: { kind: 'unreadable', reason, attach } };
}

function fileError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'fichier introuvable';
  if (code === 'EACCES' || code === 'EPERM') return 'lecture du fichier refusée (droits d’accès)';
  if (code === 'EISDIR') return NOT_REGULAR;
  return `lecture du fichier impossible (${code ?? String(e)})`;
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

interface PrepareOptions {
  image: ImageTarget;
  keepOriginal: boolean;
}

/** Inspects a file (prepare absent) or prepares it for the dossier. */
export async function examine(path: string, name: string, prepare?: PrepareOptions): Promise<PreparedEvidence> {
  const report = emptyReport(path);
  let size: number;
  try {
    const info = await stat(path);
    // A FIFO would block the read, a device never end: only regular files are read.
    if (!info.isFile()) return unreadable(report, NOT_REGULAR);
    size = info.size;
  } catch (e) {
    return unreadable(report, fileError(e));
  }
  report.size = size;
  if (size === 0) return unreadable(report, 'le fichier est vide (0 octet)');

  // The type from the file's head. A file only listed (a video, anything not reproduced, unless the dossier attaches
  // it) is hashed as a stream, never read whole: a 150 MB video costs the worker a few buffers. Of a long text only
  // the start is read, the rest scanned for NUL bytes (binary data) while it is hashed.
  let media: MediaType;
  let bytes: Uint8Array;
  let nulFurther = false;
  try {
    media = await detectFileMediaType(path, await readHead(path, HEAD_BYTES));
    const longText = media.kind === 'text' && size > TEXT_READ_BYTES;
    if (size > MAX_LOADED_BYTES || (!prepare && (media.kind === 'other' || longText))) {
      report.sha256 = await sha256File(path, longText ? (chunk) => void (nulFurther ||= chunk.includes(0)) : undefined);
      bytes = longText ? await readHead(path, TEXT_READ_BYTES) : new Uint8Array(0);
    } else {
      // An image (decoded by sharp within MAX_IMAGE_PIXELS), a PDF, a message, a text, a file the dossier attaches.
      bytes = ownBytes(await readFile(path));
      report.size = bytes.byteLength;
      report.sha256 = createHash('sha256').update(bytes).digest('hex');
      nulFurther = longText && bytes.includes(0, TEXT_READ_BYTES);
    }
  } catch (e) {
    return unreadable(report, fileError(e));
  }
  Object.assign(report, { mediaType: media.mediaType, kind: media.kind, label: media.label });
  if (size > MAX_LOADED_BYTES) return unreadable(report, `fichier trop volumineux (${formatSize(size)}) pour être reproduit ou joint au PDF : à transmettre séparément`);

  const extension = checkExtension(name, media);
  if (extension?.fatal) return unreadable(report, extension.message);
  if (extension) report.problems.push(extension.message);
  if (media.kind === 'other' && !prepare) return { report, content: { kind: 'other' } };

  // The original goes with the dossier only (an inspection returns the report alone).
  const original = bytes;
  const keep = (result: PreparedEvidence, needed: boolean): PreparedEvidence =>
    prepare && (needed || prepare.keepOriginal) ? { ...result, original } : result;

  try {
    const content = await describe(bytes, media, report, prepare, nulFurther);
    // Other files, and texts too long to reproduce, are attached (PDF pages are copied from the cleaned copy).
    const needed = content.kind === 'other' || ((content.kind === 'text' || content.kind === 'email') && content.truncated);
    return keep({ report, content }, needed);
  } catch (e) {
    if (e instanceof EvidenceProblem) return keep(unreadable(report, e.message, e.attach), e.attach);
    throw e;
  }
}

async function describe(bytes: Uint8Array, media: MediaType, report: EvidenceReport, prepare: PrepareOptions | undefined, nulFurther: boolean): Promise<EvidenceContent> {
  switch (media.kind) {
    case 'image': {
      const info = await imageInfo(bytes, media.mediaType);
      Object.assign(report, { width: info.width, height: info.height, pages: info.frames, takenAt: exifTakenAt(bytes, media.mediaType) });
      if (info.framesInFile > info.frames) {
        report.problems.push(
          info.frames === 1
            ? `image animée ou à plusieurs vues (${info.framesInFile}) : seule la première est reproduite`
            : `${info.framesInFile} pages : seules les ${info.frames} premières sont reproduites`,
        );
      }
      if (!prepare) {
        await verifyImage(bytes, media.mediaType);
        return { kind: 'image', frames: [] };
      }
      return { kind: 'image', frames: await imageForPrint(bytes, media.mediaType, info, prepare.image) };
    }
    case 'pdf': {
      if (!prepare) {
        report.pages = await checkPdf(bytes);
        return { kind: 'pdf', pageCount: report.pages };
      }
      const clean = await cleanExhibitPdf(bytes);
      report.pages = clean.pageCount;
      return { kind: 'pdf', pageCount: clean.pageCount, clean: clean.bytes, removed: clean.removed };
    }
    case 'text': {
      // A long text is decoded from its first TEXT_READ_BYTES only: more than the MAX_TEXT_CHARS reproduced.
      const long = report.size > TEXT_READ_BYTES;
      const decoded = decodeText(long ? bytes.subarray(0, TEXT_READ_BYTES) : bytes, { partial: long });
      // UTF-16 has NUL bytes in every ASCII character; elsewhere one further on means binary data.
      if (!decoded || (nulFurther && !decoded.encoding.startsWith('utf-16'))) throw new EvidenceProblem('le fichier contient des données binaires : ce n’est pas un texte');
      const full = media.mediaType === 'text/html' ? htmlToText(decoded.text) : decoded.text.replace(/^\uFEFF/, '');
      if (media.mediaType === 'text/html') report.problems.push('page web reproduite en texte seul (sans mise en forme ni images)');
      const head = textHead(full);
      const truncated = head.truncated || long;
      if (truncated) report.problems.push(`texte très long : seul le début est reproduit (environ ${MAX_TEXT_PAGES} pages) ; le fichier complet est joint au PDF`);
      return { kind: 'text', text: head.text, truncated };
    }
    case 'email': {
      const email = await parseEmail(bytes);
      if (email.text === '') report.problems.push('le message ne contient pas de texte');
      const { text, truncated } = textHead(email.text);
      if (truncated) report.problems.push('message très long : seul le début est reproduit ; le fichier complet est joint au PDF');
      return { kind: 'email', headers: email.headers, text, truncated, attachments: prepare ? email.attachments : [] };
    }
    case 'other':
      return { kind: 'other' };
  }
}

/** Buffers a result can hand over to the calling thread without copying. */
export function transferables(value: unknown, out: ArrayBuffer[] = [], seen = new Set<unknown>()): ArrayBuffer[] {
  if (value instanceof Uint8Array) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === buffer.byteLength && !out.includes(buffer)) out.push(buffer);
    return out;
  }
  if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const v of Object.values(value)) transferables(v, out, seen);
  }
  return out;
}

async function thumbnailOf(path: string, maxSize: number): Promise<Thumbnail | null> {
  const prepared = await examine(path, path);
  if (prepared.report.kind !== 'image' || prepared.report.unreadable) return null;
  return thumbnail(ownBytes(await readFile(path)), prepared.report.mediaType, maxSize);
}

export async function runEvidenceTask(task: EvidenceTask): Promise<unknown> {
  switch (task.type) {
    case 'inspect':
      return (await examine(task.path, task.name)).report;
    case 'prepare':
      return examine(task.path, task.name, { image: task.image, keepOriginal: task.keepOriginal });
    case 'reencode':
      return reencode(task.jpeg, task.image);
    case 'thumbnail':
      return thumbnailOf(task.path, task.maxSize);
  }
}
