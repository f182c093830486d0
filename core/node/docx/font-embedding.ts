/**
 * Embedding DejaVu Serif's four faces, fast.
 *
 * docx embeds fonts itself (`Document({ fonts })`: fontTable.xml with w:embedRegular/Bold/Italic/BoldItalic, the
 * relationships, and each face obfuscated as word/fonts/font<N>.odttf), but it deflates the ~1.4 MB of TTF again for
 * every document, which alone takes ~55 ms. So docx is given only the first 32 bytes of each face, the part that
 * obfuscation (ECMA-376 Part 1, §17.8.1) changes with the document's random font key; it writes everything else as
 * usual. Then each font entry of the package is completed: the obfuscated 32 bytes docx wrote, as a stored deflate
 * block, followed by the rest of the face, deflated once per process and cached. The deflation runs in libuv's thread
 * pool from the moment the letter starts being built, on another core while docx works.
 */
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
import type { IPropertiesOptions } from 'docx';
import { LETTER_FONT_FAMILY } from '../fonts.js';
import type { FontSet } from '../fonts.js';
import { DEFLATED, crc32, entryContent } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';

type DocxFontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

/** Bytes of a face that obfuscation changes. */
const OBFUSCATED_LENGTH = 32;

export interface FontEmbedding {
  /** The `fonts` option for docx's Document. */
  options: DocxFontOptions[];
  /** The whole face for each (truncated) data buffer given to docx. */
  faces: Map<Uint8Array, Uint8Array>;
}

const deflateRaw = promisify(zlib.deflateRaw);

/** The deflated bytes after the obfuscated part, by face. */
const deflatedTails = new WeakMap<Uint8Array, Promise<Uint8Array>>();

function deflatedTail(face: Uint8Array): Promise<Uint8Array> {
  let tail = deflatedTails.get(face);
  if (!tail) {
    tail = deflateRaw(face.subarray(OBFUSCATED_LENGTH));
    deflatedTails.set(face, tail);
    tail.catch(() => deflatedTails.delete(face));
  }
  return tail;
}

/** What to give docx for the four faces, and how to find each whole face again. */
export function fontEmbedding(fonts: FontSet): FontEmbedding {
  const faces = new Map<Uint8Array, Uint8Array>();
  const head = (face: Uint8Array): Buffer => {
    if (face.byteLength <= OBFUSCATED_LENGTH) return Buffer.from(face);
    const truncated = Buffer.from(face.subarray(0, OBFUSCATED_LENGTH));
    faces.set(truncated, face);
    void deflatedTail(face); // started now, awaited by withWholeFonts
    return truncated;
  };
  return {
    options: [
      {
        name: LETTER_FONT_FAMILY,
        data: head(fonts.regular),
        bold: head(fonts.bold),
        italic: head(fonts.italic),
        boldItalic: head(fonts.boldItalic),
      },
    ],
    faces,
  };
}

/** A non-final stored DEFLATE block: the bytes as they are, after which another deflate stream can follow. */
function storedBlock(bytes: Uint8Array): Uint8Array {
  const n = bytes.byteLength;
  const block = new Uint8Array(5 + n);
  block.set([0x00, n & 0xff, n >>> 8, ~n & 0xff, (~n >>> 8) & 0xff]);
  block.set(bytes, 5);
  return block;
}

/**
 * Deflates the faces once now, so that the first letter written is as fast as the next ones
 * (e.g. at application start-up).
 */
export async function warmFontCache(fonts: FontSet): Promise<void> {
  const faces = [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic].filter((face) => face.byteLength > OBFUSCATED_LENGTH);
  await Promise.all(faces.map(deflatedTail));
}

/**
 * The package's entries with each truncated font file completed. `files` is docx's list of embedded faces, in the
 * order of their files word/fonts/font1.odttf, font2.odttf…
 */
export async function withWholeFonts(
  entries: readonly ZipEntry[],
  files: readonly { data: Uint8Array }[],
  embedding: FontEmbedding,
): Promise<ZipEntry[]> {
  const byPath = new Map<string, Uint8Array>();
  files.forEach((file, i) => {
    const face = embedding.faces.get(file.data);
    if (face) byPath.set(`word/fonts/font${i + 1}.odttf`, face);
  });
  return Promise.all(entries.map(async (entry) => {
    const face = byPath.get(entry.name);
    if (!face) return entry;
    const obfuscatedHead = entryContent(entry);
    if (obfuscatedHead.byteLength !== OBFUSCATED_LENGTH) {
      throw new Error(`Unexpected embedded font entry ${entry.name}: ${obfuscatedHead.byteLength} bytes`);
    }
    const tail = face.subarray(OBFUSCATED_LENGTH);
    return {
      ...entry,
      method: DEFLATED,
      crc32: crc32(tail, crc32(obfuscatedHead)),
      size: face.byteLength,
      data: [storedBlock(obfuscatedHead), await deflatedTail(face)],
    };
  }));
}
