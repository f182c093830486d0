/**
 * The build's cache of the faces' deflated tails (core/node/docx/font-tails.ts): a DOCX takes them from it, and only
 * when they are the faces' own and intact; otherwise it deflates the faces itself and is just as right.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeLetterDocx } from '../../core/node/docx/index.js';
import { defaultFontTailDir, writeFontTailCache } from '../../core/node/docx/font-tails.js';
import { loadLetterFonts, type FontSet } from '../../core/node/fonts.js';
import { FACE_ELEMENTS, cacheFiles, embeddedFaces, sameFaces, storedFontTails } from '../support/docx-fonts.js';
import { fixtureLetter } from './docx-fixture.js';

const fonts = loadLetterFonts();
const four = (f: FontSet) => [f.regular, f.bold, f.italic, f.boldItalic];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'recours-font-tails-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const deflatedFiles = () => readdirSync(dir).filter((f) => f.endsWith('.deflate')).map((f) => join(dir, f));

describe('the font tail cache', () => {
  it('gives each embedded face its tail deflated at build time, and the DOCX un-obfuscates to the four faces', async () => {
    await writeFontTailCache(four(fonts), dir);
    const docx = await writeLetterDocx(fixtureLetter(), { fontTailDir: dir });
    const cached = cacheFiles(dir);
    expect(storedFontTails(docx).map((tail) => cached.findIndex((c) => c.equals(tail))).sort()).toEqual([0, 1, 2, 3]);
    expect(sameFaces(await embeddedFaces(docx), fonts)).toEqual(FACE_ELEMENTS);
  });

  it('is the application’s dist/font-tails/, where the build writes it', () => {
    expect(defaultFontTailDir()).toBe(join(import.meta.dirname, '../../dist/font-tails'));
  });

  it('ignores a cache made from other faces of the same sizes (a font package changed since the build)', async () => {
    const others = four(fonts).map((face) => {
      const copy = new Uint8Array(face);
      copy[1000]! ^= 0xff;
      return copy;
    });
    await writeFontTailCache(others, dir);
    const docx = await writeLetterDocx(fixtureLetter(), { fontTailDir: dir });
    expect(sameFaces(await embeddedFaces(docx), fonts)).toEqual(FACE_ELEMENTS);
    const stale = cacheFiles(dir);
    expect(storedFontTails(docx).some((tail) => stale.some((c) => c.equals(tail)))).toBe(false);
  });

  const damages: [string, () => void][] = [
    ['a byte changed in each deflated file', () => deflatedFiles().forEach((f) => {
      const bytes = readFileSync(f);
      bytes[bytes.length >> 1]! ^= 0x01;
      writeFileSync(f, bytes);
    })],
    ['each deflated file cut short', () => deflatedFiles().forEach((f) => writeFileSync(f, readFileSync(f).subarray(0, 1000)))],
    ['a deflated file missing', () => unlinkSync(deflatedFiles()[0]!)],
    ['manifest.json not JSON', () => writeFileSync(join(dir, 'manifest.json'), '{"format": 1, "tails": [')],
    ['manifest.json of another format', () => writeFileSync(join(dir, 'manifest.json'), '{"format": 2, "tails": []}')],
    ['no cache at all', () => rmSync(dir, { recursive: true, force: true })],
  ];
  it.each(damages)('writes a right DOCX from a damaged cache: %s', async (_name, damage) => {
    await writeFontTailCache(four(fonts), dir);
    damage();
    const docx = await writeLetterDocx(fixtureLetter(), { fontTailDir: dir });
    expect(sameFaces(await embeddedFaces(docx), fonts)).toEqual(FACE_ELEMENTS);
  });
});
