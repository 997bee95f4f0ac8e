import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ButtonLink } from '../../components/button.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import type { Column } from '../../components/data-table.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { FilterSelect } from '../../components/filter-bar.tsx';
import { CheckField } from '../../components/form-kit.tsx';
import { KpiTiles } from '../../components/kpi-tiles.tsx';
import { Link } from '../../router/link.tsx';
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
  const coverageColumns: Column<CoverageView['rows'][number]>[] = [
    {
      key: 'mine',
      header: t('supervision.col.mine'),
      cell: (r) => (
        <>
          <Link className="mine-link" to={supervisionMinePath(r.mineId)}>
            {r.name}
          </Link>{' '}
          {r.isMine && <span className="sv-badge sv-badge-mine">{t('supervision.myMine')}</span>}
          <div className="muted mono">{r.code}</div>
        </>
      ),
    },
    { key: 'district', header: t('supervision.col.district'), cell: (r) => r.regionName },
    {
      key: 'gaps',
      header: t('supervision.col.gaps'),
      cell: (r) =>
        r.gaps.length === 0 ? (
          <span className="sv-badge sv-badge-ok">{t('supervision.gap.none')}</span>
        ) : (
          r.gaps.map((g) => (
            <span key={g} className="sv-badge sv-badge-gap" data-testid={`gap-${g}`}>
              {t(`supervision.gap.${g}`)}
            </span>
          ))
        ),
    },
    {
      key: 'plan',
      header: t('supervision.col.plan'),
      cell: (r) => (r.planState ? t(`supervision.plan.state.${r.planState}`) : '—'),
    },
    { key: 'responsible', header: t('supervision.col.responsible'), cell: (r) => r.responsibleName ?? '—' },
    {
      key: 'group',
      header: t('supervision.col.group'),
      cell: (r) => (r.groupLeaderName ? `${r.groupLeaderName} (${r.groupSize})` : '—'),
    },
    { key: 'leader', header: t('supervision.col.leader'), cell: (r) => r.leaderName ?? '—' },
    {
      key: 'leaderless',
      header: t('supervision.col.leaderless'),
      isNumeric: true,
      cell: (r) => (
        <span data-testid="coverage-leaderless">
          {r.leaderlessShifts > 0 ? <span className="sv-badge sv-badge-gap">{r.leaderlessShifts}</span> : '—'}
        </span>
      ),
    },
  ];

  return (
    <PageFrame
      testId="supervision-section"
      isBusy={busy}
      title={t('supervision.coverage.title')}
      actions={
        <>
          {may('supervision.assign') && (
            <Link className="btn btn-small btn-primary" data-testid="coverage-bulk" to="/supervision/bulk">
              {t('supervision.bulk.open')}
            </Link>
          )}
          <ButtonLink testId="coverage-csv" href={withQuery('/api/supervision/coverage.csv', params)}>
            {t('supervision.coverage.csv')}
          </ButtonLink>
        </>
      }
    >
      {coverage.error !== null && <ErrorBox error={coverage.error} onRetry={coverage.reload} />}
      <KpiTiles
        testId="supervision-kpis"
        tiles={[
          {
            testId: 'kpi-complete',
            label: t('supervision.kpi.complete'),
            value: view && `${view.complete} / ${view.mines}`,
          },
          ...COVERAGE_GAPS.map((g) => ({
            testId: `kpi-missing-${g}`,
            label: t(`supervision.missing.${g}`),
            value: view?.missing[g],
          })),
          {
            testId: 'kpi-leader-overdue',
            label: t('supervision.kpi.leaderOverdue', { days: kpi.data?.leaderDays ?? 30 }),
            value: kpi.data?.leaderOverdue,
          },
          {
            testId: 'kpi-group-overdue',
            label: t('supervision.kpi.groupOverdue', { days: kpi.data?.groupDays ?? 14 }),
            value: kpi.data?.groupOverdue,
          },
          ...(presence
            ? [
                {
                  testId: 'kpi-unconfirmed',
                  label: t('supervision.kpi.unconfirmed', { days: presence.days }),
                  value: presence.claims.notConfirmed + presence.claims.noCard,
                },
                {
                  testId: 'kpi-leaderless',
                  label: t('supervision.kpi.leaderless', { days: presence.days }),
                  value: presence.leaderlessMines,
                },
              ]
            : []),
        ]}
      />
      <div className="filters">
        <RegionFilterSelect
          testId="coverage-filter-region"
          value={regionId}
          onChange={(v) => setFilter('regionId', v)}
          regions={regions}
          lang={lang}
          allLabel={t('supervision.filter.allRegions')}
        />
        <FilterSelect
          label={t('supervision.col.gaps')}
          testId="coverage-filter-gap"
          value={gap}
          onChange={(v) => setFilter('gap', v)}
          options={COVERAGE_GAPS}
          optionLabel={(g) => t(`supervision.missing.${g}`)}
          allLabel={t('supervision.filter.anyGap')}
        />
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
      <TableCard
        testId="coverage-table"
        columns={coverageColumns}
        rows={view?.rows}
        rowKey={(r) => r.mineId}
        rowAttributes={(r) => ({
          'data-testid': 'coverage-row',
          'data-mine-id': r.mineId,
          'data-gaps': r.gaps.join(' '),
          'data-mine': r.isMine ? 'true' : 'false',
        })}
        empty={t('supervision.coverage.empty')}
      />
      {view && view.byDistrict.length > 1 && (
        <TableCard
          testId="coverage-districts"
          columns={[
            { key: 'district', header: t('supervision.col.district'), cell: (d) => d.regionName },
            { key: 'mines', header: t('supervision.col.mines'), cell: (d) => d.mines, isNumeric: true },
            {
              key: 'complete',
              header: t('supervision.kpi.complete'),
              cell: (d) => d.complete,
              isNumeric: true,
            },
            ...COVERAGE_GAPS.map((g): Column<CoverageView['byDistrict'][number]> => ({
              key: g,
              header: t(`supervision.missing.${g}`),
              cell: (d) => d.missing[g],
              isNumeric: true,
            })),
          ]}
          rows={view.byDistrict}
          rowKey={(d) => d.regionId}
        />
      )}
    </PageFrame>
  );
}
