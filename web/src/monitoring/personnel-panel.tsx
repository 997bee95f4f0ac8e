import { useEffect } from 'react';
import type { ApiAnswer } from '../api/api-client.ts';
import type { MineStatus, PersonnelArea } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
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

  return (
    <section
      className={isCritical ? 'card personnel critical' : isOver ? 'card personnel over' : 'card personnel'}
      data-testid="personnel-panel"
      data-busy={personnel.isLoading ? 'true' : 'false'}
    >
      <header className="card-head">
        <h2>{t('mineMon.people.title')}</h2>
        {data !== null && data.snapshotMs !== null && (
          <span className="muted small">
            {t('mineMon.people.snapshot', { time: formatShortMs(data.snapshotMs, now) })}
          </span>
        )}
      </header>
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
      <div className="table-wrap">
        <table className="table people-areas" data-testid="personnel-areas">
          <thead>
            <tr>
              <th>{t('mineMon.people.area')}</th>
              <th className="num">{t('mineMon.people.count')}</th>
              <th className="num">{t('mineMon.people.approved')}</th>
            </tr>
          </thead>
          <tbody>
            {sortedAreas.length === 0 && (
              <tr>
                <td colSpan={3} className="empty">
                  {t('mineMon.people.noAreas')}
                </td>
              </tr>
            )}
            {sortedAreas.map((a) => {
              const rank = areaRank(a);
              return (
                <tr
                  key={a.areaCode}
                  className={
                    rank === 0
                      ? 'area-restricted'
                      : rank === 1
                        ? 'area-over'
                        : a.count === 0
                          ? 'area-empty'
                          : ''
                  }
                  data-testid="personnel-area-row"
                  data-area-code={a.areaCode}
                  data-count={a.count}
                >
                  <td>
                    {a.areaName}
                    <span className="cell-sub area-type">{areaTypeLabel(a.areaType, i18n)}</span>
                  </td>
                  <td className="num strong">{formatCount(a.count, lang)}</td>
                  <td className="num muted">{a.approved === null ? '—' : formatCount(a.approved, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {people.length > 0 && (
        <details className="people-list" data-testid="personnel-people">
          <summary>{t('mineMon.people.list', { n: formatCount(people.length, lang) })}</summary>
          <div className="table-wrap people-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('mineMon.people.name')}</th>
                  <th>{t('mineMon.people.card')}</th>
                  <th>{t('mineMon.people.where')}</th>
                  <th>{t('mineMon.people.since')}</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.cardCode} data-testid="personnel-person-row">
                    <td className="nowrap">
                      {p.name}
                      {p.isMineLeader && <span className="tag tag-leader">{t('mineMon.people.leader')}</span>}
                    </td>
                    <td className="mono">{p.cardCode}</td>
                    <td className="nowrap">
                      {p.areaCode === null ? '—' : (areaNames.get(p.areaCode) ?? p.areaCode)}
                    </td>
                    <td className="nowrap tabular" title={formatMs(p.enteredMineAtMs)}>
                      {p.enteredMineAtMs === null ? '—' : formatDuration(now - p.enteredMineAtMs, t)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
