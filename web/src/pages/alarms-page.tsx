import { useCallback, useState } from 'react';
import { ExportControl } from '../components/export-control.tsx';
import { withQuery } from '../api/api-client.ts';
import { ALARM_PRIORITIES, ALARM_RULES, ALARM_STATE_FILTERS } from '../api/monitoring-types.ts';
import type { AlarmConsole, AlarmKpis, AlarmPriority, AlarmView } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { CardSection } from '../components/card-section.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { FilterBar, FilterSelect } from '../components/filter-bar.tsx';
import { Pager } from '../components/pager.tsx';
import { RegionFilterSelect } from '../components/region-options.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatCount, formatShare, regionName } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useLiveFeed, useNow, useThrottled } from '../live/use-live-feed.ts';
import { AlarmDetailPanel } from '../monitoring/alarm-detail.tsx';
import { AlarmGroupsPanel, FloodPanel } from '../monitoring/alarm-groups.tsx';
import { AlarmTable, LiveIndicator } from '../monitoring/alarm-table.tsx';
import { ruleLabel } from '../monitoring/alarm-text.ts';
import { formatDuration, formatValue } from '../monitoring/monitoring-format.ts';
import { HazardProposalsPanel } from '../monitoring/hazard-proposals-panel.tsx';
import { SideList } from '../monitoring/side-list.tsx';
import { ScenarioPanel } from '../monitoring/scenario-panel.tsx';
import { stateMatches, useAlarmList, type LiveMatch } from '../monitoring/use-alarm-list.ts';
import { AlarmFollowUp } from './follow-up/alarm-follow-up.tsx';
import { navigate, useAppLocation } from '../router/router.ts';
import { useRegions } from '../session/regions-context.tsx';
import { can, useSession } from '../session/session-context.tsx';
import {
  ALARM_PAGE_SIZE,
  alarmsApiUrl,
  alarmsPageUrl,
  parseAlarmsQuery,
  parsePriority,
  parseRule,
  parseStateFilter,
  type AlarmsQuery,
} from './alarms-query.ts';

/** ISA-18.2 / EEMUA 191: about one alarm per 10 minutes per operator is acceptable, two is the most manageable. */
function rateTone(rate: number): 'ok' | 'warn' | 'bad' {
  return rate <= 1 ? 'ok' : rate <= 2 ? 'warn' : 'bad';
}

const PRIORITY_COLORS: Readonly<Record<AlarmPriority, string>> = {
  critical: '#c8102e',
  high: '#e8590c',
  medium: '#d4a72c',
  low: '#6e7781',
};

function KpiStrip({
  kpis,
  priority,
  onPriority,
}: {
  kpis: AlarmKpis;
  priority: AlarmPriority | '';
  onPriority: (p: AlarmPriority | '') => void;
}) {
  const { t, lang } = useI18n();
  const mixTotal = ALARM_PRIORITIES.reduce((s, p) => s + kpis.priorityLast24h[p], 0);
  const tone = rateTone(kpis.alarmsPer10MinPerMine);
  const mixText = ALARM_PRIORITIES.map(
    (p) => `${t(`priority.${p}`)} ${formatShare(kpis.priorityLast24h[p], mixTotal, lang)}`,
  ).join(' · ');
  return (
    <div className="akpis" data-testid="alarm-kpis">
      {ALARM_PRIORITIES.map((p) => {
        const n = kpis.activeByPriority[p];
        return (
          <button
            key={p}
            type="button"
            className={['akpi', `akpi-${p}`, n > 0 ? 'has' : 'zero', priority === p ? 'active' : ''].join(
              ' ',
            )}
            data-testid={`kpi-alarm-${p}`}
            data-value={n}
            aria-pressed={priority === p}
            title={t('alarms.kpi.filterBy', { p: t(`priority.${p}`) })}
            onClick={() => onPriority(priority === p ? '' : p)}
          >
            <span className="akpi-label">{t(`alarms.kpi.${p}`)}</span>
            <span className="akpi-value">{formatCount(n, lang)}</span>
          </button>
        );
      })}
      <div
        className={kpis.unacknowledged > 0 ? 'akpi akpi-unack has' : 'akpi akpi-unack zero'}
        data-testid="kpi-alarm-unacknowledged"
        data-value={kpis.unacknowledged}
      >
        <span className="akpi-label">{t('alarms.kpi.unacknowledged')}</span>
        <span className="akpi-value">{formatCount(kpis.unacknowledged, lang)}</span>
      </div>
      <div className="akpi akpi-shelved" data-testid="kpi-alarm-shelved" data-value={kpis.shelved}>
        <span className="akpi-label">{t('alarms.kpi.shelved')}</span>
        <span className="akpi-value">{formatCount(kpis.shelved, lang)}</span>
      </div>
      <div
        className={`akpi akpi-rate rate-${tone}`}
        data-testid="kpi-alarm-rate"
        data-value={kpis.alarmsPer10MinPerMine}
        title={t('alarms.kpi.rateHint')}
      >
        <span className="akpi-label">{t('alarms.kpi.rate')}</span>
        <span className="akpi-value">{formatValue(kpis.alarmsPer10MinPerMine, lang)}</span>
        <span className="akpi-sub">
          {t('alarms.kpi.rateUnit')} · {t(`alarms.kpi.rate.${tone}`)}
        </span>
      </div>
      <div className="akpi akpi-mix" data-testid="kpi-alarm-mix" data-value={mixTotal}>
        <span className="akpi-label">{t('alarms.kpi.mix', { n: formatCount(mixTotal, lang) })}</span>
        <span
          className="mixbar"
          role="img"
          aria-label={ALARM_PRIORITIES.map((p) => `${t(`priority.${p}`)} ${kpis.priorityLast24h[p]}`).join(
            ', ',
          )}
        >
          {ALARM_PRIORITIES.filter((p) => kpis.priorityLast24h[p] > 0).map((p) => (
            <span
              key={p}
              className="mixbar-seg"
              style={{ flexGrow: kpis.priorityLast24h[p], background: PRIORITY_COLORS[p] }}
              title={`${t(`priority.${p}`)} ${kpis.priorityLast24h[p]}`}
            />
          ))}
        </span>
        <span className="akpi-sub" title={mixText}>
          {mixText}
        </span>
      </div>
    </div>
  );
}

function SidePanels({
  kpis,
  now,
  onMine,
  onAlarm,
}: {
  kpis: AlarmKpis;
  now: number;
  onMine: (mineId: string) => void;
  onAlarm: (alarmId: string) => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  /** A side card of alarms that open on a click: the mine, the rule, and a figure (`alarm-${key}-row`). */
  const alarmSideCard = <T extends { alarmId: string; mineName: string; rule: string }>(
    key: 'chattering' | 'stale',
    rows: readonly T[],
    count: (row: T) => string,
  ) => (
    <CardSection
      className="card side-card"
      testId={`alarm-${key}`}
      title={t(`alarms.${key}.title`)}
      hint={t(`alarms.${key}.hint`)}
    >
      <SideList
        empty={t(`alarms.${key}.none`)}
        items={rows.map((row) => ({
          key: row.alarmId,
          main: row.mineName,
          sub: ruleLabel(row.rule, i18n),
          count: count(row),
          onClick: () => onAlarm(row.alarmId),
          attributes: { 'data-testid': `alarm-${key}-row`, 'data-alarm-id': row.alarmId },
        }))}
      />
    </CardSection>
  );
  return (
    <>
      <FloodPanel kpis={kpis} onMine={onMine} />
      {alarmSideCard('chattering', kpis.chattering, (c) => `×${formatCount(c.activations, lang)}`)}
      {alarmSideCard('stale', kpis.stale, (s) => formatDuration(now - s.activeSinceMs, t))}
    </>
  );
}

/** Whether a live alarm belongs in the console as filtered; `unknown` where the view lacks the facts. */
function matchesQuery(query: AlarmsQuery, scopeRegionId: string) {
  return (alarm: AlarmView): LiveMatch => {
    if (query.mineId !== '' && alarm.mineId !== query.mineId) return false;
    if (query.priority !== '' && alarm.priority !== query.priority) return false;
    if (query.rule !== '' && alarm.rule !== query.rule) return false;
    if (!stateMatches(query.state, alarm.state)) return false;
    // The live view carries region names, not ids: a sub-region filter cannot be checked here.
    if (query.regionId !== '' && query.regionId !== scopeRegionId && query.mineId === '') return 'unknown';
    if (query.page > 1) return 'unknown';
    return true;
  };
}

/**
 * The alarm console: KPIs (standing alarms by priority, unacknowledged, shelved, rate, floods,
 * chattering and stale alarms), filters kept in the URL, the live alarm table and a detail panel
 * with the alarm's history and the operator actions. Regulators also get the demo scenarios.
 */
export function AlarmsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('alarms.title'));
  const { session } = useSession();
  const { user } = session;
  const { regions } = useRegions();
  const location = useAppLocation();
  const query = parseAlarmsQuery(location.query);
  const now = useNow(5_000);
  const scopeRegionId = user.scope.kind === 'region' ? user.scope.regionId : '';
  const isMineScoped = user.scope.kind === 'mine';
  const scopeRegion = regions.find((r) => r.id === scopeRegionId);
  const scopeName = scopeRegion === undefined ? user.scopeName : regionName(scopeRegion, lang);

  const update = (patch: Partial<AlarmsQuery>, options: { push?: boolean } = {}) => {
    const resetsPage = !('page' in patch) && !('alarm' in patch);
    const next = { ...query, ...(resetsPage ? { page: 1 } : {}), ...patch };
    navigate(alarmsPageUrl(next), { replace: options.push !== true });
  };

  const list = useAlarmList(alarmsApiUrl(query), matchesQuery(query, scopeRegionId));
  const kpiUrl = withQuery('/api/alarms/kpis', { regionId: query.regionId });
  const kpis = useApiData<AlarmKpis>(kpiUrl);
  const reloadKpis = useThrottled(kpis.reload, 5_000);
  // The console's parents (ADR 0012): incidents first, floods grouped by cause, children on demand.
  const groups = useApiData<AlarmConsole>(
    withQuery('/api/alarms/console', { regionId: query.regionId, mineId: query.mineId }),
  );
  const reloadGroups = useThrottled(groups.reload, 5_000);
  const grouped = new Set(groups.data?.groupedIds ?? []);
  const showsGroups = query.state === 'active' || query.state === 'unacknowledged';
  const [detailRefresh, setDetailRefresh] = useState(0);
  const selectedId = query.alarm === '' ? null : query.alarm;

  const { apply, reload: reloadList } = list;
  const liveState = useLiveFeed(null, {
    onAlarm: (alarm) => {
      apply(alarm);
      reloadKpis();
      reloadGroups();
      if (alarm.id === selectedId) setDetailRefresh((n) => n + 1);
    },
    onResync: () => {
      reloadList();
      kpis.reload();
      groups.reload();
    },
  });

  const search = location.search;
  const select = useCallback(
    (id: string) => {
      const current = parseAlarmsQuery(new URLSearchParams(search));
      navigate(alarmsPageUrl({ ...current, alarm: current.alarm === id ? '' : id }), { replace: true });
    },
    [search],
  );
  const closeDetail = useCallback(() => {
    const current = parseAlarmsQuery(new URLSearchParams(search));
    navigate(alarmsPageUrl({ ...current, alarm: '' }), { replace: true });
  }, [search]);
  const onAlarmChanged = useCallback(
    (alarm: AlarmView) => {
      apply(alarm, { flash: false });
      reloadKpis();
      reloadGroups();
    },
    [apply, reloadKpis, reloadGroups],
  );

  const districtRegions = regions.filter((r) => r.id !== scopeRegionId);
  const mineName =
    query.mineId === ''
      ? ''
      : (list.items?.find((a) => a.mineId === query.mineId)?.mineName ??
        kpis.data?.floods.find((f) => f.mineId === query.mineId)?.mineName ??
        query.mineId);
  const hasFilters =
    query.regionId !== '' ||
    query.mineId !== '' ||
    query.priority !== '' ||
    query.rule !== '' ||
    query.state !== 'active';
  const pages = Math.max(1, Math.ceil(list.total / ALARM_PAGE_SIZE));
  const isBusy = list.isLoading || kpis.isLoading;

  return (
    <div
      className={selectedId === null ? 'page alarms-page' : 'page alarms-page with-drawer'}
      data-testid="alarms-page"
      data-busy={isBusy ? 'true' : 'false'}
    >
      <div className="page-head">
        <h1>
          {t('alarms.title')}
          <span className="page-head-sub">{scopeName}</span>
        </h1>
        <LiveIndicator state={liveState} />
        <span
          className="muted"
          data-testid="alarm-total"
          data-value={list.items === null ? undefined : list.total}
        >
          {list.items === null ? '' : t('alarms.total', { n: formatCount(list.total, lang) })}
        </span>
        <ExportControl listUrl={alarmsApiUrl(query)} />
      </div>

      {kpis.error !== null && <ErrorBox error={kpis.error} onRetry={kpis.reload} />}
      {kpis.data !== null && (
        <KpiStrip
          kpis={kpis.data}
          priority={query.priority}
          onPriority={(priority) => update({ priority })}
        />
      )}

      <FilterBar
        hasFilters={hasFilters}
        onReset={() => update({ regionId: '', mineId: '', priority: '', rule: '', state: 'active' })}
        resetLabel={t('mines.filter.reset')}
        resetTestId="alarm-filter-reset"
      >
        {!isMineScoped && (
          <RegionFilterSelect
            value={query.regionId}
            onChange={(regionId) => update({ regionId, mineId: '' })}
            regions={districtRegions}
            lang={lang}
            label={t('alarms.filter.region')}
            allLabel={t('mines.filter.regionAll')}
            testId="alarm-filter-region"
          />
        )}
        <FilterSelect
          label={t('alarms.filter.priority')}
          value={query.priority}
          onChange={(v) => update({ priority: parsePriority(v) })}
          options={ALARM_PRIORITIES}
          optionLabel={(p) => t(`priority.${p}`)}
          allLabel={t('alarms.filter.priorityAll')}
          testId="alarm-filter-priority"
        />
        <FilterSelect
          label={t('alarms.filter.state')}
          value={query.state}
          onChange={(v) => update({ state: parseStateFilter(v) })}
          options={ALARM_STATE_FILTERS}
          optionLabel={(s) => t(`alarms.filter.state.${s}`)}
          testId="alarm-filter-state"
        />
        <FilterSelect
          label={t('alarms.filter.rule')}
          value={query.rule}
          onChange={(v) => update({ rule: parseRule(v) })}
          options={ALARM_RULES}
          optionLabel={(r) => t(`alarmRule.${r}`)}
          allLabel={t('alarms.filter.ruleAll')}
          testId="alarm-filter-rule"
        />
        {query.mineId !== '' && (
          <span className="filter-chip" data-testid="alarm-filter-mine" data-mine-id={query.mineId}>
            {t('alarms.filter.mine', { name: mineName })}
            <button
              type="button"
              onClick={() => update({ mineId: '' })}
              aria-label={t('alarms.filter.clearMine')}
            >
              ×
            </button>
          </span>
        )}
      </FilterBar>

      <div className="console-grid">
        <div className="console-main">
          {list.error !== null && <ErrorBox error={list.error} onRetry={list.reload} />}
          {showsGroups && groups.data !== null && (
            <AlarmGroupsPanel
              data={groups.data}
              now={now}
              selectedId={selectedId}
              showMine={!isMineScoped}
              canAct={can(session, 'alarm.act')}
              onSelect={select}
              onChanged={() => {
                groups.reload();
                reloadList();
                kpis.reload();
              }}
            />
          )}
          <div className={list.isLoading ? 'card table-card busy' : 'card table-card'}>
            {list.items === null && list.error === null ? (
              <div className="muted loading-line pad">{t('app.loading')}</div>
            ) : (
              <AlarmTable
                alarms={(list.items ?? []).filter((a) => !showsGroups || !grouped.has(a.id))}
                selectedId={selectedId}
                flashes={list.flashes}
                showMine={!isMineScoped}
                now={now}
                onSelect={select}
                testId="alarm-table"
                isBusy={list.isLoading}
                emptyText={hasFilters ? t('alarms.emptyFiltered') : t('alarms.empty')}
              />
            )}
            {pages > 1 && (
              <Pager
                page={query.page}
                pages={pages}
                onPage={(page) => update({ page }, { push: true })}
                testIdPrefix="alarm-page"
              />
            )}
          </div>
        </div>
        <div className="console-side">
          {can(session, 'scenario.start') && <ScenarioPanel />}
          {can(session, 'hazard.decide') && <HazardProposalsPanel regionId={query.regionId} now={now} />}
          {kpis.data !== null && (
            <SidePanels
              kpis={kpis.data}
              now={now}
              onMine={(mineId) => update({ mineId, regionId: '' })}
              onAlarm={(id) => select(id)}
            />
          )}
        </div>
      </div>

      {selectedId !== null && (
        <AlarmDetailPanel
          key={selectedId}
          alarmId={selectedId}
          refreshKey={detailRefresh}
          now={now}
          onClose={closeDetail}
          onAlarmChanged={onAlarmChanged}
        />
      )}
      {selectedId !== null && <AlarmFollowUp key={`follow-up-${selectedId}`} alarmId={selectedId} />}
    </div>
  );
}
