import { withQuery } from '../api/api-client.ts';
import {
  capacityBandValues as CAPACITY_BANDS,
  gasClassValues as GAS_CLASSES,
  mineStatusValues as MINE_STATUSES,
  type DashboardResponse,
  type DistrictSummary,
  type StatusCounts,
} from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { CardSection } from '../components/card-section.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { KpiTiles, type KpiTile } from '../components/kpi-tiles.tsx';
import { RegionOptions } from '../components/region-options.tsx';
import { STATUS_BAR_COLORS } from '../components/status-colors.ts';
import { useDocumentTitle } from '../components/use-document-title.ts';
import { formatCapacity, formatCount, formatShare, regionName } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { CriticalMinesKpi } from '../monitoring/alarm-overview.tsx';
import { Link } from '../router/link.tsx';
import { navigate, useAppLocation } from '../router/router.ts';
import { useRegions } from '../session/regions-context.tsx';
import { useSession } from '../session/session-context.tsx';

type Tone = 'neutral' | 'green' | 'amber' | 'grey' | 'danger';

/** The region's figures as KPI tiles: each a count with its tone, and a line under it. */
function DashboardKpis({ data, regionId }: { data: DashboardResponse; regionId: string }) {
  const { t, lang } = useI18n();
  const tile = (testId: string, tone: Tone, label: string, value: number, sub: string): KpiTile => ({
    testId,
    tone: `kpi-${tone}`,
    label,
    value: formatCount(value, lang),
    sub: <div className="kpi-sub">{sub}</div>,
    attributes: { 'data-value': String(value) },
  });
  const share = (n: number) => t('dash.kpi.share', { p: formatShare(n, data.totals.mines, lang) });
  const { byStatus, totals } = data;
  return (
    <KpiTiles
      lead={<CriticalMinesKpi regionId={regionId} />}
      tiles={[
        tile(
          'kpi-mines',
          'neutral',
          t('dash.kpi.mines'),
          totals.mines,
          t('dash.kpi.capacity', { v: formatCapacity(totals.capacityTPerYear, lang) }),
        ),
        tile(
          'kpi-producing',
          'green',
          t('dash.kpi.producing'),
          byStatus.producing,
          share(byStatus.producing),
        ),
        tile(
          'kpi-suspended',
          'amber',
          t('dash.kpi.suspended'),
          byStatus.suspended,
          share(byStatus.suspended),
        ),
        tile(
          'kpi-closing',
          'grey',
          t('dash.kpi.closingClosed'),
          byStatus.closing + byStatus.closed,
          `${formatCount(byStatus.closing, lang)} / ${formatCount(byStatus.closed, lang)}`,
        ),
        tile('kpi-small', 'danger', t('dash.kpi.small'), totals.smallMines, share(totals.smallMines)),
        tile(
          'kpi-gas-risk',
          data.highGasWithoutCapability > 0 ? 'danger' : 'neutral',
          t('dash.kpi.gasRisk'),
          data.highGasWithoutCapability,
          t('dash.kpi.gasRiskHint'),
        ),
      ]}
    />
  );
}

/** One horizontal bar split by status; widths are relative to `scaleMax` so rows compare. */
function StatusBar({ counts, scaleMax }: { counts: StatusCounts; scaleMax: number }) {
  const { t } = useI18n();
  const total = MINE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const width = scaleMax === 0 ? 0 : (total / scaleMax) * 100;
  return (
    <div
      className="stackbar"
      role="img"
      aria-label={MINE_STATUSES.map((s) => `${t(`status.${s}`)} ${counts[s]}`).join(', ')}
    >
      <div className="stackbar-fill" style={{ width: `${width}%` }}>
        {MINE_STATUSES.filter((s) => counts[s] > 0).map((s) => (
          <span
            key={s}
            className="stackbar-seg"
            style={{ flexGrow: counts[s], background: STATUS_BAR_COLORS[s] }}
            title={`${t(`status.${s}`)} ${counts[s]}`}
          />
        ))}
      </div>
    </div>
  );
}

function DistrictTable({ data }: { data: DashboardResponse }) {
  const { t, lang } = useI18n();
  const districts: DistrictSummary[] = data.byDistrict;
  const scaleMax = Math.max(0, ...districts.map((d) => d.total));
  const firstLevel = districts[0]?.region.level;
  const columns: Column<DistrictSummary>[] = [
    {
      key: 'region',
      header: firstLevel === undefined ? t('mines.col.region') : t(`level.${firstLevel}`),
      cell: (d) => (
        <Link to={withQuery('/mines', { regionId: d.region.id })} title={t('dash.openMines')}>
          {regionName(d.region, lang)}
        </Link>
      ),
    },
    {
      key: 'mix',
      header: t('dash.col.mix'),
      className: 'col-bar',
      headerClassName: 'col-bar',
      cell: (d) => <StatusBar counts={d.byStatus} scaleMax={scaleMax} />,
    },
    {
      key: 'total',
      header: t('dash.col.total'),
      isNumeric: true,
      className: 'strong',
      cell: (d) => formatCount(d.total, lang),
    },
    ...MINE_STATUSES.map((s): Column<DistrictSummary> => ({
      key: s,
      header: t(`status.${s}`),
      isNumeric: true,
      className: (d) => (d.byStatus[s] === 0 ? 'zero' : undefined),
      cell: (d) => formatCount(d.byStatus[s], lang),
    })),
    {
      key: 'small',
      header: t('dash.col.small'),
      isNumeric: true,
      className: (d) => (d.smallMines > 0 ? 'text-danger' : 'zero'),
      cell: (d) => formatCount(d.smallMines, lang),
    },
  ];
  // The total row, unless the only row is the region itself (a county has no districts below it).
  const hasTotal =
    districts.length > 0 && !(districts.length === 1 && districts[0]!.region.id === data.region.id);
  return (
    <CardSection
      testId="district-section"
      title={t('dash.byDistrict')}
      headExtra={
        <div className="legend">
          {MINE_STATUSES.map((s) => (
            <span key={s} className="legend-item">
              <span className="legend-swatch" style={{ background: STATUS_BAR_COLORS[s] }} />
              {t(`status.${s}`)}
            </span>
          ))}
        </div>
      }
    >
      <DataTable
        testId="district-table"
        columns={columns}
        rows={districts}
        rowKey={(d) => d.region.id}
        rowAttributes={(d) => ({ 'data-testid': 'district-row', 'data-region-id': d.region.id })}
        empty={t('dash.noDistricts')}
        footer={
          hasTotal ? (
            <tr>
              <td>{regionName(data.region, lang)}</td>
              <td className="col-bar">
                <StatusBar counts={data.byStatus} scaleMax={data.totals.mines} />
              </td>
              <td className="num strong">{formatCount(data.totals.mines, lang)}</td>
              {MINE_STATUSES.map((s) => (
                <td key={s} className="num">
                  {formatCount(data.byStatus[s], lang)}
                </td>
              ))}
              <td className="num">{formatCount(data.totals.smallMines, lang)}</td>
            </tr>
          ) : undefined
        }
      />
    </CardSection>
  );
}

function BarList(props: {
  title: string;
  testId: string;
  rows: Array<{ key: string; label: string; count: number; color: string; isAlert?: boolean }>;
}) {
  const { lang } = useI18n();
  const max = Math.max(0, ...props.rows.map((r) => r.count));
  const total = props.rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <CardSection testId={props.testId} title={props.title}>
      <div className="barlist">
        {props.rows.map((r) => (
          <div
            key={r.key}
            className={r.isAlert === true ? 'barlist-row alert' : 'barlist-row'}
            data-key={r.key}
          >
            <span className="barlist-label">{r.label}</span>
            <span className="barlist-track">
              <span
                className="barlist-fill"
                style={{ width: max === 0 ? 0 : `${(r.count / max) * 100}%`, background: r.color }}
              />
            </span>
            <span className="barlist-count" data-value={r.count}>
              {formatCount(r.count, lang)}
            </span>
            <span className="barlist-share">{formatShare(r.count, total, lang)}</span>
          </div>
        ))}
      </div>
    </CardSection>
  );
}

const BAND_COLORS = {
  lt300k: '#d92d20',
  '300k_900k': '#6e7781',
  '900k_3m': '#57606a',
  ge3m: '#32383f',
} as const;
const GAS_COLORS = { low: '#8c959f', high: '#e16f24', outburst: '#b42318' } as const;

/** Region overview: KPIs, mines by status per sub-region, capacity bands and gas classes. */
export function DashboardPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('dash.title'));
  const { session } = useSession();
  const { query } = useAppLocation();
  const scopeRegionId = session.user.scope.kind === 'region' ? session.user.scope.regionId : '';
  const regionId = query.get('regionId') ?? '';

  const { regions: regionList } = useRegions();
  const dashboard = useApiData<DashboardResponse>(withQuery('/api/dashboard', { regionId }));
  const data = dashboard.error === null ? dashboard.data : null;

  const selectRegion = (id: string) => {
    navigate(id === '' || id === scopeRegionId ? '/' : withQuery('/', { regionId: id }), { replace: true });
  };

  const selectValue = regionId !== '' ? regionId : scopeRegionId;

  return (
    <div className="page" data-testid="dashboard-page" data-busy={dashboard.isLoading ? 'true' : 'false'}>
      <div className="page-head">
        <h1>
          {t('dash.title')}
          {data !== null && <span className="page-head-sub">{regionName(data.region, lang)}</span>}
        </h1>
        <label className="inline-field">
          <span className="field-label">{t('dash.region')}</span>
          <select
            className="select"
            value={selectValue}
            onChange={(e) => selectRegion(e.target.value)}
            data-testid="dashboard-region"
          >
            {regionList.length === 0 && <option value={selectValue}>{session.user.scopeName}</option>}
            <RegionOptions regions={regionList} lang={lang} />
          </select>
        </label>
      </div>

      {dashboard.error !== null && <ErrorBox error={dashboard.error} onRetry={dashboard.reload} />}
      {data === null && dashboard.error === null && (
        <div className="muted loading-line">{t('app.loading')}</div>
      )}
      {data !== null && (
        <>
          <DashboardKpis data={data} regionId={regionId} />

          <DistrictTable data={data} />

          <div className="grid-2">
            <BarList
              title={t('dash.capacityBands')}
              testId="capacity-bands"
              rows={CAPACITY_BANDS.map((band) => ({
                key: band,
                label: t(`band.${band}`),
                count: data.capacityBands.find((b) => b.band === band)?.count ?? 0,
                color: BAND_COLORS[band],
                isAlert: band === 'lt300k',
              }))}
            />
            <BarList
              title={t('dash.gasClasses')}
              testId="gas-classes"
              rows={GAS_CLASSES.map((gas) => ({
                key: gas,
                label: t(`gas.${gas}`),
                count: data.byGasClass[gas],
                color: GAS_COLORS[gas],
              }))}
            />
          </div>
        </>
      )}
    </div>
  );
}
