/** The desktop-only channel: same checks as the API channel (sender, schema), then the matching action. */
import type { WebContents } from 'electron';
import type { z } from 'zod';
import { parseDesktopCall, type DesktopAction, type DesktopResults, type desktopParams } from '../../../core/common/api/desktop.js';
import type { IpcHandler } from './api-handler.js';
import { FOREIGN_SENDER, failureReply, type Log } from './replies.js';
import { isTrustedSender, type TrustedContents } from './sender.js';

/** One function per action, receiving parameters already validated. */
export type DesktopActions = {
  [A in DesktopAction]: (params: z.output<(typeof desktopParams)[A]>, sender: WebContents) => Promise<DesktopResults[A]>;
};

export function createDesktopHandler(deps: { actions: DesktopActions; trusted: TrustedContents; log: Log }): IpcHandler {
  return async (event, ...args) => {
    let what = 'action';
    try {
      if (!isTrustedSender(event, deps.trusted)) return { ok: false, error: FOREIGN_SENDER };
      const call = parseDesktopCall(args[0], args[1]);
      what = call.action;
      const run = deps.actions[call.action] as (params: unknown, sender: WebContents) => Promise<unknown>;
      return { ok: true, result: await run(call.params, event.sender) };
    } catch (e) {
      return failureReply(e, deps.log, what);
    }
  };
}
