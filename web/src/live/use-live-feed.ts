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

interface Listener {
  handlers: { current: LiveHandlers };
  setState: (state: LiveState) => void;
}

/** One EventSource per URL, shared by every hook on the page that wants it (the bell and the console). */
interface SharedFeed {
  listeners: Set<Listener>;
  state: LiveState;
  close: () => void;
}

const feeds = new Map<string, SharedFeed>();

/**
 * Opens the feed of `url`: EventSource reconnects by itself after a dropped connection; when the server
 * refused the stream outright (it then stays closed) this retries with a backoff.
 */
function openFeed(url: string): SharedFeed {
  const feed: SharedFeed = { listeners: new Set(), state: 'connecting', close: () => {} };
  let source: EventSource | null = null;
  let retryTimer: number | undefined;
  let retryMs = 2_000;
  let hadBreak = false;
  let isClosed = false;
  const each = (f: (l: Listener) => void) => {
    for (const l of feed.listeners) f(l);
  };
  const setState = (state: LiveState) => {
    feed.state = state;
    each((l) => l.setState(state));
  };
  const on = <T>(name: string, deliver: (h: LiveHandlers, data: T) => void) =>
    source?.addEventListener(name, (e) => {
      const data = parse<T>(e);
      if (data !== null) each((l) => deliver(l.handlers.current, data));
    });
  const connect = () => {
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('open', () => {
      setState('open');
      retryMs = 2_000;
      if (hadBreak) each((l) => l.handlers.current.onResync?.());
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
    on<AlarmView>('alarm', (h, alarm) => h.onAlarm?.(alarm));
    on<LiveReadings>('readings', (h, readings) => h.onReadings?.(readings));
    on<LivePersonnel>('personnel', (h, personnel) => h.onPersonnel?.(personnel));
    source.addEventListener('notifications', () => each((l) => l.handlers.current.onNotifications?.()));
  };
  connect();
  feed.close = () => {
    isClosed = true;
    window.clearTimeout(retryTimer);
    source?.close();
  };
  return feed;
}

/**
 * Subscribes to `/api/live` (Server-Sent Events, cookie auth) for the page's lifetime; with a mine,
 * also to its readings and personnel. Hooks wanting the same feed share one connection (a browser
 * allows only six per server across all tabs). Handlers may change on every render without reconnecting.
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
    let feed = feeds.get(url);
    if (feed === undefined) {
      feed = openFeed(url);
      feeds.set(url, feed);
    }
    const listener: Listener = { handlers: handlersRef, setState };
    feed.listeners.add(listener);
    setState(feed.state);
    const shared = feed;
    return () => {
      shared.listeners.delete(listener);
      if (shared.listeners.size > 0) return;
      shared.close();
      feeds.delete(url);
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
