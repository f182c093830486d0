/** Shapes exchanged between the evidence worker and its callers (structured-clone friendly: no classes). */
import type { EvidenceKind } from './media-type.js';

export interface EvidenceReport {
  path: string;
  /** SHA-256 of the file's bytes, hex; '' when the file could not be read. */
  sha256: string;
  size: number;
  /** Detected from the bytes ('' when unreadable). */
  mediaType: string;
  kind: EvidenceKind;
  /** Pages of the file itself: PDF pages, frames of a TIFF, 1 for other images; null for text, e-mail and other files. */
  pages: number | null;
  /** YYYY-MM-DD from EXIF (date the photo was taken), else null. */
  takenAt: string | null;
  /** Everything wrong with the file, in French, without the file name (the caller names it). */
  problems: string[];
  /** French description of the type: « photo HEIC », « document PDF », « vidéo MP4 »… */
  label: string;
  /** Pixel dimensions of an image, as displayed (after EXIF rotation). */
  width?: number;
  height?: number;
  /** Set when the file cannot be reproduced: the reason, in French (also the first problem). */
  unreadable?: string;
}

/** How an image is re-encoded for print: the box it must fit (pixels) and the JPEG settings. */
export interface ImageTarget {
  maxWidth: number;
  maxHeight: number;
  quality: number;
  /** mozjpeg's trellis quantisation and scan optimisation: ~10 % smaller, ~3× slower. */
  mozjpeg: boolean;
}

export interface ImageFrame {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Dimensions of the source image (after EXIF rotation), which set the printed size whatever the resolution. */
  sourceWidth: number;
  sourceHeight: number;
}

export interface EmailAttachment {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** What the dossier draws for an exhibit. */
export type EvidenceContent =
  | { kind: 'image'; frames: ImageFrame[] }
  /** `clean`: the pages with nothing active (JavaScript, actions, embedded files, forms), what the dossier copies. */
  | { kind: 'pdf'; pageCount: number; clean?: Uint8Array; removed?: string[] }
  | { kind: 'text'; text: string; truncated: boolean }
  | { kind: 'email'; headers: [string, string][]; text: string; truncated: boolean; attachments: EmailAttachment[] }
  | { kind: 'other' }
  /** Placeholder page. `attach`: the original is still worth embedding (a PDF protected by a password). */
  | { kind: 'unreadable'; reason: string; attach: boolean };

export interface PreparedEvidence {
  report: EvidenceReport;
  content: EvidenceContent;
  /** The file's bytes, when asked for or needed (other files are attached). */
  original?: Uint8Array;
}

export type EvidenceTask =
  | { type: 'inspect'; path: string; name: string }
  | { type: 'prepare'; path: string; name: string; image: ImageTarget; keepOriginal: boolean }
  | { type: 'reencode'; jpeg: Uint8Array; image: ImageTarget }
  | { type: 'thumbnail'; path: string; maxSize: number };

export interface Thumbnail {
  bytes: Uint8Array;
  mediaType: 'image/jpeg' | 'image/png';
}
