/** Window size and position remembered between launches, kept visible when a screen was unplugged since. */

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 900, height: 600 } as const;

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Bounds to open the window with: the saved ones when they are sane and overlap a screen enough to grab the
 * title bar, else the default size centred by the system. `saved` comes from a settings file: anything goes.
 */
export function restoreBounds(saved: unknown, workAreas: readonly Area[]): WindowBounds {
  if (saved === null || typeof saved !== 'object') return { ...DEFAULT_BOUNDS };
  const s = saved as Record<string, unknown>;
  if (!isNumber(s.width) || !isNumber(s.height)) return { ...DEFAULT_BOUNDS };
  const largest = workAreas.reduce((max, a) => Math.max(max, a.width * a.height), 0);
  const widest = workAreas.find((a) => a.width * a.height === largest);
  const width = Math.round(Math.max(MIN_SIZE.width, Math.min(s.width, widest?.width ?? s.width)));
  const height = Math.round(Math.max(MIN_SIZE.height, Math.min(s.height, widest?.height ?? s.height)));
  const maximized = s.maximized === true;
  if (!isNumber(s.x) || !isNumber(s.y)) return { width, height, maximized };
  const x = Math.round(s.x);
  const y = Math.round(s.y);
  // The top strip of the window (title bar) must be at least 100 × 40 px on some screen.
  const grabbable = workAreas.some((a) => {
    const overlapX = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const overlapY = Math.min(y + 40, a.y + a.height) - Math.max(y, a.y);
    return overlapX >= 100 && overlapY >= 40;
  });
  return grabbable ? { x, y, width, height, maximized } : { width, height, maximized };
}
