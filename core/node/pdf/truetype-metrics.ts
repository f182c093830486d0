/**
 * The few tables of a TrueType font that measuring text needs — head (units per em), hhea (ascender, descender),
 * hmtx (advance widths) and cmap (code point → glyph, formats 4 and 12) — read straight from the file's bytes.
 *
 * Why not fontkit: loading it costs a letter about a tenth of a second. Both writers measure with these tables, and
 * the letter's PDF draws the glyphs they give (pdf-font.ts); fontkit is loaded only for the dossier's own text, with
 * pdf-lib. The cmap subtable is chosen in fontkit's order, so the glyph found for a code point is the same there.
 */
import { FontFileError, TrueTypeTables } from './truetype-tables.js';

export interface TrueTypeMetrics {
  unitsPerEm: number;
  /** hhea ascender and descender (negative), in font units. */
  ascent: number;
  descent: number;
  /** The glyph of a code point, 0 (.notdef) when the font has none. */
  glyphId(codePoint: number): number;
  /** Advance width of a glyph, in font units. */
  advanceWidth(glyphId: number): number;
}

/** fontkit's preference among cmap subtables (platform, encoding): full Unicode first. */
const CMAP_PREFERENCE: readonly (readonly [number, number])[] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

export function readTrueTypeMetrics(bytes: Uint8Array): TrueTypeMetrics {
  try {
    return readTables(bytes);
  } catch (e) {
    if (e instanceof RangeError) throw new FontFileError('tables tronquées ou mal placées');
    throw e;
  }
}

function readTables(bytes: Uint8Array): TrueTypeMetrics {
  const tables = new TrueTypeTables(bytes);
  const { view } = tables;
  const table = (tag: string) => tables.get(tag).offset;
  const head = table('head');
  const hhea = table('hhea');
  const hmtx = table('hmtx');
  const unitsPerEm = view.getUint16(head + 18);
  const metricCount = view.getUint16(hhea + 34);
  if (metricCount === 0) throw new FontFileError('aucune largeur (hhea)');
  const lookup = cmapLookup(view, table('cmap'));
  return {
    unitsPerEm,
    ascent: view.getInt16(hhea + 4),
    descent: view.getInt16(hhea + 6),
    glyphId: lookup,
    // Glyphs past the last long metric share its advance (the monospaced tail of hmtx).
    advanceWidth: (glyphId) => view.getUint16(hmtx + 4 * Math.min(glyphId, metricCount - 1)),
  };
}

function cmapLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const count = view.getUint16(cmap + 2);
  const subtables = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    subtables.set(`${view.getUint16(record)},${view.getUint16(record + 2)}`, cmap + view.getUint32(record + 4));
  }
  for (const [platform, encoding] of CMAP_PREFERENCE) {
    const offset = subtables.get(`${platform},${encoding}`);
    if (offset === undefined) continue;
    const format = view.getUint16(offset);
    if (format === 12) return format12(view, offset);
    if (format === 4) return format4(view, offset);
  }
  throw new FontFileError('aucune table cmap Unicode (formats 4 ou 12)');
}

/** Segment mapping to delta values (BMP only). */
function format4(view: DataView, table: number): (codePoint: number) => number {
  const segments = view.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (cp) => {
    if (cp > 0xffff) return 0;
    let low = 0;
    let high = segments - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (view.getUint16(ends + 2 * mid) < cp) low = mid + 1;
      else high = mid - 1;
    }
    if (low >= segments) return 0;
    const start = view.getUint16(starts + 2 * low);
    if (start > cp) return 0;
    const delta = view.getUint16(deltas + 2 * low);
    const rangeOffsetAt = rangeOffsets + 2 * low;
    const rangeOffset = view.getUint16(rangeOffsetAt);
    if (rangeOffset === 0) return (cp + delta) & 0xffff;
    const glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (cp - start));
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  };
}

/** Segmented coverage (all of Unicode). */
function format12(view: DataView, table: number): (codePoint: number) => number {
  const groups = view.getUint32(table + 12);
  const first = table + 16;
  return (cp) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = first + 12 * mid;
      if (view.getUint32(group + 4) < cp) low = mid + 1;
      else if (view.getUint32(group) > cp) high = mid - 1;
      else return view.getUint32(group + 8) + (cp - view.getUint32(group));
    }
    return 0;
  };
}
