/**
 * What the window may do: stay on the app's own origin, never open another window, never get a permission
 * (camera, notifications from the page, geolocation…), never load anything from the network.
 * Each rule follows Electron's security checklist (docs/tutorial/security.md, items 5, 13, 14, 15).
 */
import { shell, type Session, type WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol.js';

/**
 * True when `url` is on the app's own origin. URLs are parsed, never compared as strings: `app://recours.evil/`,
 * `app://recours@evil/` or `app://recours:8080/` do not pass. (Node's URL gives custom schemes an opaque
 * origin, "null", hence the comparison of scheme and host.)
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** Links the user may follow outside the app (a law article on Légifrance): https only, opened in the browser. */
export function externalLinkToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Refuses navigation away from the app, new windows and <webview>; https links go to the system browser. */
export function lockNavigation(contents: WebContents): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkToOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

/** Network schemes the window may never load: everything it shows comes from app://. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** Denies every permission request and check, and cancels every network request of the session. */
export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
}
