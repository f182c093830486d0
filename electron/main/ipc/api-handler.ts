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

/**
 * What every channel does alike: refuse a foreign sender, then parse the call (`parse` throws on a call the schemas
 * refuse) and run it; any failure becomes a French reply naming the call (`what` until it is known).
 */
export function verifiedHandler(
  deps: { trusted: TrustedContents; log: Log },
  what: string,
  parse: (event: IpcMainInvokeEvent, args: unknown[]) => { name: string; run: () => Promise<unknown> },
): IpcHandler {
  return async (event, ...args) => {
    let name = what;
    try {
      if (!isTrustedSender(event, deps.trusted)) return { ok: false, error: FOREIGN_SENDER };
      const call = parse(event, args);
      name = call.name;
      return { ok: true, result: await call.run() };
    } catch (e) {
      return failureReply(e, deps.log, name);
    }
  };
}

export function createApiHandler(deps: { dispatcher: ApiDispatcher; trusted: TrustedContents; log: Log }): IpcHandler {
  return verifiedHandler(deps, 'demande', (_event, args) => {
    const call = parseApiCall(args[0], args[1]);
    return { name: call.method, run: () => deps.dispatcher.call(call.method, call.params) };
  });
}
