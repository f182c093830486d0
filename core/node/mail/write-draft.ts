/** Writes an e-mail draft next to the documents it carries, atomically, and says whether it is too heavy to send. */
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { composeDraft, type DraftMessage } from './draft.js';
import { draftSizeWarning } from './size-limit.js';

export interface WrittenDraft {
  path: string;
  size: number;
  /** French warning when the draft exceeds the size limit, else null. */
  warning: string | null;
}

/** A file name every system accepts, from the subject: « Objet : mise en demeure » → « Objet mise en demeure.eml ». */
export function draftFileName(subject: string): string {
  const cleaned = subject
    .normalize('NFC')
    // Control characters, then the characters Windows refuses in names.
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\\/:*?"<>|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return `${cleaned || 'Brouillon'}.eml`;
}

/** Writes `<dir>/<subject>.eml` and returns where, how big, and the size warning for `limit` bytes (0: none). */
export async function writeDraft(dir: string, message: DraftMessage, limit: number): Promise<WrittenDraft> {
  const bytes = await composeDraft(message);
  const path = join(dir, draftFileName(message.subject));
  await writeFileAtomic(path, bytes);
  const attached = message.attachments.reduce((sum, a) => sum + a.bytes.byteLength, 0);
  return { path, size: bytes.byteLength, warning: draftSizeWarning(bytes.byteLength, attached, limit) };
}
