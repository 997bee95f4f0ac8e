import { memo, type KeyboardEvent } from 'react';
import type { AlarmPriority, AlarmView } from '../api/generated/api-schema.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { LiveState } from '../live/use-live-feed.ts';
import { alarmText, isUnacknowledged, ruleLabel, stateLabel } from './alarm-text.ts';
import { formatDuration, formatMs, formatShortMs, formatValue } from './monitoring-format.ts';
import './alarm-table.css';

export function PriorityPill({ priority }: { priority: AlarmPriority }) {
  const { t } = useI18n();
  return (
    <span className={`prio prio-${priority}`} data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}

export function AlarmStatePill({ state }: { state: string }) {
  const i18n = useI18n();
  const isUnack = state === 'unack_active' || state === 'rtn_unack';
  return (
    <span className={`astate astate-${state}`} data-state={state}>
      {isUnack && <span className="unack-dot" aria-hidden="true" />}
      {stateLabel(state, i18n)}
    </span>
  );
}

/** "Live" / "reconnecting…" next to a page title. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <span className={`live live-${state}`} data-testid="live-status" data-state={state}>
      <span className="live-dot" aria-hidden="true" />
      {t(`live.${state}`)}
    </span>
  );
}

interface RowProps {
  alarm: AlarmView;
  isSelected: boolean;
  /** Bumped on each live change of the row; its parity picks one of two identical flash animations. */
  flash: number | undefined;
  showMine: boolean;
  now: number;
  onSelect: (id: string) => void;
}

const AlarmRow = memo(function AlarmRow({ alarm, isSelected, flash, showMine, now, onSelect }: RowProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const isUnack = isUnacknowledged(alarm.state);
  const since = alarm.activeSinceMs ?? alarm.firstRaisedMs;
  const classes = ['alarm-row', `alarm-row-${alarm.priority}`];
  if (isUnack) classes.push('alarm-row-unack');
  if (!alarm.conditionActive) classes.push('alarm-row-cleared');
  if (isSelected) classes.push('selected');
  if (flash !== undefined) classes.push(flash % 2 === 0 ? 'flash-a' : 'flash-b');
  const text = alarmText(alarm, i18n);
  const open = () => onSelect(alarm.id);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  return (
    <tr
      className={classes.join(' ')}
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-priority={alarm.priority}
      data-state={alarm.state}
      data-rule={alarm.rule}
      data-mine-id={alarm.mineId}
      aria-selected={isSelected}
      tabIndex={0}
      onClick={open}
      onKeyDown={onKey}
    >
      <td className="alarm-band">
        <PriorityPill priority={alarm.priority} />
      </td>
      <td className="alarm-state">
        <AlarmStatePill state={alarm.state} />
      </td>
      <td className="tabular nowrap" title={formatMs(since)}>
        {formatShortMs(since, now)}
        <div className="cell-sub">{formatDuration(now - since, t)}</div>
      </td>
      {showMine && (
        <td className="alarm-mine" title={alarm.mineName}>
          <span className="alarm-mine-name">{alarm.mineName}</span>
          <div className="cell-sub">
            {lang === 'en' && alarm.regionNameEn !== '' ? alarm.regionNameEn : alarm.regionName}
          </div>
        </td>
      )}
      <td className="alarm-rule">{ruleLabel(alarm.rule, i18n)}</td>
      <td className="alarm-text" title={alarm.message}>
        {text}
      </td>
      <td className="num nowrap">{alarm.value === null ? '' : formatValue(alarm.value, lang)}</td>
      <td className="alarm-actor">
        {alarm.escalationLevel > 0 && (
          <span className="esc-badge" title={t('alarm.escalatedTo', { level: alarm.escalationLevel })}>
            ↑{alarm.escalationLevel}
          </span>
        )}
        {alarm.activations > 1 && (
          <span className="act-badge" title={t('alarm.activations', { n: alarm.activations })}>
            ×{alarm.activations}
          </span>
        )}
        {alarm.lastActor !== null && <span className="nowrap">{alarm.lastActor}</span>}
        {alarm.state === 'shelved' && alarm.shelvedUntilMs !== null && (
          <div className="cell-sub">
            {t('alarm.shelvedUntil', { time: formatShortMs(alarm.shelvedUntilMs, now) })}
          </div>
        )}
      </td>
    </tr>
  );
});

/** The alarm list: one row per alarm, critical rows banded red, unacknowledged ones marked. */
export function AlarmTable(props: {
  alarms: readonly AlarmView[];
  selectedId: string | null;
  flashes: ReadonlyMap<string, number>;
  showMine: boolean;
  now: number;
  onSelect: (id: string) => void;
  testId: string;
  isBusy?: boolean;
  emptyText: string;
}) {
  const { t } = useI18n();
  const columns = props.showMine ? 8 : 7;
  return (
    <div className="table-wrap">
      <table
        className="table alarm-table"
        data-testid={props.testId}
        data-loading={props.isBusy === true ? 'true' : 'false'}
      >
        <thead>
          <tr>
            <th>{t('alarm.col.priority')}</th>
            <th>{t('alarm.col.state')}</th>
            <th>{t('alarm.col.since')}</th>
            {props.showMine && <th>{t('alarm.col.mine')}</th>}
            <th>{t('alarm.col.rule')}</th>
            <th>{t('alarm.col.text')}</th>
            <th className="num">{t('alarm.col.value')}</th>
            <th>{t('alarm.col.actor')}</th>
          </tr>
        </thead>
        <tbody>
          {props.alarms.length === 0 && (
            <tr>
              <td colSpan={columns} className="empty" data-testid="alarm-empty">
                {props.emptyText}
              </td>
            </tr>
          )}
          {props.alarms.map((a) => (
            <AlarmRow
              key={a.id}
              alarm={a}
              isSelected={a.id === props.selectedId}
              flash={props.flashes.get(a.id)}
              showMine={props.showMine}
              now={props.now}
              onSelect={props.onSelect}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
