import { useEffect, useRef, useState } from 'react';
import type { LivePersonnel, LiveReadings } from '../api/monitoring-types.ts';
import type { AlarmView } from '../api/generated/api-schema.ts';

/** Whether the live feed is connected: pages show it, since a silent console is not a quiet mine. */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

export interface LiveHandlers {
  onAlarm?: (alarm: AlarmView) => void;
  onReadings?: (readings: LiveReadings) => void;
  onPersonnel?: (personnel: LivePersonnel) => void;
  /** Something for the notification bell changed in your scope (a directive issued): re-read the bell. */
  onNotifications?: () => void;
  /** Called when the feed comes back after a break: events may have been missed, so reload. */
  onResync?: () => void;
}

/** The longest wait before trying again when the server refused the stream (EventSource gave up). */
const MAX_RETRY_MS = 30_000;

function parse<T>(event: MessageEvent<unknown>): T | null {
  if (typeof event.data !== 'string') return null;
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return null;
  }
}

/**
 * Subscribes to `/api/live` (Server-Sent Events, cookie auth) for the page's lifetime; with a mine,
 * also to its readings and personnel. EventSource reconnects by itself after a dropped connection;
 * when the server refused the stream outright (it then stays closed) this retries with a backoff.
 * Handlers may change on every render without reconnecting.
 */
export function useLiveFeed(mineId: string | null, handlers: LiveHandlers): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const url = mineId === null ? '/api/live' : `/api/live?mineId=${encodeURIComponent(mineId)}`;
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let retryMs = 2_000;
    let hadBreak = false;
    let isClosed = false;

    const connect = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('open', () => {
        setState('open');
        retryMs = 2_000;
        if (hadBreak) handlersRef.current.onResync?.();
        hadBreak = false;
      });
      source.addEventListener('error', () => {
        hadBreak = true;
        setState('reconnecting');
        if (source?.readyState === EventSource.CLOSED && !isClosed) {
          source.close();
          retryTimer = window.setTimeout(connect, retryMs);
          retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
        }
      });
      source.addEventListener('alarm', (e) => {
        const alarm = parse<AlarmView>(e);
        if (alarm !== null) handlersRef.current.onAlarm?.(alarm);
      });
      source.addEventListener('notifications', () => handlersRef.current.onNotifications?.());
      source.addEventListener('readings', (e) => {
        const readings = parse<LiveReadings>(e);
        if (readings !== null) handlersRef.current.onReadings?.(readings);
      });
      source.addEventListener('personnel', (e) => {
        const personnel = parse<LivePersonnel>(e);
        if (personnel !== null) handlersRef.current.onPersonnel?.(personnel);
      });
    };
    connect();
    return () => {
      isClosed = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [mineId]);

  return state;
}

/** Runs `fn` at most once per `intervalMs` (trailing call kept), for reloads triggered by live events. */
export function useThrottled(fn: () => void, intervalMs: number): () => void {
  const fnRef = useRef(fn);
  useEffect(() => {
    fnRef.current = fn;
  });
  const stateRef = useRef<{ last: number; timer: number | undefined }>({ last: 0, timer: undefined });
  useEffect(() => {
    const s = stateRef.current;
    return () => window.clearTimeout(s.timer);
  }, []);
  const callRef = useRef<() => void>(() => {
    const s = stateRef.current;
    if (s.timer !== undefined) return;
    const wait = Math.max(0, s.last + intervalMs - Date.now());
    s.timer = window.setTimeout(() => {
      s.timer = undefined;
      s.last = Date.now();
      fnRef.current();
    }, wait);
  });
  return callRef.current;
}

/** The current time, refreshed every `intervalMs`, for ages and sliding chart windows. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
