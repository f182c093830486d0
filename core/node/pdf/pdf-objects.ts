/**
 * PDF objects and the file that holds them (ISO 32000-1, §7.3 objects, §7.5 file structure): just what a letter
 * needs — names, numbers, strings, arrays, dictionaries, deflated streams, indirect references, a classic
 * cross-reference table. The letters are written with it; the dossier, which merges other PDFs, uses pdf-lib.
 */
import { deflateSync } from 'node:zlib';

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(readonly number: number) {}
}

/** A string as bytes (§7.3.4): `text` is written as UTF-16BE (any Unicode), `ascii` as a literal string. */
export class PdfString {
  private constructor(readonly serialised: string) {}

  /** A text string (document information, §7.9.2.2): UTF-16BE with its byte order mark, in hexadecimal. */
  static text(value: string): PdfString {
    let hex = 'FEFF';
    for (let i = 0; i < value.length; i++) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
    return new PdfString(`<${hex}>`);
  }

  /** A literal string of printable ASCII (a language tag, a registry name). */
  static ascii(value: string): PdfString {
    if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`chaîne PDF non ASCII : ${value}`);
    return new PdfString(`(${value.replace(/[\\()]/g, (c) => `\\${c}`)})`);
  }

  /** A date (§7.9.4), in UTC. */
  static date(value: Date): PdfString {
    const iso = value.toISOString();
    return PdfString.ascii(`D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`);
  }
}

export type PdfValue = number | boolean | PdfName | PdfRef | PdfString | readonly PdfValue[] | PdfDict;
export interface PdfDict {
  readonly [key: string]: PdfValue | undefined;
}

export const name = (value: string): PdfName => new PdfName(value);

/** A number as PDF writes it: no exponent, at most four decimals. */
export function pdfNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`nombre PDF invalide : ${n}`);
  const rounded = Math.round(n * 10_000) / 10_000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** A name (§7.3.5): bytes outside printable ASCII, and delimiters, as #xx. */
function pdfName(value: string): string {
  let out = '/';
  for (const byte of new TextEncoder().encode(value)) {
    const printable = byte > 0x20 && byte < 0x7f && !'()<>[]{}/%#'.includes(String.fromCharCode(byte));
    out += printable ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

export function serialise(value: PdfValue): string {
  if (typeof value === 'number') return pdfNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PdfName) return pdfName(value.name);
  if (value instanceof PdfRef) return `${value.number} 0 R`;
  if (value instanceof PdfString) return value.serialised;
  if (Array.isArray(value)) return `[${value.map(serialise).join(' ')}]`;
  const entries = Object.entries(value as PdfDict).filter((entry): entry is [string, PdfValue] => entry[1] !== undefined);
  return `<<${entries.map(([key, v]) => `${pdfName(key)} ${serialise(v)}`).join(' ')}>>`;
}

/** A PDF file under construction: objects are numbered as added (or reserved, then set) and written in order. */
export class PdfFile {
  private readonly bodies: (Uint8Array | undefined)[] = [];

  /** A number for an object written later with set(): for objects that point at each other. */
  reserve(): PdfRef {
    this.bodies.push(undefined);
    return new PdfRef(this.bodies.length);
  }

  add(value: PdfValue): PdfRef {
    const ref = this.reserve();
    this.set(ref, value);
    return ref;
  }

  set(ref: PdfRef, value: PdfValue): void {
    this.bodies[ref.number - 1] = latin1(serialise(value));
  }

  /** A stream, deflated (FlateDecode): contents, fonts, character maps. */
  addStream(data: Uint8Array, dict: PdfDict = {}): PdfRef {
    const deflated = deflateSync(data);
    const head = latin1(`${serialise({ ...dict, Filter: name('FlateDecode'), Length: deflated.length })}\nstream\n`);
    const ref = this.reserve();
    this.bodies[ref.number - 1] = concat([head, deflated, latin1('\nendstream')]);
    return ref;
  }

  /** The file: header, objects, cross-reference table and trailer (§7.5). */
  save(root: PdfRef, info: PdfRef): Uint8Array {
    // The second line's bytes above 127 tell transfer programs the file is binary (§7.5.2).
    const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
    let offset = parts[0]?.length ?? 0;
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      if (!body) throw new Error(`objet PDF ${i + 1} réservé mais jamais écrit`);
      const object = concat([latin1(`${i + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
      offsets.push(offset);
      parts.push(object);
      offset += object.length;
    });
    const size = this.bodies.length + 1;
    const xref = `xref\n0 ${size}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    parts.push(latin1(`${xref}trailer\n${serialise({ Size: size, Root: root, Info: info })}\nstartxref\n${offset}\n%%EOF\n`));
    return concat(parts);
  }
}

/** A string of code units below 256 as bytes (PDF syntax is bytes; the callers' strings are ASCII or latin1). */
export function latin1(text: string): Uint8Array {
  return Buffer.from(text, 'latin1');
}

/** The parts in one new array of its own (never a slice of Node's shared pool: callers may transfer its buffer). */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
