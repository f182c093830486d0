/**
 * The one channel of the shared API: the sender is verified, the call validated against the contract's
 * schemas, then handed to core's dispatcher. Whatever happens, the answer is `{ ok, result | error }`.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { parseApiCall, type ApiMethod } from '../../../core/common/api/contract.js';
import type { IpcReply } from '../../../core/common/api/desktop.js';
import { FOREIGN_SENDER, failureReply, type Log } from './replies.js';
import { isTrustedSender, type TrustedContents } from './sender.js';

/** What the main process needs of core/node/api's dispatcher. */
export interface ApiDispatcher {
  call(method: ApiMethod, params: unknown): Promise<unknown>;
}

export type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;

export function createApiHandler(deps: { dispatcher: ApiDispatcher; trusted: TrustedContents; log: Log }): IpcHandler {
  return async (event, ...args) => {
    let what = 'demande';
    try {
      if (!isTrustedSender(event, deps.trusted)) return { ok: false, error: FOREIGN_SENDER };
      const call = parseApiCall(args[0], args[1]);
      what = call.method;
      return { ok: true, result: await deps.dispatcher.call(call.method, call.params) };
    } catch (e) {
      return failureReply(e, deps.log, what);
    }
  };
}
