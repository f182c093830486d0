/**
 * Every IPC message is checked for its sender (checklist item 17): it must come from the top frame of our own
 * window, showing a page of the app's origin. A frame that navigated elsewhere, a sub-frame or another
 * WebContents is refused.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from '../web-security.js';

/** The WebContents allowed to talk to the main process (the main window's), or null before it exists. */
export type TrustedContents = () => WebContents | null;

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedContents): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  const own = trusted();
  return own !== null && event.sender === own;
}
