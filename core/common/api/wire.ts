/**
 * How API calls travel over HTTP (the local web bridge): JSON, with byte arrays as { "$bytes": base64 }.
 * Electron IPC does not need this (structured clone carries Uint8Array), but uses the same schemas.
 *
 *   POST /api/<method>   body: encodeWire(params)
 *   200 { "ok": true, "result": encodeWire(result) }
 *   4xx/5xx { "ok": false, "error": ApiErrorPayload }
 */

const BYTES = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

/** Replaces every Uint8Array by { $bytes: base64 }, deeply. */
export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES]: toBase64(value) };
  if (Array.isArray(value)) return value.map(encodeWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeWire(v)]));
  }
  return value;
}

/** Inverse of encodeWire. */
export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === BYTES && typeof entries[0][1] === 'string') return fromBase64(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeWire(v)]));
  }
  return value;
}
