import { useEffect } from 'react';
import type { ApiAnswer } from '../api/api-client.ts';
import type { MineStatus, PersonnelArea } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { CardSection } from '../components/card-section.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { formatCount } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { areaTypeLabel } from './area-type.ts';
import { formatDuration, formatMs, formatShortMs } from './monitoring-format.ts';
import './personnel-panel.css';

type PersonnelResponse = ApiAnswer<'/api/mines/{id}/personnel'>;

/** Statuses in which nobody may be underground (capability 3). */
const MUST_BE_EMPTY: ReadonlySet<MineStatus> = new Set([
  'suspended',
  'resumption_review',
  'closing',
  'closed',
]);

/** How an area's row stands out, by its rank: a restricted area with people in it, then one over its limit. */
const AREA_CLASS: readonly (string | undefined)[] = ['area-restricted', 'area-over'];

function areaRank(a: PersonnelArea): number {
  if (/限制|restricted/i.test(a.areaType) && a.count > 0) return 0;
  if (a.approved !== null && a.count > a.approved) return 1;
  return 2;
}

/**
 * People underground at a mine: the total against the approved maximum (an alert when the mine's
 * status requires it to be empty), per area, and who is down since when.
 */
export function PersonnelPanel({
  mineId,
  status,
  resyncKey,
  live,
  now,
}: {
  mineId: string;
  status: MineStatus;
  resyncKey: number;
  live: { underground: number; areas: PersonnelArea[] } | null;
  now: number;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const personnel = useApiData<PersonnelResponse>(`/api/mines/${encodeURIComponent(mineId)}/personnel`);
  const { reload } = personnel;
  useEffect(() => {
    if (resyncKey > 0) reload();
  }, [resyncKey, reload]);
  const data = personnel.data;
  const underground = live?.underground ?? data?.underground ?? null;
  const areas = live?.areas ?? data?.areas ?? [];
  const approvedMax = data?.approvedMax ?? 0;
  const mustBeEmpty = MUST_BE_EMPTY.has(status);
  const isCritical = mustBeEmpty && underground !== null && underground > 0;
  const isOver = approvedMax > 0 && underground !== null && underground > approvedMax;
  const areaNames = new Map(areas.map((a) => [a.areaCode, a.areaName]));
  const sortedAreas = [...areas].sort((a, b) => areaRank(a) - areaRank(b) || b.count - a.count);
  const people = [...(data?.people ?? [])].sort(
    (a, b) => (a.enteredMineAtMs ?? 0) - (b.enteredMineAtMs ?? 0),
  );
  const areaColumns: Column<PersonnelArea>[] = [
    {
      key: 'area',
      header: t('mineMon.people.area'),
      cell: (a) => (
        <>
          {a.areaName}
          <span className="cell-sub area-type">{areaTypeLabel(a.areaType, i18n)}</span>
        </>
      ),
    },
    {
      key: 'count',
      header: t('mineMon.people.count'),
      isNumeric: true,
      className: 'strong',
      cell: (a) => formatCount(a.count, lang),
    },
    {
      key: 'approved',
      header: t('mineMon.people.approved'),
      isNumeric: true,
      className: 'muted',
      cell: (a) => (a.approved === null ? '—' : formatCount(a.approved, lang)),
    },
  ];
  const peopleColumns: Column<PersonnelResponse['people'][number]>[] = [
    {
      key: 'name',
      header: t('mineMon.people.name'),
      className: 'nowrap',
      cell: (p) => (
        <>
          {p.name}
          {p.isMineLeader && <span className="tag tag-leader">{t('mineMon.people.leader')}</span>}
        </>
      ),
    },
    { key: 'card', header: t('mineMon.people.card'), className: 'mono', cell: (p) => p.cardCode },
    {
      key: 'where',
      header: t('mineMon.people.where'),
      className: 'nowrap',
      cell: (p) => (p.areaCode === null ? '—' : (areaNames.get(p.areaCode) ?? p.areaCode)),
    },
    {
      key: 'since',
      header: t('mineMon.people.since'),
      className: 'nowrap tabular',
      cell: (p) => (
        <span title={formatMs(p.enteredMineAtMs)}>
          {p.enteredMineAtMs === null ? '—' : formatDuration(now - p.enteredMineAtMs, t)}
        </span>
      ),
    },
  ];

  return (
    <CardSection
      className={isCritical ? 'card personnel critical' : isOver ? 'card personnel over' : 'card personnel'}
      testId="personnel-panel"
      isBusy={personnel.isLoading}
      title={t('mineMon.people.title')}
      hint={
        data !== null &&
        data.snapshotMs !== null &&
        t('mineMon.people.snapshot', { time: formatShortMs(data.snapshotMs, now) })
      }
    >
      {personnel.error !== null && <ErrorBox error={personnel.error} onRetry={reload} />}
      <div className="people-total">
        <span
          className="people-total-value"
          data-testid="personnel-total"
          data-value={underground ?? undefined}
        >
          {underground === null ? '—' : formatCount(underground, lang)}
        </span>
        <span className="people-total-unit">{t('mineMon.people.unit')}</span>
        <span className="people-total-max">
          {approvedMax > 0 && t('mineMon.people.max', { n: formatCount(approvedMax, lang) })}
        </span>
      </div>
      {isCritical && (
        <div className="people-alert" role="alert" data-testid="personnel-stopped-alert">
          {t('mineMon.people.mustBeEmpty', { status: t(`status.${status}`) })}
        </div>
      )}
      {!isCritical && isOver && <div className="people-alert">{t('mineMon.people.over')}</div>}
      <DataTable
        className="people-areas"
        testId="personnel-areas"
        columns={areaColumns}
        rows={sortedAreas}
        rowKey={(a) => a.areaCode}
        rowClassName={(a) => AREA_CLASS[areaRank(a)] ?? (a.count === 0 ? 'area-empty' : '')}
        rowAttributes={(a) => ({
          'data-testid': 'personnel-area-row',
          'data-area-code': a.areaCode,
          'data-count': String(a.count),
        })}
        empty={t('mineMon.people.noAreas')}
      />
      {people.length > 0 && (
        <details className="people-list" data-testid="personnel-people">
          <summary>{t('mineMon.people.list', { n: formatCount(people.length, lang) })}</summary>
          <DataTable
            wrapClassName="people-wrap"
            columns={peopleColumns}
            rows={people}
            rowKey={(p) => p.cardCode}
            rowAttributes={() => ({ 'data-testid': 'personnel-person-row' })}
          />
        </details>
      )}
    </CardSection>
  );
}
