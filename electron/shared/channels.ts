/**
 * The only IPC channels between the window and the main process. Shared by main and preload so that a renamed
 * channel cannot silently break the bridge.
 */

/** The shared API (core/common/api/contract.ts): invoke(API_CHANNEL, method, params). */
export const API_CHANNEL = 'recours:api';
/** Desktop-only actions (core/common/api/desktop.ts): invoke(DESKTOP_CHANNEL, action, params). */
export const DESKTOP_CHANNEL = 'recours:desktop';
/** Main → window: DesktopEvent messages (progress, menu commands, imported cases). */
export const EVENT_CHANNEL = 'recours:event';
