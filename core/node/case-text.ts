/**
 * Reading a case file's JSON within the limits of core/common/case/limits.ts: the size is checked before the
 * file is read, the encoding before it is decoded, the depth before it is parsed — so a huge, deep or
 * mis-encoded file gets a French sentence, never an out-of-memory or a stack overflow.
 */
import { open, stat } from 'node:fs/promises';
import { CASE_LIMITS, caseTooLargeMessage, decodeCaseBytes, jsonDepthExceeded, tooDeepMessage } from '../common/case/limits.js';

export type CaseText = { ok: true; text: string } | { ok: false; message: string };

/** The text of a case file (BOM removed), or why it is refused. File system errors are thrown as they are. */
export async function readCaseText(path: string, fileName: string): Promise<CaseText> {
  // Before opening: opening a FIFO for reading waits for a writer, forever.
  if (!(await stat(path)).isFile()) return { ok: false, message: `« ${fileName} » n’est pas un fichier ordinaire (dossier, tube ou périphérique).` };
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > CASE_LIMITS.fileBytes) return { ok: false, message: caseTooLargeMessage(size, fileName) };
    // Read at most one byte past the limit: a file growing meanwhile is still refused, not read whole.
    const buffer = Buffer.alloc(Math.min(size, CASE_LIMITS.fileBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > CASE_LIMITS.fileBytes) return { ok: false, message: caseTooLargeMessage(length, fileName) };
        return { ok: false, message: `« ${fileName} » a changé pendant sa lecture : recommencez.` };
      }
    }
    const decoded = decodeCaseBytes(buffer.subarray(0, length), fileName);
    if (!decoded.ok) return decoded;
    if (jsonDepthExceeded(decoded.text, CASE_LIMITS.depth) >= 0) return { ok: false, message: tooDeepMessage(`« ${fileName} »`) };
    return decoded;
  } finally {
    await handle.close();
  }
}
