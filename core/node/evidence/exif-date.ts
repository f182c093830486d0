/**
 * The day a photo was taken, from its EXIF data (JPEG, HEIC, TIFF, WebP, PNG eXIf), read with ExifReader.
 * DateTimeOriginal has no time zone: it is the camera's wall-clock time, which is also the day the user remembers,
 * so only its date part is kept, as written.
 */
import ExifReader from 'exifreader';
import { isRealIsoDate } from '../../common/format/dates.js';

const EXIF_DATE = /^(\d{4}):(\d{2}):(\d{2})/;

function tagText(tag: unknown): string | undefined {
  if (!tag || typeof tag !== 'object') return undefined;
  const { description, value } = tag as { description?: unknown; value?: unknown };
  if (typeof description === 'string') return description;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** A JPEG's EXIF block sits in its first segments (APP1, at most 64 KiB): no need to hand over the whole photo. */
const JPEG_HEAD = 256 * 1024;

/** YYYY-MM-DD, or null when the file has no (plausible) date of capture. */
export function exifTakenAt(bytes: Uint8Array, mediaType?: string): string | null {
  const head = mediaType === 'image/jpeg' ? bytes.subarray(0, JPEG_HEAD) : bytes;
  let tags: Record<string, unknown>;
  try {
    tags = ExifReader.load(Buffer.from(head.buffer, head.byteOffset, head.byteLength)) as Record<string, unknown>;
  } catch {
    return null; // no metadata, or metadata ExifReader cannot read: the date stays unknown
  }
  for (const name of ['DateTimeOriginal', 'DateTimeDigitized', 'CreateDate']) {
    const m = EXIF_DATE.exec(tagText(tags[name]) ?? '');
    if (!m) continue;
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    // Cameras with an unset clock write 0000:00:00 or 1970: not a date worth printing.
    if (isRealIsoDate(iso) && Number(m[1]) >= 1990) return iso;
  }
  return null;
}
