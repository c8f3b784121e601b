import type { AppContext } from '../app/app-context';
import type { HandlerMap } from './dispatcher';
import { createSystemHandlers } from './system-handlers';

/** Every capability's handlers, checked against the contract: a missing or extra method fails to compile. */
export function createHandlers(app: AppContext): HandlerMap {
  const handlers = {
    ...createSystemHandlers(app),
  } satisfies HandlerMap;
  return handlers;
}
