import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppEvent } from '../../../shared/api/events';
import { api } from '../../api/client';

/**
 * Subscribes to server events; `onEvent` always sees the latest closure. Returns whether the
 * event stream is connected (screens show a banner when it is not).
 */
export function useServerEvents(onEvent: (e: AppEvent) => void): boolean {
  const ref = useRef(onEvent);
  ref.current = onEvent;
  const [connected, setConnected] = useState(true);
  useEffect(() => api.subscribe((e) => ref.current(e), setConnected), []);
  return connected;
}

/**
 * Loads data now and again whenever a queue event arrives (coalesced: one reload at a time,
 * one more queued if events arrived meanwhile), so a burst of calls does not flood the server.
 */
export function useQueueData<T>(
  load: () => Promise<T>,
  deps: unknown[],
  onEvent?: (e: AppEvent) => void,
): { data: T | null; error: string | null; reload: () => void; connected: boolean } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const again = useRef(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    void loadRef
      .current()
      .then((v) => {
        setData(v);
        setError(null);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => {
        busy.current = false;
        if (again.current) {
          again.current = false;
          reload();
        }
      });
  }, []);
  useEffect(reload, deps);
  const connected = useServerEvents((e) => {
    onEvent?.(e);
    if (e.type === 'queue.changed' || e.type === 'queue.called' || e.type === 'settings.changed') reload();
  });
  // After a reconnection, events may have been missed: reload once.
  const wasConnected = useRef(connected);
  useEffect(() => {
    if (connected && !wasConnected.current) reload();
    wasConnected.current = connected;
  }, [connected, reload]);
  return { data, error, reload, connected };
}

/** The current time, re-rendered every `ms`. */
export function useNow(ms = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** "08:05" from a stored instant; stored instants carry +07:00, so their clock digits are local. */
export const hhmm = (iso: string | null | undefined): string => (iso ? iso.slice(11, 16) : '');

const VN_OFFSET_MS = 7 * 3600_000;
/** Wall clock of Vietnam for an instant, whatever the zone of the machine showing it. */
export function vnClock(d: Date): { time: string; date: string } {
  const t = new Date(d.getTime() + VN_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return { time: `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`, date: `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}` };
}

/** Seconds from a stored instant until now. */
export const secondsSince = (iso: string | null | undefined, now: Date): number | null => (iso ? Math.max(0, (now.getTime() - Date.parse(iso)) / 1000) : null);
