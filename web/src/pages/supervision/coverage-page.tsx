import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { CheckField } from '../../components/form-kit.tsx';
import { RegionFilterSelect } from '../../components/region-options.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan } from '../../session/session-context.tsx';
import './supervision.css';
import {
  coverageGapValues as COVERAGE_GAPS,
  type CoverageGap,
  type CoverageView,
  type KpiView,
} from '../../api/generated/api-schema.ts';
import { supervisionMinePath } from './supervision-paths.ts';

const isGap = (v: string | null): v is CoverageGap =>
  v !== null && (COVERAGE_GAPS as readonly string[]).includes(v);

/** The coverage view: KPI tiles, filters, and every (non-closed) mine with its gaps, gaps first. */
export function CoveragePage() {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const { query } = useAppLocation();
  const regionId = query.get('regionId') ?? '';
  const gapParam = query.get('gap');
  const gap = isGap(gapParam) ? gapParam : '';
  const onlyMine = query.get('mine') === 'only';
  const params = { regionId, gap, mine: onlyMine ? 'only' : '' };
  const coverage = useApiData<CoverageView>(withQuery('/api/supervision/coverage', params));
  const kpi = useApiData<KpiView>(withQuery('/api/supervision/kpi', { regionId }));
  const setFilter = (key: string, value: string) =>
    navigate(withQuery('/supervision', { ...params, [key]: value }), { replace: true });
  const view = coverage.data;
  const presence = view?.presence ?? null;
  const may = useCan();
  const busy = coverage.isLoading || kpi.isLoading;

  return (
    <section className="page" data-testid="supervision-section" data-busy={busy ? 'true' : 'false'}>
      <div className="page-head">
        <h1>{t('supervision.coverage.title')}</h1>
        {may('supervision.assign') && (
          <a
            className="btn btn-small btn-primary"
            data-testid="coverage-bulk"
            href="/supervision/bulk"
            onClick={(e) => {
              e.preventDefault();
              navigate('/supervision/bulk');
            }}
          >
            {t('supervision.bulk.open')}
          </a>
        )}
        <a
          className="btn btn-small"
          data-testid="coverage-csv"
          href={withQuery('/api/supervision/coverage.csv', params)}
        >
          {t('supervision.coverage.csv')}
        </a>
      </div>
      {coverage.error !== null && <ErrorBox error={coverage.error} onRetry={coverage.reload} />}
      <div className="kpis" data-testid="supervision-kpis">
        <div className="kpi" data-testid="kpi-complete">
          <div className="kpi-label">{t('supervision.kpi.complete')}</div>
          <div className="kpi-value">{view ? `${view.complete} / ${view.mines}` : '—'}</div>
        </div>
        {COVERAGE_GAPS.map((g) => (
          <div className="kpi" key={g} data-testid={`kpi-missing-${g}`}>
            <div className="kpi-label">{t(`supervision.missing.${g}`)}</div>
            <div className="kpi-value">{view ? view.missing[g] : '—'}</div>
          </div>
        ))}
        <div className="kpi" data-testid="kpi-leader-overdue">
          <div className="kpi-label">
            {t('supervision.kpi.leaderOverdue', { days: kpi.data?.leaderDays ?? 30 })}
          </div>
          <div className="kpi-value">{kpi.data ? kpi.data.leaderOverdue : '—'}</div>
        </div>
        <div className="kpi" data-testid="kpi-group-overdue">
          <div className="kpi-label">
            {t('supervision.kpi.groupOverdue', { days: kpi.data?.groupDays ?? 14 })}
          </div>
          <div className="kpi-value">{kpi.data ? kpi.data.groupOverdue : '—'}</div>
        </div>
        {presence && (
          <>
            <div className="kpi" data-testid="kpi-unconfirmed">
              <div className="kpi-label">{t('supervision.kpi.unconfirmed', { days: presence.days })}</div>
              <div className="kpi-value">{presence.claims.notConfirmed + presence.claims.noCard}</div>
            </div>
            <div className="kpi" data-testid="kpi-leaderless">
              <div className="kpi-label">{t('supervision.kpi.leaderless', { days: presence.days })}</div>
              <div className="kpi-value">{presence.leaderlessMines}</div>
            </div>
          </>
        )}
      </div>
      <div className="filters">
        <RegionFilterSelect
          testId="coverage-filter-region"
          value={regionId}
          onChange={(v) => setFilter('regionId', v)}
          regions={regions}
          lang={lang}
          allLabel={t('supervision.filter.allRegions')}
        />
        <select
          className="select"
          data-testid="coverage-filter-gap"
          value={gap}
          onChange={(e) => setFilter('gap', e.target.value)}
        >
          <option value="">{t('supervision.filter.anyGap')}</option>
          {COVERAGE_GAPS.map((g) => (
            <option key={g} value={g}>
              {t(`supervision.missing.${g}`)}
            </option>
          ))}
        </select>
        <CheckField
          label={t('supervision.filter.onlyMine')}
          testId="coverage-filter-mine"
          checked={onlyMine}
          onChange={(v) => setFilter('mine', v ? 'only' : '')}
        />
      </div>
      {view && (
        <p className="muted" data-testid="coverage-excluded">
          {t('supervision.coverage.excludedClosed', { n: view.excludedClosed })}
        </p>
      )}
      <div className="card table-wrap">
        <table className="table" data-testid="coverage-table">
          <thead>
            <tr>
              <th>{t('supervision.col.mine')}</th>
              <th>{t('supervision.col.district')}</th>
              <th>{t('supervision.col.gaps')}</th>
              <th>{t('supervision.col.plan')}</th>
              <th>{t('supervision.col.responsible')}</th>
              <th>{t('supervision.col.group')}</th>
              <th>{t('supervision.col.leader')}</th>
              <th className="num">{t('supervision.col.leaderless')}</th>
            </tr>
          </thead>
          <tbody>
            {view?.rows.length === 0 && (
              <tr>
                <td colSpan={8} className="empty">
                  {t('supervision.coverage.empty')}
                </td>
              </tr>
            )}
            {view?.rows.map((r) => (
              <tr
                key={r.mineId}
                data-testid="coverage-row"
                data-mine-id={r.mineId}
                data-gaps={r.gaps.join(' ')}
                data-mine={r.isMine ? 'true' : 'false'}
              >
                <td>
                  <a
                    className="mine-link"
                    href={supervisionMinePath(r.mineId)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(supervisionMinePath(r.mineId));
                    }}
                  >
                    {r.name}
                  </a>{' '}
                  {r.isMine && <span className="sv-badge sv-badge-mine">{t('supervision.myMine')}</span>}
                  <div className="muted mono">{r.code}</div>
                </td>
                <td>{r.regionName}</td>
                <td>
                  {r.gaps.length === 0 ? (
                    <span className="sv-badge sv-badge-ok">{t('supervision.gap.none')}</span>
                  ) : (
                    r.gaps.map((g) => (
                      <span key={g} className="sv-badge sv-badge-gap" data-testid={`gap-${g}`}>
                        {t(`supervision.gap.${g}`)}
                      </span>
                    ))
                  )}
                </td>
                <td>{r.planState ? t(`supervision.plan.state.${r.planState}`) : '—'}</td>
                <td>{r.responsibleName ?? '—'}</td>
                <td>{r.groupLeaderName ? `${r.groupLeaderName} (${r.groupSize})` : '—'}</td>
                <td>{r.leaderName ?? '—'}</td>
                <td className="num" data-testid="coverage-leaderless">
                  {r.leaderlessShifts > 0 ? (
                    <span className="sv-badge sv-badge-gap">{r.leaderlessShifts}</span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view && view.byDistrict.length > 1 && (
        <div className="card table-wrap">
          <table className="table" data-testid="coverage-districts">
            <thead>
              <tr>
                <th>{t('supervision.col.district')}</th>
                <th className="num">{t('supervision.col.mines')}</th>
                <th className="num">{t('supervision.kpi.complete')}</th>
                {COVERAGE_GAPS.map((g) => (
                  <th key={g} className="num">
                    {t(`supervision.missing.${g}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.byDistrict.map((d) => (
                <tr key={d.regionId}>
                  <td>{d.regionName}</td>
                  <td className="num">{d.mines}</td>
                  <td className="num">{d.complete}</td>
                  {COVERAGE_GAPS.map((g) => (
                    <td key={g} className="num">
                      {d.missing[g]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
