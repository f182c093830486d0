/**
 * Reading a `.recours` zip without trusting it: the central directory is read first (names, types, sizes), every
 * entry that is not a plain file of the expected folders is refused before anything is inflated (symbolic links,
 * folders other than plain ones, duplicate names, « . » or « .. » segments), then each entry is inflated by zlib
 * with its output bounded by the size it declares, so that a lying entry is stopped as soon as it passes it, and
 * the whole archive at MAX_ARCHIVE_CONTENT — never after the memory is full.
 */
import { inflateRawSync } from 'node:zlib';
import { formatSize } from '../evidence/format.js';
import { displayFileName } from '../../common/format/display-name.js';

/** Larger than any sane case (photos, a few videos), small enough that a hostile archive cannot fill the memory. */
export const MAX_ARCHIVE_CONTENT = 1_000_000_000;
/** Entries an archive may hold: a case has a few hundred files at most. */
export const MAX_ARCHIVE_ENTRIES = 10_000;

export class ArchiveProblem extends Error {
  override name = 'ArchiveProblem';
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function quoted(name: string): string {
  return `« ${displayFileName(name).slice(0, 80)} »`;
}

/** Every entry of the central directory (PKWARE APPNOTE 4.3.12), refused at the first that is not a plain file. */
function centralDirectory(bytes: Uint8Array, allowed: (name: string) => boolean): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveProblem('ce n’est pas une archive .recours lisible (fichier abîmé ou d’un autre type).');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count > MAX_ARCHIVE_ENTRIES) throw new ArchiveProblem(`il contient plus de ${MAX_ARCHIVE_ENTRIES} fichiers.`);
  const entries: Entry[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ArchiveProblem('son répertoire de fichiers est abîmé.');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    // Unix « made by » (3) keeps the file type in the high 16 bits of the external attributes.
    const type = madeBy === 3 ? (external >>> 16) & S_IFMT : 0;
    const directory = name.endsWith('/') || type === S_IFDIR || (external & 0x10) !== 0;
    if (directory && type !== S_IFDIR && type !== 0) throw new ArchiveProblem(`${quoted(name)} n’est pas un dossier ordinaire.`);
    if (directory) continue;
    if (!allowed(name)) throw new ArchiveProblem(`il contient des fichiers inattendus (${quoted(name)}).`);
    if (name.split('/').some((part) => part === '.' || part === '..')) {
      throw new ArchiveProblem(`${quoted(name)} n’est pas un chemin de fichier accepté (« . » ou « .. »).`);
    }
    if (type !== 0 && type !== S_IFREG) throw new ArchiveProblem(`${quoted(name)} est un lien symbolique ou un fichier spécial, pas un fichier ordinaire.`);
    if (names.has(name)) throw new ArchiveProblem(`${quoted(name)} y figure deux fois.`);
    names.add(name);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) throw new ArchiveProblem(`${quoted(name)} dépasse 4 Go.`);
    if (method !== 0 && method !== 8) throw new ArchiveProblem(`${quoted(name)} est compressé d’une manière inconnue.`);
    entries.push({ name, method, compressedSize, size, offset });
  }
  return entries;
}

/**
 * The archive's files by name, each at most its declared size, all together at most `limit` bytes; throws
 * ArchiveProblem (a French sentence) otherwise.
 */
export function readArchive(bytes: Uint8Array, allowed: (name: string) => boolean, limit = MAX_ARCHIVE_CONTENT): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes, allowed);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  const tooBig = () => new ArchiveProblem(`son contenu dépasse ${formatSize(limit).replace(/,0 /, ' ')} une fois décompressé (limite d’une sauvegarde Recours).`);
  if (declared > limit) throw tooBig();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    const local = entry.offset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new ArchiveProblem(`${quoted(entry.name)} est abîmé.`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new ArchiveProblem(`${quoted(entry.name)} est tronqué.`);
    const lying = () => new ArchiveProblem(`${quoted(entry.name)} se décompresse en plus que les ${formatSize(entry.size)} qu’il annonce : archive falsifiée ou abîmée.`);
    if (entry.method === 0) {
      if (data.length !== entry.size) throw lying();
      total += data.length;
      files.set(entry.name, data.slice());
      continue;
    }
    let out: Uint8Array;
    try {
      // zlib stops as soon as the output passes maxOutputLength: a lying entry costs its declared size, no more.
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw lying();
      throw new ArchiveProblem(`${quoted(entry.name)} est abîmé (données compressées illisibles).`);
    }
    if (out.length > entry.size) throw lying();
    if (out.length !== entry.size) throw new ArchiveProblem(`${quoted(entry.name)} est plus petit qu’annoncé : archive abîmée.`);
    total += out.length;
    if (total > limit) throw tooBig();
    files.set(entry.name, out);
  }
  return files;
}
