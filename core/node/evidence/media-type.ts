/**
 * The real type of an evidence file, from its bytes (magic numbers via file-type; text and e-mail recognised by
 * their content), never from its extension. The extension is only compared with the content to warn the user.
 */
import { fileTypeFromFile, type FileTypeResult } from 'file-type';
import { decodeText } from './text-decode.js';

export type EvidenceKind = 'image' | 'pdf' | 'text' | 'email' | 'other';

export interface MediaType {
  mediaType: string;
  kind: EvidenceKind;
  /** Short French description: « photo JPEG », « document PDF », « vidéo MP4 »… */
  label: string;
}

/** Image formats the dossier reproduces (sharp decodes them; HEIC goes through heic-decode). */
const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'image JPEG',
  'image/png': 'image PNG',
  'image/webp': 'image WebP',
  'image/gif': 'image GIF',
  'image/tiff': 'image TIFF',
  'image/heic': 'photo HEIC',
  'image/heif': 'photo HEIF',
  'image/avif': 'image AVIF',
};

export function isHeic(mediaType: string): boolean {
  return mediaType === 'image/heic' || mediaType === 'image/heif';
}

function otherLabel(mime: string, ext: string): string {
  const name = ext.toUpperCase();
  if (mime.startsWith('video/')) return `vidéo ${name}`;
  if (mime.startsWith('audio/')) return `enregistrement audio ${name}`;
  if (mime.startsWith('image/')) return `image ${name} (format non reproductible)`;
  if (/zip|rar|7z|tar|gzip|bzip|xz|zstd|compress/.test(mime) && !/officedocument|opendocument|epub/.test(mime)) return `archive ${name}`;
  if (/officedocument|msword|ms-excel|ms-powerpoint|opendocument/.test(mime)) return `document bureautique ${name}`;
  return `fichier ${name}`;
}

/** RFC 5322 header names that, together at the top of a text file, make it an e-mail message. */
const MAIL_HEADERS = /^(from|to|cc|date|subject|message-id|received|return-path|mime-version|reply-to|delivered-to|x-[\w-]+):/i;

function looksLikeEmail(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = head.split(/\r?\n/).filter((l) => !/^[ \t]/.test(l));
  if (lines.length < 2) return false;
  const headers = lines.filter((l) => MAIL_HEADERS.test(l));
  const names = new Set(headers.map((l) => l.slice(0, l.indexOf(':')).toLowerCase()));
  // Most lines of the first block are headers, with a sender or a date and a subject or routing line.
  return headers.length >= lines.length * 0.6 && (names.has('from') || names.has('date')) &&
    (names.has('subject') || names.has('received') || names.has('message-id') || names.has('to'));
}

/** Bytes of a file's start enough to tell text from binary (file-type reads what it needs from the file itself). */
export const HEAD_BYTES = 64 * 1024;

/**
 * Detects the type of a file on disk, never read whole: file-type reads the few bytes each format needs (it skips
 * an MP3's ID3 tag, walks a zip's entries), text is told from the file's `head` (its first HEAD_BYTES).
 */
export async function detectFileMediaType(path: string, head: Uint8Array): Promise<MediaType> {
  return classify(await fileTypeFromFile(path), head);
}

function classify(found: FileTypeResult | undefined, head: Uint8Array): MediaType {
  if (found) {
    if (found.mime === 'application/pdf') return { mediaType: found.mime, kind: 'pdf', label: 'document PDF' };
    const imageLabel = IMAGE_TYPES[found.mime];
    if (imageLabel) return { mediaType: found.mime, kind: 'image', label: imageLabel };
    if (found.mime === 'message/rfc822') return { mediaType: found.mime, kind: 'email', label: 'message électronique' };
    if (found.mime !== 'application/xml') return { mediaType: found.mime, kind: 'other', label: otherLabel(found.mime, found.ext) };
  }
  const text = decodeText(head, { partial: true });
  if (text) {
    if (looksLikeEmail(text.text)) return { mediaType: 'message/rfc822', kind: 'email', label: 'message électronique' };
    if (/^\s*(<!doctype html|<html)/i.test(text.text)) return { mediaType: 'text/html', kind: 'text', label: 'page web (HTML)' };
    return { mediaType: 'text/plain', kind: 'text', label: 'texte' };
  }
  return { mediaType: 'application/octet-stream', kind: 'other', label: 'fichier de type inconnu' };
}

/** What an extension promises, for the extensions people actually use for evidence. */
const EXTENSION_KINDS: Record<string, { kind: EvidenceKind; label: string }> = {
  jpg: { kind: 'image', label: 'une image JPEG' },
  jpeg: { kind: 'image', label: 'une image JPEG' },
  jfif: { kind: 'image', label: 'une image JPEG' },
  png: { kind: 'image', label: 'une image PNG' },
  webp: { kind: 'image', label: 'une image WebP' },
  gif: { kind: 'image', label: 'une image GIF' },
  tif: { kind: 'image', label: 'une image TIFF' },
  tiff: { kind: 'image', label: 'une image TIFF' },
  heic: { kind: 'image', label: 'une photo HEIC' },
  heif: { kind: 'image', label: 'une photo HEIF' },
  avif: { kind: 'image', label: 'une image AVIF' },
  pdf: { kind: 'pdf', label: 'un PDF' },
  txt: { kind: 'text', label: 'un texte' },
  text: { kind: 'text', label: 'un texte' },
  log: { kind: 'text', label: 'un texte' },
  csv: { kind: 'text', label: 'un texte' },
  md: { kind: 'text', label: 'un texte' },
  htm: { kind: 'text', label: 'une page web' },
  html: { kind: 'text', label: 'une page web' },
  eml: { kind: 'email', label: 'un message électronique' },
};

/** Extensions of each image format, to tell « .jpg holding a PNG » apart from a correct name. */
const IMAGE_EXTENSIONS: Record<string, string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/tiff': ['tif', 'tiff'],
  'image/heic': ['heic', 'heif'],
  'image/heif': ['heic', 'heif'],
  'image/avif': ['avif'],
};

export interface ExtensionCheck {
  /** The content cannot be reproduced although the name promises a reproducible type: placeholder page. */
  fatal: boolean;
  /** French, without the file name (the caller adds it). */
  message: string;
}

/** Compares a file name's extension with the detected content; null when they agree or the extension says nothing. */
export function checkExtension(fileName: string, detected: MediaType): ExtensionCheck | null {
  const match = /\.([^./\\]+)$/.exec(fileName);
  const ext = match?.[1]?.toLowerCase();
  if (!ext) return null;
  const promised = EXTENSION_KINDS[ext];
  if (!promised) return null;
  if (promised.kind === detected.kind) {
    const imageExts = IMAGE_EXTENSIONS[detected.mediaType];
    if (detected.kind !== 'image' || !imageExts || imageExts.includes(ext)) return null;
    return { fatal: false, message: `l’extension « .${ext} » ne correspond pas au contenu (${detected.label}) ; le contenu réel est reproduit` };
  }
  // An e-mail saved as .txt, a web page saved as .txt: still text.
  if (promised.kind === 'text' && detected.kind === 'email') return null;
  if (detected.kind === 'other') {
    return { fatal: true, message: `le nom annonce ${promised.label} (« .${ext} ») mais le contenu est ${articleLabel(detected)}` };
  }
  return { fatal: false, message: `l’extension « .${ext} » ne correspond pas au contenu (${detected.label}) ; le contenu réel est reproduit` };
}

function articleLabel(detected: MediaType): string {
  if (detected.label === 'fichier de type inconnu') return 'de type inconnu (ni image, ni PDF, ni texte)';
  return /^(vidéo|image|archive|photo)/.test(detected.label) ? `une ${detected.label}` : `un ${detected.label}`;
}
