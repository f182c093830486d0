/**
 * The faces a DOCX embeds, read back as Word reads them: each file found from word/fontTable.xml through its
 * relationship, its CRC-32 checked, and un-obfuscated with its w:fontKey. For tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { readZip } from '../../core/node/docx/zip-archive.js';
import type { FontSet } from '../../core/node/fonts.js';

export type FaceElement = 'embedRegular' | 'embedBold' | 'embedItalic' | 'embedBoldItalic';
export const FACE_ELEMENTS: FaceElement[] = ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic'];

/** ECMA-376 Part 1 §17.8.1: the first 32 bytes are XORed with the font key's bytes, in reverse order. */
function deobfuscate(data: Uint8Array, fontKey: string): Uint8Array {
  const hex = fontKey.replace(/[{}-]/g, '');
  const key = Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).reverse();
  const out = new Uint8Array(data);
  for (let i = 0; i < 32; i++) out[i]! ^= key[i % 16]!;
  return out;
}

/** Each face of the font table that has a file in the package, un-obfuscated. */
export async function embeddedFaces(docx: Uint8Array): Promise<Partial<Record<FaceElement, Uint8Array>>> {
  const zip = await JSZip.loadAsync(docx, { checkCRC32: true });
  const table = await zip.file('word/fontTable.xml')!.async('string');
  const rels = await zip.file('word/_rels/fontTable.xml.rels')!.async('string');
  const faces: Partial<Record<FaceElement, Uint8Array>> = {};
  for (const element of FACE_ELEMENTS) {
    const match = new RegExp(`<w:${element} r:id="(rId\\d+)" w:fontKey="(\\{[0-9A-F-]+\\})"`).exec(table);
    if (!match) continue;
    const target = new RegExp(`Id="${match[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${match[1]}"`).exec(rels)?.[1];
    const file = target && zip.file(`word/${target}`);
    if (file) faces[element] = deobfuscate(await file.async('uint8array'), match[2]!);
  }
  return faces;
}

/** The elements whose embedded face is byte for byte the one of `fonts` (all four when the DOCX is right). */
export function sameFaces(faces: Partial<Record<FaceElement, Uint8Array>>, fonts: FontSet): FaceElement[] {
  const originals: Record<FaceElement, Uint8Array> = { embedRegular: fonts.regular, embedBold: fonts.bold, embedItalic: fonts.italic, embedBoldItalic: fonts.boldItalic };
  return FACE_ELEMENTS.filter((element) => {
    const face = faces[element];
    return face !== undefined && Buffer.from(face).equals(Buffer.from(originals[element]));
  });
}

/**
 * The deflated tail of each embedded face as the package stores it: an entry's data after the stored block of its 32
 * obfuscated bytes (core/node/docx/font-embedding.ts).
 */
export function storedFontTails(docx: Uint8Array): Buffer[] {
  return readZip(docx)
    .filter((entry) => /^word\/fonts\/font\d+\.odttf$/.test(entry.name))
    .map((entry) => Buffer.from(entry.data[0]!.subarray(5 + 32)));
}

/** The deflated files of a font tail cache (dist/font-tails/ or a test's). */
export function cacheFiles(dir: string): Buffer[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.deflate'))
    .map((file) => readFileSync(join(dir, file)));
}
