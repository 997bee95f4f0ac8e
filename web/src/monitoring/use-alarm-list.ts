import { useCallback, useEffect, useRef, useState } from 'react';
import { request, type ApiAnswer } from '../api/api-client.ts';
import type { AlarmStateFilter } from '../api/monitoring-types.ts';
import type { AlarmView } from '../api/generated/api-schema.ts';
import { useThrottled } from '../live/use-live-feed.ts';
import { compareAlarms, isUnacknowledged } from './alarm-text.ts';

type AlarmsResponse = ApiAnswer<'/api/alarms'>;

/** Whether an alarm in `state` belongs in a list filtered by `filter` (mirrors the server's `state=`). */
export function stateMatches(filter: AlarmStateFilter, state: AlarmView['state']): boolean {
  switch (filter) {
    case 'active':
      return state === 'unack_active' || state === 'ack_active' || state === 'rtn_unack';
    case 'unacknowledged':
      return isUnacknowledged(state);
    case 'shelved':
      return state === 'shelved';
    case 'all':
      return true;
  }
}

/** true / false, or 'unknown' when the client cannot tell (then the list is reloaded). */
export type LiveMatch = boolean | 'unknown';

export interface AlarmList {
  items: AlarmView[] | null;
  total: number;
  error: unknown;
  isLoading: boolean;
  /** Per alarm id, a counter bumped whenever a live change touched the row. */
  flashes: ReadonlyMap<string, number>;
  reload: () => void;
  /** Applies a changed alarm (live event or action answer): update, insert or drop its row. */
  apply: (alarm: AlarmView, options?: { flash?: boolean }) => void;
}

/**
 * A list of alarms loaded from `url` and kept current by live changes. Rows whose alarm no longer
 * matches the filter leave the list; new matching alarms are inserted in console order.
 */
export function useAlarmList(url: string | null, matches: (alarm: AlarmView) => LiveMatch): AlarmList {
  const [list, setList] = useState<{ items: AlarmView[]; total: number } | null>(null);
  // The list as last committed, so live changes arriving between renders build on each other.
  const listRef = useRef(list);
  const [error, setError] = useState<unknown>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [flashes, setFlashes] = useState<ReadonlyMap<string, number>>(new Map());
  const matchesRef = useRef(matches);
  useEffect(() => {
    matchesRef.current = matches;
  });

  const commit = useCallback((next: { items: AlarmView[]; total: number }) => {
    listRef.current = next;
    setList(next);
  }, []);

  const key = url === null ? null : `${generation} ${url}`;
  useEffect(() => {
    if (url === null || key === null) return;
    const controller = new AbortController();
    request<AlarmsResponse>('GET', url, { signal: controller.signal }).then(
      (res) => {
        commit({ items: [...res.items].sort(compareAlarms), total: res.total });
        setError(null);
        setLoadedKey(key);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoadedKey(key);
      },
    );
    return () => controller.abort();
  }, [url, key, commit]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // New alarms the client cannot place (e.g. region filter, the view has no region id) reload the list.
  const reloadSoon = useThrottled(reload, 3_000);

  const apply = useCallback(
    (alarm: AlarmView, options: { flash?: boolean } = {}) => {
      const match = matchesRef.current(alarm);
      const prev = listRef.current;
      if (prev === null) return;
      const index = prev.items.findIndex((a) => a.id === alarm.id);
      if (index >= 0) {
        if (match === false) {
          commit({ items: prev.items.filter((a) => a.id !== alarm.id), total: Math.max(0, prev.total - 1) });
        } else {
          const items = [...prev.items];
          items[index] = alarm;
          commit({ items: items.sort(compareAlarms), total: prev.total });
        }
      } else if (match === 'unknown') {
        reloadSoon();
        return;
      } else if (match) {
        commit({ items: [...prev.items, alarm].sort(compareAlarms), total: prev.total + 1 });
      } else {
        return;
      }
      if (options.flash !== false && match !== false) {
        setFlashes((old) => new Map(old).set(alarm.id, (old.get(alarm.id) ?? 0) + 1));
      }
    },
    [reloadSoon, commit],
  );

  return {
    items: list?.items ?? null,
    total: list?.total ?? 0,
    error: loadedKey === key ? error : null,
    isLoading: key !== null && loadedKey !== key,
    flashes,
    reload,
    apply,
  };
}
