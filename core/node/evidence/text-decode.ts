/**
 * Bytes → text for text exhibits (message exports, notes). UTF-8 (with or without BOM) and UTF-16 with a BOM;
 * anything else that is not valid UTF-8 is read as Windows-1252, what older French Windows tools write.
 * Returns null for binary data (NUL bytes, many control characters).
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Control characters other than tab, line feed, form feed and carriage return. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  return controls / text.length;
}

/**
 * @param partial the bytes are the start of a longer file: a multi-byte character cut at the end is not an error.
 */
export function decodeText(bytes: Uint8Array, options: { partial?: boolean } = {}): DecodedText | null {
  const stream = options.partial === true;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2), { stream }), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2), { stream }), encoding: 'utf-16be' };
  }
  if (bytes.includes(0)) return null;
  let decoded: DecodedText;
  try {
    decoded = { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes, { stream }), encoding: 'utf-8' };
  } catch {
    decoded = { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
  return controlRatio(decoded.text) > 0.01 ? null : decoded;
}
