/**
 * Embedding DejaVu Serif's four faces, fast.
 *
 * docx embeds fonts itself (`Document({ fonts })`: fontTable.xml with w:embedRegular/Bold/Italic/BoldItalic, the
 * relationships, and each face obfuscated as word/fonts/font<N>.odttf), but it deflates the ~1.4 MB of TTF again for
 * every document, which alone takes ~55 ms. So docx is given only the first 32 bytes of each face, the part that
 * obfuscation (ECMA-376 Part 1, §17.8.1) changes with the document's random font key; it writes everything else as
 * usual. Then each font entry of the package is completed: the obfuscated 32 bytes docx wrote, as a stored deflate
 * block, followed by the rest of the face (the tail) deflated at build time (font-tails.ts: dist/font-tails/, checked
 * against the face), or else once per process, in libuv's thread pool from the moment the letter starts being built.
 * The entry's CRC-32 combines the head's with the tail's, known with it: a letter never runs a CRC over the faces.
 */
import type { IPropertiesOptions } from 'docx';
import { LETTER_FONT_FAMILY } from '../fonts.js';
import type { FontSet } from '../fonts.js';
import { OBFUSCATED_LENGTH, defaultFontTailDir, deflatedTail } from './font-tails.js';
import type { DeflatedTail } from './font-tails.js';
import { DEFLATED, crc32, crc32Combine, entryContent } from './zip-archive.js';
import type { ZipEntry } from './zip-archive.js';

type DocxFontOptions = NonNullable<IPropertiesOptions['fonts']>[number];

export interface FontEmbedding {
  /** The `fonts` option for docx's Document. */
  options: DocxFontOptions[];
  /** For each (truncated) data buffer given to docx, the whole face and its deflated tail. */
  faces: Map<Uint8Array, { face: Uint8Array; tail: Promise<DeflatedTail> }>;
}

/**
 * What to give docx for the four faces, and how to find each whole face again. `tailDir`: the build's cache of
 * deflated tails.
 */
export function fontEmbedding(fonts: FontSet, tailDir = defaultFontTailDir()): FontEmbedding {
  const faces: FontEmbedding['faces'] = new Map();
  const head = (face: Uint8Array): Buffer => {
    if (face.byteLength <= OBFUSCATED_LENGTH) return Buffer.from(face);
    const truncated = Buffer.from(face.subarray(0, OBFUSCATED_LENGTH));
    // Started now, awaited by withWholeFonts.
    faces.set(truncated, { face, tail: deflatedTail(face, tailDir) });
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
 * The package's entries with each truncated font file completed. `files` is docx's list of embedded faces, in the
 * order of their files word/fonts/font1.odttf, font2.odttf…
 */
export async function withWholeFonts(
  entries: readonly ZipEntry[],
  files: readonly { data: Uint8Array }[],
  embedding: FontEmbedding,
): Promise<ZipEntry[]> {
  const byPath = new Map<string, { face: Uint8Array; tail: Promise<DeflatedTail> }>();
  files.forEach((file, i) => {
    const embedded = embedding.faces.get(file.data);
    if (embedded) byPath.set(`word/fonts/font${i + 1}.odttf`, embedded);
  });
  return Promise.all(entries.map(async (entry) => {
    const embedded = byPath.get(entry.name);
    if (!embedded) return entry;
    const obfuscatedHead = entryContent(entry);
    if (obfuscatedHead.byteLength !== OBFUSCATED_LENGTH) {
      throw new Error(`Unexpected embedded font entry ${entry.name}: ${obfuscatedHead.byteLength} bytes`);
    }
    const tail = await embedded.tail;
    const size = embedded.face.byteLength;
    return {
      ...entry,
      method: DEFLATED,
      crc32: crc32Combine(crc32(obfuscatedHead), tail.crc32, size - OBFUSCATED_LENGTH),
      size,
      data: [storedBlock(obfuscatedHead), tail.deflated],
    };
  }));
}
