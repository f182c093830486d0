/** Page geometry of the pages the dossier draws itself (photos, texts, placeholders): A4 portrait, points. */
import { A4, PT_PER_MM } from '../../common/document/page-geometry.js';
import type { ImageTarget } from '../evidence/types.js';

/** The same A4 page and millimetre as the letters (core/common/document/page-geometry.ts). */
export { A4 };
export const MM = PT_PER_MM;

export const EXHIBIT_PAGE = {
  marginX: 15 * MM,
  /** Content starts below the stamp zone. */
  top: 18 * MM,
  /** Text content stops above the dossier page number. */
  bottom: A4.height - 18 * MM,
  /** Stamps sit this far from the page edges. */
  stampInset: 6 * MM,
} as const;

/** The box a photo must fit: the page less its margins, the stamp zone and room for a three-line caption. */
export const IMAGE_BOX = {
  width: A4.width - 2 * EXHIBIT_PAGE.marginX,
  height: A4.height - EXHIBIT_PAGE.top - 40 * MM,
} as const;

/** Print quality of photos: resolution on the page and JPEG settings. */
export interface ImageQuality {
  dpi: number;
  quality: number;
  mozjpeg: boolean;
}

/** Good print quality: 200 dpi, JPEG quality 80 (no visible loss on paper). */
export const PRINT_QUALITY: ImageQuality = { dpi: 200, quality: 80, mozjpeg: false };

/** Pixel box for a resolution: a photo is never stored with more pixels than the page can show. */
export function imageTarget(q: ImageQuality): ImageTarget {
  return {
    maxWidth: Math.round((IMAGE_BOX.width / 72) * q.dpi),
    maxHeight: Math.round((IMAGE_BOX.height / 72) * q.dpi),
    quality: q.quality,
    mozjpeg: q.mozjpeg,
  };
}

/** Lowest effective resolution a small image is enlarged to: below this, it stays smaller than the box. */
export const MIN_DISPLAY_DPI = 100;
