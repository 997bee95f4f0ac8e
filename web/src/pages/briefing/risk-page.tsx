import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { RegionFilterSelect } from '../../components/region-options.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import type { NextVisitsView, RiskRanking, VisitList } from '../../api/generated/api-schema.ts';
import { FactorBar, FactorLegend, RiskUrgencyNote } from './factor-bar.tsx';

/** The explainable risk ranking (factor bars, every factor's points) and the "where to go next" lists. */
export function RiskPage() {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const { query } = useAppLocation();
  const regionId = query.get('regionId') ?? '';
  const ranking = useApiData<RiskRanking>(withQuery('/api/briefing/risk', { regionId, limit: '200' }));
  const next = useApiData<NextVisitsView>(withQuery('/api/briefing/next-visits', { regionId }));
  const r = ranking.data;
  const max = Math.max(1, ...(r?.items.map((i) => i.score) ?? []));
  const busy = ranking.isLoading || next.isLoading;

  const lists = (title: string, items: VisitList[] | undefined, testId: string) => (
    <div className="card" data-testid={testId}>
      <h2>{title}</h2>
      {items?.length === 0 && <p className="muted">{t('briefing.risk.next.none')}</p>}
      {items?.map((l) => (
        <div key={l.userId} data-testid="visit-list" data-user-id={l.userId}>
          <strong>{l.name}</strong>
          <ol className="bf-visit-list">
            {l.mines.map((m) => (
              <li key={m.mineId} data-testid="visit-item" data-mine-id={m.mineId}>
                {m.name} — {m.score} ·{' '}
                {m.daysSinceVisit === null
                  ? t('briefing.risk.next.never')
                  : t('briefing.risk.next.days', { n: m.daysSinceVisit })}
                {m.topFactors.length > 0 && (
                  <span className="muted">
                    {' '}
                    ({m.topFactors.map((f) => `${t(`briefing.risk.factor.${f.id}`)} ${f.points}`).join('，')})
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );

  return (
    <PageFrame testId="risk-page" isBusy={busy} title={t('briefing.risk.title')}>
      <div className="filters">
        <RegionFilterSelect
          testId="risk-region"
          label={t('briefing.region')}
          allLabel="—"
          value={regionId}
          onChange={(v) => navigate(withQuery('/briefing/risk', { regionId: v }), { replace: true })}
          regions={regions}
          lang={lang}
        />
      </div>
      {ranking.error !== null && <ErrorBox error={ranking.error} onRetry={ranking.reload} />}
      {r && (
        <p className="muted" data-testid="risk-as-of">
          {t('briefing.risk.asOf', { at: formatDateTime(r.asOf), days: r.windowDays })}
        </p>
      )}
      <FactorLegend />
      <div className="bf-grid">
        {lists(t('briefing.risk.next.leaders'), next.data?.leaders, 'next-leaders')}
        {lists(t('briefing.risk.next.groups'), next.data?.groupMembers, 'next-groups')}
      </div>
      <TableCard
        testId="risk-table"
        columns={[
          { key: 'rank', header: t('briefing.risk.col.rank'), cell: (row) => row.rank },
          {
            key: 'mine',
            header: t('briefing.risk.col.mine'),
            cell: (row) => (
              <>
                <a href={`/mines/${encodeURIComponent(row.mineId)}`}>{row.name}</a>
                <RiskUrgencyNote row={row} />
              </>
            ),
          },
          { key: 'district', header: t('briefing.risk.col.district'), cell: (row) => row.regionName },
          { key: 'score', header: t('briefing.risk.col.score'), cell: (row) => row.score },
          {
            key: 'factors',
            header: t('briefing.risk.col.factors'),
            cell: (row) => <RiskFactors factors={row.factors} max={max} />,
          },
        ]}
        rows={r?.items}
        rowKey={(row) => row.mineId}
        rowAttributes={(row) => ({
          'data-testid': 'risk-row',
          'data-mine-id': row.mineId,
          'data-score': String(row.score),
        })}
      />
    </PageFrame>
  );
}

/** A mine's factor bar, and every factor's points under it when opened. */
function RiskFactors({ factors, max }: { factors: RiskRanking['items'][number]['factors']; max: number }) {
  const { t } = useI18n();
  return (
    <>
      <FactorBar factors={factors} max={max} />
      <details>
        <summary className="muted">{t('briefing.risk.factors')}</summary>
        <ul data-testid="risk-factors">
          {factors.map((f) => (
            <li key={f.id} data-factor={f.id}>
              {t(`briefing.risk.factor.${f.id}`)}: {f.noData ? t('briefing.risk.noData') : f.points}
              {f.input !== null && !f.noData && <span className="muted"> ({String(f.input)})</span>}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
