/** The desktop-only channel: same checks as the API channel (sender, schema), then the matching action. */
import type { WebContents } from 'electron';
import type { z } from 'zod';
import { parseDesktopCall, type DesktopAction, type DesktopResults, type desktopParams } from '../../../core/common/api/desktop.js';
import { verifiedHandler, type IpcHandler } from './api-handler.js';
import type { Log } from './replies.js';
import type { TrustedContents } from './sender.js';

/** One function per action, receiving parameters already validated. */
export type DesktopActions = {
  [A in DesktopAction]: (params: z.output<(typeof desktopParams)[A]>, sender: WebContents) => Promise<DesktopResults[A]>;
};

export function createDesktopHandler(deps: { actions: DesktopActions; trusted: TrustedContents; log: Log }): IpcHandler {
  return verifiedHandler(deps, 'action', (event, args) => {
    const call = parseDesktopCall(args[0], args[1]);
    const run = deps.actions[call.action] as (params: unknown, sender: WebContents) => Promise<unknown>;
    return { name: call.action, run: () => run(call.params, event.sender) };
  });
}
