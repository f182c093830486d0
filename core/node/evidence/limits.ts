/** Limits that keep a bad or hostile evidence file from exhausting memory or time. */

/**
 * Largest image accepted, in pixels, checked on the declared dimensions before any decoding (decompression bombs:
 * a few kilobytes of PNG can declare 50 000 × 50 000 pixels, 10 GB once decoded). 120 MP covers the largest phone
 * sensors (108 MP) and scans of A3 pages at 600 dpi.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;

/**
 * The largest piece a case accepts, from the page (the bridge's upload route) or the desktop app's dialog:
 * a letter's exhibit is a photo, a PDF, a short video — not a two-hour film.
 */
export const MAX_PIECE_BYTES = 220_000_000;

/** Files larger than this are hashed as a stream and listed, never read into memory nor embedded in the PDF. */
export const MAX_LOADED_BYTES = 256 * 1024 * 1024;

/** How long one exhibit may take in a worker before the worker is stopped (a malformed file must not hang). */
export const DEFAULT_TASK_TIMEOUT_MS = 60_000;

/** Pages of a text or e-mail exhibit reproduced at most; the whole file is attached beyond. */
export const MAX_TEXT_PAGES = 80;

/** Frames of a multi-page TIFF reproduced at most. */
export const MAX_IMAGE_FRAMES = 50;
