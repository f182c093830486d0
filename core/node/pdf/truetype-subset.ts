/**
 * A subset of a TrueType font for a PDF (FontFile2 of a CIDFontType2): only the glyphs a document draws, renumbered
 * from 1 in the order they are first included (0 stays .notdef), with the glyphs their composites are built from.
 *
 * It writes the tables a PDF viewer needs to draw the glyphs, as fontkit's subsetter did for pdf-lib: head, hhea,
 * maxp, hmtx, loca and glyf rebuilt; cvt, fpgm and prep (the hinting) copied. No cmap: the PDF maps its codes to
 * glyphs itself (Identity). Doing it here, from the file's bytes, spares a letter loading fontkit (about a tenth of
 * a second) for what is a copy of a few hundred byte ranges.
 */
import { FontFileError, TrueTypeTables } from './truetype-tables.js';

/** Composite glyph flags (OpenType spec, 'glyf' table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** The tables of the subset, as fontkit writes them; the first six are required. */
const COPIED_TABLES = ['cvt ', 'fpgm', 'prep'] as const;

export class TrueTypeSubset {
  private readonly tables: TrueTypeTables;
  private readonly numGlyphs: number;
  private readonly metricCount: number;
  private readonly glyf: number;
  private readonly loca: number;
  private readonly longLoca: boolean;
  /** Original glyph ids, by new id. */
  private readonly glyphs: number[] = [];
  private readonly newIds = new Map<number, number>();

  constructor(font: Uint8Array) {
    this.tables = new TrueTypeTables(font);
    const { view } = this.tables;
    this.numGlyphs = view.getUint16(this.tables.get('maxp').offset + 4);
    this.metricCount = view.getUint16(this.tables.get('hhea').offset + 34);
    if (this.metricCount === 0) throw new FontFileError('aucune largeur (hhea)');
    this.glyf = this.tables.get('glyf').offset;
    this.loca = this.tables.get('loca').offset;
    this.longLoca = view.getInt16(this.tables.get('head').offset + 50) === 1;
    this.include(0);
  }

  /** The glyph's id in the subset, adding it when new. */
  include(glyphId: number): number {
    let id = this.newIds.get(glyphId);
    if (id === undefined) {
      if (glyphId >= this.numGlyphs) throw new FontFileError(`glyphe ${glyphId} hors de la police`);
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.newIds.set(glyphId, id);
    }
    return id;
  }

  /** Advance width of a glyph of the subset (by its id in the subset), in font units. */
  advanceWidthOf(subsetId: number): number {
    return this.advanceWidth(this.glyphs[subsetId] ?? 0);
  }

  private advanceWidth(glyphId: number): number {
    return this.tables.view.getUint16(this.tables.get('hmtx').offset + 4 * Math.min(glyphId, this.metricCount - 1));
  }

  /** The subset's file. Composite glyphs include their components here, so call it once all glyphs are included. */
  encode(): Uint8Array {
    try {
      return this.encodeTables();
    } catch (e) {
      if (e instanceof RangeError) throw new FontFileError('glyphes tronqués ou mal placés');
      throw e;
    }
  }

  private encodeTables(): Uint8Array {
    const glyphData: Uint8Array[] = [];
    const offsets: number[] = [0];
    const metrics: number[] = [];
    // The list grows while it is walked: components are appended after the glyphs that use them.
    for (let i = 0; i < this.glyphs.length; i++) {
      const glyphId = this.glyphs[i] ?? 0;
      const data = this.glyphBytes(glyphId);
      glyphData.push(data);
      offsets.push((offsets[i] ?? 0) + data.length);
      metrics.push(this.advanceWidth(glyphId), this.leftSideBearing(glyphId));
    }
    const count = this.glyphs.length;
    const head = copyOf(this.tables.bytesOf('head'));
    const headView = new DataView(head.buffer);
    headView.setUint32(8, 0); // checkSumAdjustment, set once the file is written
    headView.setInt16(50, 1); // long loca offsets
    const hhea = copyOf(this.tables.bytesOf('hhea'));
    new DataView(hhea.buffer).setUint16(34, count);
    const maxp = copyOf(this.tables.bytesOf('maxp'));
    new DataView(maxp.buffer).setUint16(4, count);
    const hmtx = new Uint8Array(4 * count);
    const hmtxView = new DataView(hmtx.buffer);
    metrics.forEach((value, i) => (i % 2 === 0 ? hmtxView.setUint16(2 * i, value) : hmtxView.setInt16(2 * i, value)));
    const loca = new Uint8Array(4 * (count + 1));
    const locaView = new DataView(loca.buffer);
    offsets.forEach((offset, i) => locaView.setUint32(4 * i, offset));
    const glyf = new Uint8Array(offsets[count] ?? 0);
    glyphData.forEach((data, i) => glyf.set(data, offsets[i]));
    const tables = new Map<string, Uint8Array>([
      ['head', head],
      ['hhea', hhea],
      ['maxp', maxp],
      ['hmtx', hmtx],
      ['loca', loca],
      ['glyf', glyf],
    ]);
    for (const tag of COPIED_TABLES) {
      const bytes = this.tables.bytesOf(tag);
      if (bytes) tables.set(tag, bytes);
    }
    return writeFontFile(tables);
  }

  /** A glyph's outline, with its components' ids rewritten to the subset's (and the components included). */
  private glyphBytes(glyphId: number): Uint8Array {
    const { view, bytes } = this.tables;
    const start = this.locaOffset(glyphId);
    const end = this.locaOffset(glyphId + 1);
    if (end < start) throw new FontFileError(`glyphe ${glyphId} mal placé (loca)`);
    if (end === start) return new Uint8Array(0);
    const data = bytes.slice(this.glyf + start, this.glyf + end);
    if (view.getInt16(this.glyf + start) >= 0) return data;
    const glyph = new DataView(data.buffer);
    let pos = 10;
    for (;;) {
      const flags = glyph.getUint16(pos);
      glyph.setUint16(pos + 2, this.include(glyph.getUint16(pos + 2)));
      pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) pos += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
      if (!(flags & MORE_COMPONENTS)) return data;
    }
  }

  private locaOffset(glyphId: number): number {
    const { view } = this.tables;
    return this.longLoca ? view.getUint32(this.loca + 4 * glyphId) : 2 * view.getUint16(this.loca + 2 * glyphId);
  }

  private leftSideBearing(glyphId: number): number {
    const { view } = this.tables;
    const hmtx = this.tables.get('hmtx').offset;
    if (glyphId < this.metricCount) return view.getInt16(hmtx + 4 * glyphId + 2);
    return view.getInt16(hmtx + 4 * this.metricCount + 2 * (glyphId - this.metricCount));
  }
}

function copyOf(bytes: Uint8Array | undefined): Uint8Array {
  if (!bytes) throw new FontFileError('table requise absente');
  return bytes.slice();
}

/** The sum of a table's big-endian 32-bit words (padded with zeros), as the table directory records it. */
function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/** An sfnt file of the given tables: directory sorted by tag, each table 4-byte aligned, head's checkSumAdjustment set. */
function writeFontFile(tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  let length = headerLength;
  for (const tag of tags) length += ((tables.get(tag)?.length ?? 0) + 3) & ~3;
  const file = new Uint8Array(length);
  const view = new DataView(file.buffer);
  const power = 2 ** Math.floor(Math.log2(tags.length));
  view.setUint32(0, 0x00010000);
  view.setUint16(4, tags.length);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, tags.length * 16 - power * 16);
  let offset = headerLength;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag) ?? new Uint8Array(0);
    const record = 12 + 16 * i;
    for (let c = 0; c < 4; c++) view.setUint8(record + c, tag.charCodeAt(c));
    view.setUint32(record + 4, checksum(bytes));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, bytes.length);
    file.set(bytes, offset);
    if (tag === 'head') headOffset = offset;
    offset += (bytes.length + 3) & ~3;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(file)) >>> 0);
  return file;
}
