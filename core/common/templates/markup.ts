/**
 * The small text markup that templates produce, turned into document blocks.
 *
 *   blank line        separates blocks
 *   ## Titre          heading
 *   - élément         bullet list item (continuation lines indented by two spaces)
 *   1. élément        numbered list item
 *   | a | b |         table row; a row of dashes |---|------| after the first row makes it a header
 *                     and the dash counts give the relative column widths
 *   **gras** *italique*
 *
 * User data must never be read as markup: before rendering, every markup character in the case's strings
 * is swapped for a private-use character (protect), and swapped back once the blocks are built (unprotect).
 */
import type { Block, Run } from '../document/model.js';
import { frenchTypography } from '../format/typography.js';

const MARKUP_CHARS = ['*', '|', '#', '-', '.', '\n', '\r'] as const;
const PUA_BASE = 0xe000;
const PROTECTED = new RegExp(`[${MARKUP_CHARS.map((c) => c.replace(/[-\\\]^*.|]/g, '\\$&').replace('\n', '\\n').replace('\r', '\\r')).join('')}]`, 'g');
const PUA_RANGE = /[\uE000-\uE0FF]/g;

/** Makes a user string inert for the markup. Private-use characters typed by the user are dropped. */
export function protect(text: string): string {
  return text.replace(PUA_RANGE, '').replace(PROTECTED, (c) => String.fromCharCode(PUA_BASE + MARKUP_CHARS.indexOf(c as never)));
}

/**
 * Restores protected characters. A protected line break becomes a space (it was inside one block),
 * unless `keepLineBreaks` is set, for helpers that give the user's line breaks a meaning.
 */
export function unprotect(text: string, keepLineBreaks = false): string {
  return text.replace(PUA_RANGE, (c) => {
    const original = MARKUP_CHARS[c.charCodeAt(0) - PUA_BASE];
    if (original === undefined) return '';
    return (original === '\n' || original === '\r') && !keepLineBreaks ? ' ' : original;
  });
}

/** Deeply protects every string of a plain data structure (the template's view of the case). */
export function protectData<T>(value: T): T {
  if (typeof value === 'string') return protect(value) as T;
  if (Array.isArray(value)) return value.map((v) => protectData(v)) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = protectData(v);
    return out as T;
  }
  return value;
}

/** Final text of a run: protected characters restored, French typography applied. */
export function finishText(text: string): string {
  return frenchTypography(unprotect(text)).replace(/[ \t]+/g, ' ');
}

/** Splits **bold** and *italic* spans into runs. */
export function parseInline(source: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m.index > last) runs.push({ text: source.slice(last, m.index) });
    if (m[1] !== undefined) runs.push({ text: m[1], bold: true });
    else runs.push({ text: m[2] ?? '', italic: true });
    last = m.index + m[0].length;
  }
  if (last < source.length) runs.push({ text: source.slice(last) });
  return mergeRuns(runs.map((r) => ({ ...r, text: finishText(r.text) })).filter((r) => r.text.length > 0));
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    if (prev && !!prev.bold === !!run.bold && !!prev.italic === !!run.italic) prev.text += run.text;
    else out.push(run);
  }
  if (out[0]) out[0].text = out[0].text.trimStart();
  const tail = out[out.length - 1];
  if (tail) tail.text = tail.text.trimEnd();
  return out.filter((r) => r.text.length > 0);
}

const BULLET = /^- +(.*)$/;
const NUMBERED = /^\d+\. +(.*)$/;
const HEADING = /^#{1,3} +(.*)$/;
const TABLE_ROW = /^\|.*\|\s*$/;
const TABLE_RULE = /^\|(?:\s*-+\s*\|)+\s*$/;

function cells(row: string): string[] {
  return row.trim().slice(1, -1).split('|').map((c) => c.trim());
}

/** Parses rendered template text into document blocks. */
export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const chunks = source.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  for (const chunk of chunks) {
    const lines = chunk.split('\n').map((l) => l.replace(/\s+$/, '')).filter((l) => l.trim().length > 0);
    let i = 0;
    while (i < lines.length) {
      const line = (lines[i] ?? '').trimStart();
      const heading = HEADING.exec(line);
      if (heading) {
        blocks.push({ type: 'heading', runs: parseInline(heading[1] ?? '') });
        i += 1;
        continue;
      }
      if (TABLE_ROW.test(line)) {
        const rows: string[] = [];
        while (i < lines.length && TABLE_ROW.test((lines[i] ?? '').trim())) rows.push((lines[i++] ?? '').trim());
        blocks.push(parseTable(rows));
        continue;
      }
      const listKind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : undefined;
      if (listKind) {
        const items: string[] = [];
        while (i < lines.length) {
          const current = lines[i] ?? '';
          const item = listKind.exec(current.trimStart());
          if (item) items.push(item[1] ?? '');
          else if (/^\s{2,}\S/.test(current) && items.length > 0) items[items.length - 1] += ` ${current.trim()}`;
          else break;
          i += 1;
        }
        blocks.push({ type: 'list', ordered: listKind === NUMBERED, items: items.map(parseInline) });
        continue;
      }
      // Paragraph: runs until a line that starts another kind of block.
      const text: string[] = [];
      while (i < lines.length) {
        const current = (lines[i] ?? '').trimStart();
        if (text.length > 0 && (HEADING.test(current) || TABLE_ROW.test(current) || BULLET.test(current) || NUMBERED.test(current))) break;
        text.push(current);
        i += 1;
      }
      const runs = parseInline(text.join(' '));
      if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
    }
  }
  return blocks;
}

function parseTable(rows: string[]): Block {
  const second = rows[1];
  if (second !== undefined && TABLE_RULE.test(second)) {
    const widths = cells(second).map((c) => Math.max(1, c.length));
    return {
      type: 'table',
      header: cells(rows[0] ?? '').map(parseInline),
      rows: rows.slice(2).map((r) => cells(r).map(parseInline)),
      widths,
    };
  }
  return { type: 'table', rows: rows.map((r) => cells(r).map(parseInline)) };
}
