import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { SpecForm, useSpecForm, type FormSpec } from '../../components/post-form.tsx';
import { KpiTiles } from '../../components/kpi-tiles.tsx';
import { TableCard } from '../../components/table-card.tsx';
import { StatusChip } from '../../components/chip.tsx';
import { type Column } from '../../components/data-table.tsx';
import { figureColumn } from '../../components/table-columns.ts';
import { formatCount } from '../../format.ts';
import { useI18n, type Lang } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { minePath, navigate, useAppLocation } from '../../router/router.ts';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { UpgradeTarget, UpgradingView } from '../../api/generated/api-schema.ts';
import { putJson } from './expertise-api.ts';
import { ExpertiseTabPage, facesColumns } from './expertise-common.tsx';

/** Capacity in t/yr: 万吨/年 in Chinese, whole t/yr in English. */
export function formatTonnes(tPerYear: number, lang: Lang): string {
  if (lang === 'zh-CN') {
    return `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }).format(tPerYear / 10_000)} 万吨/年`;
  }
  return `${formatCount(tPerYear, lang)} t/yr`;
}

function Bar({ percent, testId }: { percent: number | null; testId: string }) {
  const p = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  return (
    <div className="ex-bar" data-testid={testId} data-percent={percent ?? ''}>
      <span style={{ width: `${p}%` }} />
    </div>
  );
}

/** Industry upgrading: progress vs target, capacity withdrawn per district vs target, mergers. */
export function UpgradingPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const may = useCan();
  const { query } = useAppLocation();
  const regionId = query.get('regionId') ?? '';
  const view = useApiData<UpgradingView>(withQuery('/api/expertise/upgrading', { regionId }));
  const v = view.data;
  const latest = v?.progress[v.progress.length - 1] ?? null;
  const target = v?.target ?? null;
  const intelligentPct =
    latest && target?.intelligentFaces
      ? Math.round((latest.intelligentFaces / target.intelligentFaces) * 1000) / 10
      : null;
  const cap = v?.capacity;
  const capacityColumns: Column<NonNullable<UpgradingView['capacity']>['districts'][number]>[] = [
    {
      key: 'district',
      header: t('expertise.col.district'),
      cell: (d) => (lang === 'zh-CN' ? d.name : d.nameEn),
    },
    figureColumn('closed', t('expertise.capacity.closedMines'), (d) => d.closedMines),
    figureColumn(
      'withdrawn',
      t('expertise.capacity.withdrawn'),
      (d) => formatTonnes(d.withdrawnTPerYear, lang),
      { sortValue: (d) => d.withdrawnTPerYear },
    ),
    figureColumn('closingMines', t('expertise.capacity.closingMines'), (d) => d.closingMines),
    figureColumn('closing', t('expertise.capacity.closing'), (d) => formatTonnes(d.closingTPerYear, lang)),
  ];
  const progressColumns: Column<UpgradingView['progress'][number]>[] = [
    { key: 'on', header: t('expertise.col.date'), cell: (p) => p.on, className: 'tabular' },
    figureColumn('mines', t('expertise.upgrading.mines'), (p) => p.mines),
    ...facesColumns<UpgradingView['progress'][number]>(t),
    figureColumn('remote', t('expertise.progress.remote'), (p) => p.remoteMonitoringMines),
  ];
  const mergerColumns: Column<UpgradingView['mergers'][number]>[] = [
    { key: 'enterprise', header: t('expertise.merger.enterprise'), cell: (m) => m.enterpriseName },
    { key: 'on', header: t('expertise.col.date'), cell: (m) => m.mergedOn, className: 'tabular' },
    {
      key: 'mines',
      header: t('expertise.merger.mines'),
      cell: (m) =>
        m.mineViews.map((x) => (
          <div
            key={x.mineId}
            data-testid="merger-mine"
            data-false-integration={x.falseIntegration ? 'true' : 'false'}
          >
            <Link to={minePath(x.mineId)}>{x.mineName}</Link>{' '}
            <span className="muted">
              {t('expertise.merger.operators', { old: x.oldOperator ?? '—', now: x.operatorNow ?? '—' })}
            </span>{' '}
            {x.falseIntegration && (
              <StatusChip tone="danger">{t('expertise.merger.sameOperator')}</StatusChip>
            )}
          </div>
        )),
    },
    {
      key: 'flag',
      header: t('expertise.merger.flag'),
      cell: (m) =>
        m.questionable ? (
          <StatusChip tone="danger" testId="merger-false-integration">
            {t('expertise.merger.falseIntegration')}
          </StatusChip>
        ) : (
          <StatusChip tone="ok">{t('expertise.merger.ok')}</StatusChip>
        ),
    },
  ];

  return (
    <ExpertiseTabPage
      tab="upgrading"
      isBusy={view.isLoading}
      region={{
        testId: 'upgrading-filter-region',
        label: t('briefing.region'),
        allLabel: t('expertise.filter.myRegion'),
        value: regionId,
        onChange: (v) => navigate(withQuery('/expertise/upgrading', { regionId: v }), { replace: true }),
      }}
    >
      {view.error !== null && <ErrorBox error={view.error} onRetry={view.reload} />}
      <KpiTiles
        testId="upgrading-kpis"
        tiles={[
          {
            testId: 'upgrading-kpi-mechanised',
            label: t('expertise.progress.mechanised'),
            value: latest?.mechanisedFaces,
            sub: (
              <div className="kpi-sub">
                {latest ? t('expertise.upgrading.reportingMines', { n: latest.mines }) : ''}
              </div>
            ),
          },
          {
            testId: 'upgrading-kpi-intelligent',
            label: t('expertise.progress.intelligent'),
            value: (
              <>
                {latest ? latest.intelligentFaces : '—'}
                {target !== null && target.intelligentFaces !== null && ` / ${target.intelligentFaces}`}
              </>
            ),
            sub: (
              <>
                <Bar percent={intelligentPct} testId="upgrading-intelligent-bar" />
                <div className="kpi-sub">
                  {target
                    ? t('expertise.upgrading.due', { on: target.dueOn })
                    : t('expertise.upgrading.noTarget')}
                </div>
              </>
            ),
          },
          {
            testId: 'upgrading-kpi-remote',
            label: t('expertise.progress.remote'),
            value: latest && `${latest.remoteMonitoringMines} / ${latest.mines}`,
          },
          {
            testId: 'upgrading-kpi-capacity',
            label: t('expertise.capacity.withdrawn'),
            value: cap && formatTonnes(cap.total.withdrawnTPerYear, lang),
            valueClassName: 'ex-kpi-text',
            valueTestId: 'upgrading-capacity-total',
            sub: (
              <>
                <Bar percent={cap?.percentOfTarget ?? null} testId="upgrading-capacity-bar" />
                <div className="kpi-sub ex-wrap" data-testid="upgrading-capacity-target">
                  {cap !== undefined && cap.targetTPerYear !== null
                    ? t('expertise.capacity.ofTarget', {
                        target: formatTonnes(cap.targetTPerYear, lang),
                        pct: cap.percentOfTarget ?? 0,
                        remaining: formatTonnes(cap.remainingTPerYear ?? 0, lang),
                      })
                    : t('expertise.upgrading.noTarget')}
                </div>
              </>
            ),
          },
        ]}
      />
      {v && may('upgrade.manage') && v.regionId !== null && (
        <TargetForm
          key={`${v.regionId}-${target?.setAt ?? ''}`}
          regionId={v.regionId}
          target={target}
          csrfToken={session.csrfToken}
          onDone={view.reload}
        />
      )}
      <div className="grid-2">
        <TableCard
          title={t('expertise.capacity.title')}
          testId="capacity-table"
          columns={capacityColumns}
          rows={cap?.districts}
          rowKey={(d) => d.regionId}
          rowAttributes={(d) => ({
            'data-testid': 'capacity-row',
            'data-region-id': d.regionId,
            'data-withdrawn': String(d.withdrawnTPerYear),
          })}
          empty={t('expertise.capacity.noDistricts')}
          footer={
            cap && (
              <tr data-testid="capacity-total" data-withdrawn={cap.total.withdrawnTPerYear}>
                <td>{t('expertise.capacity.total')}</td>
                <td className="num">{cap.total.closedMines}</td>
                <td className="num">{formatTonnes(cap.total.withdrawnTPerYear, lang)}</td>
                <td className="num">{cap.total.closingMines}</td>
                <td className="num">{formatTonnes(cap.total.closingTPerYear, lang)}</td>
              </tr>
            )
          }
        />
        <TableCard
          title={t('expertise.progress.overTime')}
          testId="progress-table"
          columns={progressColumns}
          rows={v ? [...v.progress].reverse().slice(0, 24) : undefined}
          rowKey={(p) => p.on}
          rowAttributes={(p) => ({ 'data-testid': 'progress-row', 'data-on': p.on })}
          empty={t('expertise.progress.none')}
        />
      </div>
      <TableCard
        title={t('expertise.merger.title')}
        testId="mergers-table"
        columns={mergerColumns}
        rows={v?.mergers}
        rowKey={(m) => m.id}
        rowAttributes={(m) => ({
          'data-testid': 'merger-row',
          'data-merger-id': m.id,
          'data-questionable': m.questionable ? 'true' : 'false',
        })}
        empty={t('expertise.merger.none')}
        isCompact
      />
    </ExpertiseTabPage>
  );
}

const TARGET_FORM: FormSpec = {
  idPrefix: 'target',
  title: 'expertise.target.title',
  className: 'card form-row',
  submitLabel: 'expertise.save',
  submitTestId: 'target-save',
  fields: [
    {
      name: 'faces',
      label: 'expertise.progress.intelligent',
      kind: 'number',
      width: 80,
      testId: 'target-intelligent',
    },
    {
      name: 'capacityWan',
      label: 'expertise.target.capacityWan',
      kind: 'number',
      step: 'any',
      width: 100,
      testId: 'target-capacity',
    },
    { name: 'dueOn', label: 'expertise.target.dueOn', kind: 'date', testId: 'target-due' },
  ],
};

/** A regulator sets the region's targets: intelligent faces and capacity to withdraw (万吨/年 in the form). */
function TargetForm({
  regionId,
  target,
  csrfToken,
  onDone,
}: {
  regionId: string;
  target: UpgradeTarget | null;
  csrfToken: string;
  onDone: () => void;
}) {
  const { form: f, action } = useSpecForm(
    {
      faces: target?.intelligentFaces?.toString() ?? '',
      capacityWan:
        target === null || target.capacityWithdrawnTPerYear === null
          ? ''
          : String(target.capacityWithdrawnTPerYear / 10_000),
      dueOn: target?.dueOn ?? `${new Date().getFullYear()}-12-31`,
    },
    [],
    onDone,
  );
  const { faces, capacityWan, dueOn } = f.values;
  const submit = () => {
    void action.runWith(() =>
      putJson(
        `/api/expertise/targets/${encodeURIComponent(regionId)}`,
        {
          intelligentFaces: faces.trim() === '' ? null : Number(faces),
          capacityWithdrawnTPerYear:
            capacityWan.trim() === '' ? null : Math.round(Number(capacityWan) * 10_000),
          dueOn,
        },
        csrfToken,
      ),
    );
  };
  return <SpecForm spec={TARGET_FORM} form={f} action={action} onSubmit={submit} />;
}
