import type { AppEvent } from '../../shared/api/events';
import type { Result } from '../../shared/api/result';

/** How the renderer reaches the handlers. It never knows which one it has. */
export interface Transport {
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  /** Subscribes to server events; returns an unsubscribe function. */
  subscribe(token: string, onEvent: (e: AppEvent) => void, onState?: (connected: boolean) => void): () => void;
}

/** Shape exposed by the preload script on a counter PC (Electron IPC). */
export interface IpcBridge {
  call(method: string, input: unknown, token: string | null): Promise<Result<unknown>>;
  onEvent(listener: (e: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    motcua?: IpcBridge;
  }
}

const NETWORK_ERROR: Result<never> = {
  ok: false,
  error: { code: 'NETWORK', message: 'Không nhận được trả lời của máy chủ văn phòng. Kiểm tra mạng rồi thử lại.' },
};

export function ipcTransport(bridge: IpcBridge): Transport {
  return {
    call: (method, input, token) => bridge.call(method, input, token),
    subscribe: (_token, onEvent, onState) => {
      onState?.(true);
      return bridge.onEvent(onEvent);
    },
  };
}

export function httpTransport(base = ''): Transport {
  return {
    async call(method, input, token) {
      try {
        const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch {
        return NETWORK_ERROR;
      }
    },
    subscribe(token, onEvent, onState) {
      let ws: WebSocket | null = null;
      let stopped = false;
      let retry = 500;
      const connect = () => {
        const url = new URL('/api/events', base || window.location.href);
        url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
        ws = new WebSocket(url.toString());
        ws.onopen = () => ws?.send(JSON.stringify({ token }));
        ws.onmessage = (m) => {
          const data = JSON.parse(String(m.data)) as AppEvent | { type: 'auth'; ok: boolean };
          if (data.type === 'auth') {
            if (data.ok) {
              retry = 500;
              onState?.(true);
            }
            return;
          }
          onEvent(data as AppEvent);
        };
        ws.onclose = () => {
          onState?.(false);
          if (!stopped) setTimeout(connect, (retry = Math.min(retry * 2, 10_000)));
        };
      };
      connect();
      return () => {
        stopped = true;
        ws?.close();
      };
    },
  };
}

/**
 * IPC only when the page is the app's own bundle loaded from disk on the office host; a terminal's
 * window shows the host's page over HTTP (and has no local services), so it talks HTTP like a browser.
 */
export function defaultTransport(): Transport {
  return window.motcua && window.location.protocol === 'file:' ? ipcTransport(window.motcua) : httpTransport();
}
