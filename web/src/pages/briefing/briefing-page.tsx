import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ButtonLink } from '../../components/button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { regionName, todayIsoDate } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { mineStatusValues as MINE_STATUS_KEYS, type Briefing } from '../../api/generated/api-schema.ts';

/** The period-on-period figures, in the order the briefing shows them. */
const BRIEFING_CHANGE_KEYS = [
  'hazardsFound',
  'majorHazardsFound',
  'hazardsClosed',
  'alarms',
  'visits',
  'enteredClosing',
  'closed',
] as const satisfies ReadonlyArray<Exclude<keyof Briefing['changes'], 'previousPeriod'>>;
import { FactorBar, RiskUrgencyNote } from './factor-bar.tsx';
import { PopulationHistoryTable } from '../closure/population-history.tsx';

/** The briefing of a region and period: an HTML preview of the key figures and the PDF/XLSX downloads. */
export function BriefingPage() {
  const { t, has, lang } = useI18n();
  const { regions } = useRegions();
  const { query } = useAppLocation();
  const today = todayIsoDate();
  const regionId = query.get('regionId') ?? '';
  const from = query.get('from') ?? `${today.slice(0, 8)}01`;
  const to = query.get('to') ?? today;
  const params = { regionId, from, to };
  const data = useApiData<Briefing>(withQuery('/api/briefing/summary', params));
  const set = (key: string, value: string) =>
    navigate(withQuery('/briefing', { ...params, [key]: value }), { replace: true });
  const b = data.data;
  const maxScore = Math.max(1, ...(b?.topRisk.map((r) => r.score) ?? []));

  return (
    <PageFrame
      testId="briefing-section"
      isBusy={data.isLoading}
      title={t('briefing.title')}
      actions={
        <>
          <ButtonLink testId="briefing-pdf" href={withQuery('/api/briefing/report.pdf', params)}>
            {t('briefing.pdf')}
          </ButtonLink>
          <ButtonLink testId="briefing-xlsx" href={withQuery('/api/briefing/report.xlsx', params)}>
            {t('briefing.xlsx')}
          </ButtonLink>
        </>
      }
    >
      <div className="filters">
        <label>
          {t('briefing.region')}{' '}
          <select
            className="select"
            data-testid="briefing-region"
            value={regionId}
            onChange={(e) => set('regionId', e.target.value)}
          >
            <option value="">—</option>
            <RegionOptions regions={regions} lang={lang} />
          </select>
        </label>
        {(['from', 'to'] as const).map((key) => (
          <label key={key}>
            {t(`briefing.${key}`)}{' '}
            <input
              type="date"
              data-testid={`briefing-${key}`}
              value={params[key]}
              onChange={(e) => set(key, e.target.value)}
            />
          </label>
        ))}
      </div>
      {b && (
        <p className="print-only" data-testid="briefing-print-period">
          {t('print.region', { region: regionName(b.region, lang) })} ·{' '}
          {t('print.period', { from: b.period.from, to: b.period.to })}
        </p>
      )}
      {data.error !== null && <ErrorBox error={data.error} onRetry={data.reload} testId="briefing-error" />}
      {b && (
        <div className="bf-grid" data-testid="briefing-preview" data-region-id={b.region.id}>
          <div className="card" data-testid="briefing-changes">
            <h2>{t('briefing.changes')}</h2>
            <p className="muted">
              {t('briefing.changes.previous', {
                from: b.changes.previousPeriod.from,
                to: b.changes.previousPeriod.to,
              })}
            </p>
            <DataTable
              columns={[
                { key: 'item', header: t('briefing.changes.item'), cell: (k) => t(`briefing.changes.${k}`) },
                { key: 'current', header: t('briefing.changes.current'), cell: (k) => b.changes[k].current },
                { key: 'before', header: t('briefing.changes.before'), cell: (k) => b.changes[k].previous },
                {
                  key: 'delta',
                  header: t('briefing.changes.delta'),
                  cell: (k) => {
                    const d = b.changes[k].current - b.changes[k].previous;
                    return d === 0 ? t('briefing.changes.same') : d > 0 ? `+${d}` : `−${-d}`;
                  },
                },
              ]}
              rows={BRIEFING_CHANGE_KEYS}
              rowKey={(k) => k}
              rowAttributes={(k) => ({ 'data-testid': `briefing-change-${k}` })}
            />
          </div>
          <div className="card">
            <h2>{t('briefing.mines')}</h2>
            <FigureTable
              testId="briefing-mines"
              lines={[
                ...MINE_STATUS_KEYS.map((s) => ({
                  key: s,
                  label: t(`status.${s}`),
                  value: b.mines.byStatus[s],
                  attributes: { 'data-testid': `briefing-status-${s}` },
                })),
                {
                  key: 'total',
                  label: t('briefing.total'),
                  value: b.mines.total,
                  attributes: { 'data-testid': 'briefing-status-total' },
                },
              ]}
            />
            <p className="muted">{t('briefing.small', { n: b.mines.small, open: b.mines.smallNotClosed })}</p>
          </div>
          <div className="card" data-testid="briefing-hazards">
            <h2>{t('briefing.hazards')}</h2>
            <FigureTable
              lines={(['found', 'majorFound', 'closed', 'open', 'overdue'] as const).map((k) => ({
                key: k,
                label: t(k === 'majorFound' ? 'briefing.hazards.major' : `briefing.hazards.${k}`),
                value: b.hazards[k],
                attributes: { 'data-testid': `briefing-hazards-${k}` },
              }))}
            />
          </div>
          <div className="card" data-testid="briefing-closure">
            <h2>{t('briefing.closure')}</h2>
            <p>{t('briefing.closure.entered', { n: b.closure.enteredClosing, closed: b.closure.closed })}</p>
            {b.closure.targets === null ? (
              <p className="muted">{t('briefing.closure.noTargets')}</p>
            ) : (
              <ul>
                {b.closure.targets.map((x) => (
                  <li key={`${x.regionName}-${x.deadline}`}>
                    {t('briefing.closure.target', {
                      region: x.regionName,
                      deadline: x.deadline,
                      target: x.minesToClose,
                      closed: x.closed,
                      progress: x.inProgress,
                    })}
                  </li>
                ))}
              </ul>
            )}
            {b.closure.history !== null && (
              <>
                <h3>{t('closure.history.title')}</h3>
                <PopulationHistoryTable history={b.closure.history} />
              </>
            )}
          </div>
          <div className="card" data-testid="briefing-alarms">
            <h2>{t('briefing.alarms')}</h2>
            {b.alarms.byRule.length === 0 ? (
              <p className="muted">{t('briefing.alarms.none')}</p>
            ) : (
              <FigureTable
                lines={b.alarms.byRule.map((r) => {
                  const key = `alarmRule.${r.rule}`;
                  return {
                    key: r.rule,
                    label: has(key) ? t(key) : r.rule,
                    value: r.raised,
                    attributes: { 'data-testid': 'briefing-alarm-row', 'data-rule': r.rule },
                  };
                })}
              />
            )}
          </div>
          <div className="card" data-testid="briefing-supervision">
            <h2>{t('briefing.supervision')}</h2>
            <p>
              {t('briefing.supervision.line', {
                mines: b.supervision.mines,
                complete: b.supervision.complete,
                visits: b.supervision.visits,
                visited: b.supervision.minesVisited,
                underground: b.supervision.underground,
              })}
            </p>
          </div>
          <div className="card" data-testid="briefing-accidents">
            <h2>{t('briefing.accidents')}</h2>
            <p>
              {b.accidents === null
                ? t('briefing.accidents.none')
                : t('briefing.accidents.line', {
                    a: b.accidents.current.accidents,
                    d: b.accidents.current.deaths,
                    pa: b.accidents.previousYear.accidents,
                    pd: b.accidents.previousYear.deaths,
                  })}
            </p>
          </div>
          <div className="card" style={{ gridColumn: '1 / -1' }}>
            <h2>{t('briefing.top')}</h2>
            {/* On a phone the factor bars need more than the card's width: the table scrolls. */}
            <div className="table-wrap">
              <table className="table" data-testid="briefing-top-risk">
                <tbody>
                  {b.topRisk.map((r) => (
                    <tr key={r.mineId} data-testid="briefing-top-row" data-mine-id={r.mineId}>
                      <td>{r.rank}</td>
                      <td>
                        <a href={`/mines/${encodeURIComponent(r.mineId)}`}>{r.name}</a>
                        <RiskUrgencyNote row={r} />
                      </td>
                      <td>{r.regionName}</td>
                      <td>{r.score}</td>
                      <td>
                        <FactorBar factors={r.factors} max={maxScore} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      )}
    </PageFrame>
  );
}

/** One line of a briefing figure table: what is counted, and the count. */
interface FigureLine {
  key: string;
  label: string;
  value: number;
  /** Test id and data attributes of the line. */
  attributes: Record<`data-${string}`, string>;
}

/** A table of labelled figures without a header (mines by status, hazards, alarms by rule). */
function FigureTable({ lines, testId }: { lines: readonly FigureLine[]; testId?: string }) {
  return (
    <table className="table" data-testid={testId}>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key} {...line.attributes}>
            <td>{line.label}</td>
            <td>{line.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
