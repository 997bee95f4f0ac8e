import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useLiveFeed, type LiveHandlers, type LiveState } from '../live/use-live-feed.ts';

interface MineLive {
  state: LiveState;
  subscribe: (handlers: { current: LiveHandlers }) => () => void;
}

const MineLiveContext = createContext<MineLive | null>(null);

/**
 * One live-feed connection for a mine page (alarms, readings, personnel), shared by its sections
 * so the page holds a single EventSource.
 */
export function MineLiveProvider({ mineId, children }: { mineId: string; children: ReactNode }) {
  const subscribers = useRef(new Set<{ current: LiveHandlers }>());
  const state = useLiveFeed(mineId, {
    onAlarm: (a) => {
      for (const s of subscribers.current) s.current.onAlarm?.(a);
    },
    onReadings: (r) => {
      if (r.mineId !== mineId) return;
      for (const s of subscribers.current) s.current.onReadings?.(r);
    },
    onPersonnel: (p) => {
      if (p.mineId !== mineId) return;
      for (const s of subscribers.current) s.current.onPersonnel?.(p);
    },
    onResync: () => {
      for (const s of subscribers.current) s.current.onResync?.();
    },
  });
  const value = useMemo<MineLive>(
    () => ({
      state,
      subscribe: (handlers) => {
        subscribers.current.add(handlers);
        return () => subscribers.current.delete(handlers);
      },
    }),
    [state],
  );
  return <MineLiveContext.Provider value={value}>{children}</MineLiveContext.Provider>;
}

/** Receives the mine page's live events; handlers may change on every render. */
export function useMineLive(handlers: LiveHandlers): LiveState {
  const live = useContext(MineLiveContext);
  if (live === null) throw new Error('useMineLive outside MineLiveProvider');
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });
  const { subscribe } = live;
  useEffect(() => subscribe(ref), [subscribe]);
  return live.state;
}
