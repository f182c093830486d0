/**
 * Laid-out pages as PDF content (ISO 32000-1 §8–9 operators), the one drawing of both the letters' PDF writer and the
 * dossier's canvas.
 *
 * Text is written with low-level operators: one BT…ET per line, one TJ per run of same-style fragments, with
 * numeric adjustments for the justification gaps (Tw does not apply to Identity-H fonts). Real U+0020 glyphs are
 * kept between words so that text extractors read the spaces.
 */
import { drawnCodePoint } from './font-metrics.js';
import type { FontStyle } from './text-layout.js';
import type { DrawOp, TextOp } from './page-layout.js';

/** A font as a page's content uses it: its resource name, and the hexadecimal string of glyph codes of a text. */
export interface ContentFont {
  resource: string;
  hex(text: string): string;
}

export interface RenderablePage {
  ops: readonly DrawOp[];
}

/** The distinct drawn code points per style used by the pages. */
export function charactersByStyle(pages: readonly RenderablePage[]): Map<FontStyle, Set<number>> {
  const out = new Map<FontStyle, Set<number>>();
  for (const page of pages) {
    for (const op of page.ops) {
      if (op.kind !== 'text') continue;
      for (const f of op.fragments) {
        let set = out.get(f.style);
        if (!set) out.set(f.style, (set = new Set()));
        for (const ch of f.text) set.add(drawnCodePoint(ch.codePointAt(0) ?? 0x3f));
      }
    }
  }
  return out;
}

/** A coordinate, to the thousandth of a point. */
function n(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** The operators drawing a page's operations (y from the top of a page `pageHeight` tall). */
export function pageContent(ops: readonly DrawOp[], pageHeight: number, fontFor: (style: FontStyle) => ContentFont): string {
  const out: string[] = [];
  for (const op of ops) {
    switch (op.kind) {
      case 'text':
        drawText(op, pageHeight, fontFor, out);
        break;
      case 'line':
        out.push(`q ${n(op.width)} w ${n(op.gray)} G ${n(op.x1)} ${n(pageHeight - op.y1)} m ${n(op.x2)} ${n(pageHeight - op.y2)} l S Q`);
        break;
      case 'rect':
        out.push(`q ${n(op.fillGray)} g ${n(op.x)} ${n(pageHeight - op.y - op.height)} ${n(op.width)} ${n(op.height)} re f Q`);
        break;
    }
  }
  return out.join('\n');
}

function drawText(op: TextOp, pageHeight: number, fontFor: (style: FontStyle) => ContentFont, out: string[]): void {
  if (op.fragments.length === 0) return;
  const y = n(pageHeight - op.y);
  out.push(`BT ${n(op.gray)} g`);
  let i = 0;
  while (i < op.fragments.length) {
    const first = op.fragments[i];
    if (!first) break;
    const font = fontFor(first.style);
    const shown: string[] = [];
    let j = i;
    for (; j < op.fragments.length; j++) {
      const f = op.fragments[j];
      if (!f || f.style !== first.style) break;
      if (j > i) {
        const prev = op.fragments[j - 1];
        const gap = prev ? f.x - (prev.x + prev.width) : 0;
        // TJ numbers are in thousandths of the font size, positive = move left.
        const adjust = n((-gap * 1000) / op.size);
        if (adjust !== '0') shown.push(adjust);
      }
      shown.push(font.hex(f.text));
    }
    out.push(`/${font.resource} ${n(op.size)} Tf 1 0 0 1 ${n(op.x + first.x)} ${y} Tm [${shown.join(' ')}] TJ`);
    i = j;
  }
  out.push('ET');
}
