/**
 * One style of the letter font embedded in a PDF as a subset (ISO 32000-1 §9.7: a Type0 font, Identity-H encoding,
 * over a CIDFontType2 whose CIDs are the subset's glyph ids), with a ToUnicode map so that the text can be copied
 * and searched. The dictionaries carry what pdf-lib wrote for the same font, the subset tag aside (§9.6.4: six
 * capital letters and « + », which pdf-lib did not write).
 */
import { drawnCodePoint, type FontMetrics } from './font-metrics.js';
import { latin1, name, PdfString } from './pdf-objects.js';
import type { PdfFile, PdfRef, PdfValue } from './pdf-objects.js';
import { FontFileError, TrueTypeTables } from './truetype-tables.js';
import { TrueTypeSubset } from './truetype-subset.js';

/** A ToUnicode map holds at most 100 entries per bfchar block (§9.10.3, after the CMap specification). */
const BFCHAR_BLOCK = 100;

export class PdfFont {
  private readonly subset: TrueTypeSubset;
  /** Four hexadecimal digits per code point drawn: the glyph's id in the subset. */
  private readonly codes = new Map<number, string>();
  /** The code point each drawn glyph stands for, by subset id (the first one met, when several share a glyph). */
  private readonly unicode = new Map<number, number>();

  /**
   * @param face the TTF file
   * @param metrics its metrics (the layout's), for the glyph of each code point
   * @param codePoints what the document draws in this style: glyphs are numbered in code point order
   */
  constructor(
    private readonly face: Uint8Array,
    private readonly metrics: FontMetrics,
    codePoints: Iterable<number>,
  ) {
    this.subset = new TrueTypeSubset(face);
    for (const cp of [...codePoints].sort((a, b) => a - b)) this.code(cp);
  }

  private code(cp: number): string {
    let code = this.codes.get(cp);
    if (code === undefined) {
      const glyph = this.metrics.glyphId(cp);
      const id = glyph === 0 ? 0 : this.subset.include(glyph);
      if (id !== 0 && !this.unicode.has(id)) this.unicode.set(id, cp);
      code = id.toString(16).padStart(4, '0');
      this.codes.set(cp, code);
    }
    return code;
  }

  /** The text as a hexadecimal string of glyph codes (§9.4.3 TJ operands). */
  hex(text: string): string {
    let hex = '<';
    for (const ch of text) hex += this.code(drawnCodePoint(ch.codePointAt(0) ?? 0x3f));
    return `${hex}>`;
  }

  /** Six capital letters that differ with the glyphs the subset holds (FNV-1a of them): the same letter, the same tag. */
  private subsetTag(): string {
    let hash = 0x811c9dc5;
    for (const cp of this.unicode.values()) hash = Math.imul(hash ^ cp, 0x01000193) >>> 0;
    let tag = '';
    for (let i = 0; i < 6; i++, hash = Math.floor(hash / 26)) tag += String.fromCharCode(65 + (hash % 26));
    return tag;
  }

  /** Writes the font's objects, the Type0 font (which the pages' resources name) as `ref`. */
  write(file: PdfFile, ref: PdfRef): void {
    const tables = new TrueTypeTables(this.face);
    const baseFont = `${this.subsetTag()}+${postScriptName(tables)}`;
    const scale = 1000 / this.metrics.unitsPerEm;
    const descriptor = fontDescriptor(tables, scale);
    const fontFile = file.addStream(this.subset.encode());
    const descriptorRef = file.add({ Type: name('FontDescriptor'), FontName: name(baseFont), ...descriptor, FontFile2: fontFile });
    const drawn = [...this.unicode.keys()].sort((a, b) => a - b);
    const cidFont = file.add({
      Type: name('Font'),
      Subtype: name('CIDFontType2'),
      CIDToGIDMap: name('Identity'),
      BaseFont: name(baseFont),
      CIDSystemInfo: { Registry: PdfString.ascii('Adobe'), Ordering: PdfString.ascii('Identity'), Supplement: 0 },
      FontDescriptor: descriptorRef,
      W: widths(drawn, (id) => this.subset.advanceWidthOf(id) * scale),
    });
    const toUnicode = file.addStream(latin1(toUnicodeMap(drawn.map((id) => [id, this.unicode.get(id) ?? 0xfffd]))));
    file.set(ref, {
      Type: name('Font'),
      Subtype: name('Type0'),
      BaseFont: name(baseFont),
      Encoding: name('Identity-H'),
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    });
  }
}

/** /W (§9.7.4.3): runs of consecutive ids, each as `first [w1 w2 …]`. */
function widths(ids: readonly number[], width: (id: number) => number): PdfValue[] {
  const out: PdfValue[] = [];
  let run: number[] = [];
  ids.forEach((id, i) => {
    if (i === 0 || id !== (ids[i - 1] ?? 0) + 1) {
      if (run.length > 0) out.push(run);
      out.push(id);
      run = [];
    }
    run.push(width(id));
  });
  if (run.length > 0) out.push(run);
  return out;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** The UTF-16 code units of a code point, in hexadecimal. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

function toUnicodeMap(entries: readonly (readonly [number, number])[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += BFCHAR_BLOCK) {
    const block = entries.slice(i, i + BFCHAR_BLOCK);
    blocks.push(`${block.length} beginbfchar\n${block.map(([id, cp]) => `<${hex4(id)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar\n`);
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
    blocks.join('') +
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
  );
}

/** The PostScript name (name table, id 6), which BaseFont and FontName carry. */
function postScriptName(tables: TrueTypeTables): string {
  const { view } = tables;
  const table = tables.get('name').offset;
  const count = view.getUint16(table + 2);
  const strings = table + view.getUint16(table + 4);
  for (let i = 0; i < count; i++) {
    const record = table + 6 + 12 * i;
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => view.getUint16(record + o)) as [number, number, number, number, number, number];
    if (nameId !== 6) continue;
    const bytes = tables.bytes.subarray(strings + offset, strings + offset + length);
    // Windows and Unicode platforms: UTF-16BE; Macintosh: one byte per character (a PostScript name is ASCII).
    const text = platform === 1 ? String.fromCharCode(...bytes) : String.fromCharCode(...Array.from({ length: length >> 1 }, (_, k) => ((bytes[2 * k] ?? 0) << 8) | (bytes[2 * k + 1] ?? 0)));
    const clean = text.replace(/[^\x21-\x7e]/g, '');
    if (clean !== '') return clean;
  }
  throw new FontFileError('nom PostScript absent (table name)');
}

/**
 * The font descriptor's metrics (§9.8), in thousandths of an em, as pdf-lib derived them: Flags from post (fixed
 * pitch), OS/2 (serif, script), head (italic), always symbolic; cap height defaulting to the ascent.
 */
function fontDescriptor(tables: TrueTypeTables, scale: number): Record<string, PdfValue> {
  const { view } = tables;
  const head = tables.get('head').offset;
  const hhea = tables.get('hhea').offset;
  const post = tables.get('post').offset;
  const os2 = tables.has('OS/2') ? tables.get('OS/2').offset : undefined;
  // sFamilyClass: the class in the high byte, the subclass in the low one.
  const familyClass = os2 === undefined ? 0 : view.getInt16(os2 + 30) >> 8;
  const os2Version = os2 === undefined ? 0 : view.getUint16(os2);
  const ascent = view.getInt16(hhea + 4);
  const capHeight = os2 !== undefined && os2Version >= 2 ? view.getInt16(os2 + 88) : 0;
  const xHeight = os2 !== undefined && os2Version >= 2 ? view.getInt16(os2 + 86) : 0;
  const italic = (view.getUint16(head + 44) & 0x2) !== 0;
  let flags = 1 << 2; // symbolic
  if (view.getUint32(post + 12) !== 0) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (italic) flags |= 1 << 6;
  return {
    Flags: flags,
    FontBBox: [36, 38, 40, 42].map((o) => view.getInt16(head + o) * scale), // xMin yMin xMax yMax
    ItalicAngle: view.getInt32(post + 4) / 65536,
    Ascent: ascent * scale,
    Descent: view.getInt16(hhea + 6) * scale,
    CapHeight: (capHeight || ascent) * scale,
    XHeight: xHeight * scale,
    StemV: 0,
  };
}
