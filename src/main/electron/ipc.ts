import { ipcMain, BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Core } from '../app/bootstrap';
import { dispatch } from '../api/dispatcher';
import { resolveCaller } from '../users/caller';
import { fail } from '../../shared/api/result';
import { isAllowedSender } from './security';

export const IPC_CALL = 'motcua:call';
export const IPC_EVENT = 'motcua:event';

/** The same sender rule for every IPC channel: the top frame of our own window showing our own page. */
export function senderAllowed(event: IpcMainInvokeEvent, trusted: { rendererIndexUrl?: string; hostOrigin?: string }): boolean {
  const frame = event.senderFrame;
  const win = BrowserWindow.fromWebContents(event.sender);
  return isAllowedSender({ frameUrl: frame?.url ?? null, isMainFrame: !!frame && frame === event.sender.mainFrame, fromOwnWindow: !!win }, trusted);
}

/** Wires the API contract to IPC: one channel, sender checked, the same dispatcher as the office server. */
export function registerIpc(core: Core, trusted: { rendererIndexUrl?: string }): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, input: unknown, token: unknown) => {
    if (!senderAllowed(event, trusted) || typeof method !== 'string') {
      core.app.log.warn('ipc call refused', { reason: 'sender' });
      return fail('FORBIDDEN', 'Lời gọi không đến từ cửa sổ của ứng dụng.');
    }
    const caller = resolveCaller(core.app, typeof token === 'string' ? token : undefined, 'ipc');
    return dispatch(core.app, core.handlers, method, input, { caller, device: 'ipc', fromHost: true });
  };
  ipcMain.handle(IPC_CALL, handler);
  const unsubscribe = core.app.events.subscribe((e) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(IPC_EVENT, e);
  });
  return () => {
    ipcMain.removeHandler(IPC_CALL);
    unsubscribe();
  };
}
