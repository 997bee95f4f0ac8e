import { useCallback, useState } from 'react';
import { withQuery } from '../api/api-client.ts';
import type { AlarmView } from '../api/generated/api-schema.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useNow } from '../live/use-live-feed.ts';
import { AlarmDetailPanel } from './alarm-detail.tsx';
import { AlarmTable, LiveIndicator } from './alarm-table.tsx';
import { useMineLive } from './mine-live.tsx';
import { stateMatches, useAlarmList } from './use-alarm-list.ts';
import './mine-monitoring.css';

/** The mine's standing alarms, live, with the same detail panel (and acknowledge) as the console. */
export function MineAlarms({ mineId }: { mineId: string }) {
  const { t, lang } = useI18n();
  const now = useNow(5_000);
  const list = useAlarmList(withQuery('/api/alarms', { mineId, state: 'active', pageSize: 100 }), (a) =>
    a.mineId === mineId ? stateMatches('active', a.state) : false,
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detailRefresh, setDetailRefresh] = useState(0);
  const { apply, reload } = list;
  const liveState = useMineLive({
    onAlarm: (alarm) => {
      if (alarm.mineId !== mineId) return;
      apply(alarm);
      if (alarm.id === selectedId) setDetailRefresh((n) => n + 1);
    },
    onResync: reload,
  });
  const select = useCallback((id: string) => setSelectedId((cur) => (cur === id ? null : id)), []);
  const close = useCallback(() => setSelectedId(null), []);
  const onChanged = useCallback((a: AlarmView) => apply(a, { flash: false }), [apply]);
  const items = list.items ?? [];
  const critical = items.filter((a) => a.priority === 'critical').length;

  return (
    <section
      className={critical > 0 ? 'card mine-alarms has-critical' : 'card mine-alarms'}
      data-testid="mine-alarms"
      data-count={list.items === null ? undefined : items.length}
      data-busy={list.isLoading ? 'true' : 'false'}
    >
      <header className="card-head">
        <h2>{t('mineMon.alarms.title')}</h2>
        {list.items !== null && (
          <span className={items.length > 0 ? 'count-badge danger' : 'count-badge'}>
            {formatCount(items.length, lang)}
          </span>
        )}
        <LiveIndicator state={liveState} />
      </header>
      {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.items !== null && (
        <AlarmTable
          alarms={items}
          selectedId={selectedId}
          flashes={list.flashes}
          showMine={false}
          now={now}
          onSelect={select}
          testId="mine-alarm-table"
          isBusy={list.isLoading}
          emptyText={t('mineMon.alarms.none')}
        />
      )}
      {selectedId !== null && (
        <AlarmDetailPanel
          key={selectedId}
          alarmId={selectedId}
          refreshKey={detailRefresh}
          now={now}
          onClose={close}
          onAlarmChanged={onChanged}
        />
      )}
    </section>
  );
}
