/**
 * Size budget (« --max-size 10MB »): photos are the only part of a dossier whose weight can be traded for
 * quality; letters, PDF exhibits and attachments are kept as they are. The ladder goes from print quality down to
 * the lowest setting that still prints a photo legibly (100 dpi).
 */
import { formatSize } from '../evidence/format.js';
import type { ImageQuality } from './geometry.js';
import { PRINT_QUALITY } from './geometry.js';

/** From best to smallest. Step 1 costs only time (mozjpeg's trellis quantisation: same look, ~10 % lighter). */
export const QUALITY_LADDER: readonly ImageQuality[] = [
  PRINT_QUALITY,
  { dpi: 200, quality: 80, mozjpeg: true },
  { dpi: 180, quality: 75, mozjpeg: true },
  { dpi: 160, quality: 72, mozjpeg: true },
  { dpi: 150, quality: 68, mozjpeg: true },
  { dpi: 135, quality: 64, mozjpeg: true },
  { dpi: 120, quality: 60, mozjpeg: true },
  { dpi: 110, quality: 55, mozjpeg: true },
  { dpi: 100, quality: 50, mozjpeg: true },
];

const UNITS: Record<string, number> = {
  '': 1, o: 1, b: 1, octet: 1, octets: 1,
  k: 1e3, ko: 1e3, kb: 1e3, kio: 1024, kib: 1024,
  m: 1e6, mo: 1e6, mb: 1e6, mio: 1024 ** 2, mib: 1024 ** 2,
  g: 1e9, go: 1e9, gb: 1e9, gio: 1024 ** 3, gib: 1024 ** 3,
};

/**
 * « 10MB », « 10 Mo », « 10M », « 500KB », « 1,5 Mo », « 2MiB » → bytes (MB and Mo are decimal, like mail
 * services count them; MiB is binary). null when the text is not a size.
 */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const factor = UNITS[(m[2] ?? '').toLowerCase()];
  if (factor === undefined) return null;
  const bytes = Math.floor(Number((m[1] ?? '').replace(',', '.')) * factor);
  return bytes > 0 ? bytes : null;
}

export function describeQuality(q: ImageQuality): string {
  return `photos à ${q.dpi} dpi, qualité JPEG ${q.quality}${q.mozjpeg ? ' (compression optimisée)' : ''}`;
}

/** The first step whose estimated total fits, or null. `estimate(i)` is the dossier size at step i. */
export async function firstFitting(estimate: (step: number) => Promise<number>, maxSize: number, from = 0): Promise<number | null> {
  // Sizes fall along the ladder: binary search for the first step that fits.
  let lo = from;
  let hi = QUALITY_LADDER.length - 1;
  if ((await estimate(hi)) > maxSize) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await estimate(mid)) <= maxSize) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function overBudgetMessage(size: number, maxSize: number, smallest: number, fixed: number): string {
  return (
    `Le dossier pèse ${formatSize(size)} : il dépasse de ${formatSize(size - maxSize)} la limite de ${formatSize(maxSize)}. ` +
    `Même avec les photos au plus bas (100 dpi), il pèserait environ ${formatSize(smallest)}, car les pièces qui ne se ` +
    `réduisent pas (lettre, bordereau, PDF, fichiers joints) pèsent déjà ${formatSize(fixed)}. ` +
    'Les photos sont laissées en qualité d’impression ; envoyez le dossier en plusieurs fois ou retirez des pièces.'
  );
}
