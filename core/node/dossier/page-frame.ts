/**
 * Where a page is seen: its crop box, turned by its /Rotate (clockwise, multiples of 90°). Copied pages keep
 * their /Rotate (pdf-lib's copyPages copies it); anything drawn on them must be placed in this display frame,
 * or a stamp meant for the top right corner ends up sideways along an edge (pdf-lib#65, #545).
 */
import type { PDFPage } from 'pdf-lib';

/** The page's rotation normalised to 0, 90, 180 or 270. */
export function pageRotation(page: PDFPage): 0 | 90 | 180 | 270 {
  const angle = ((Math.round(page.getRotation().angle / 90) * 90) % 360 + 360) % 360;
  return angle as 0 | 90 | 180 | 270;
}

/** Width and height of the page as displayed. */
export function displaySize(page: PDFPage): { width: number; height: number } {
  const box = page.getCropBox();
  const turned = pageRotation(page) % 180 !== 0;
  return turned ? { width: box.height, height: box.width } : { width: box.width, height: box.height };
}

/**
 * The matrix [a b c d e f] from display coordinates (origin at the bottom-left corner the reader sees, x to the
 * right, y up) to the page's user space.
 */
export function displayFrame(page: PDFPage): [number, number, number, number, number, number] {
  const { x, y, width: w, height: h } = page.getCropBox();
  switch (pageRotation(page)) {
    case 0:
      return [1, 0, 0, 1, x, y];
    case 90: // display x runs up the page, display y runs to its left
      return [0, 1, -1, 0, x + w, y];
    case 180:
      return [-1, 0, 0, -1, x + w, y + h];
    case 270:
      return [0, -1, 1, 0, x, y + h];
  }
}
