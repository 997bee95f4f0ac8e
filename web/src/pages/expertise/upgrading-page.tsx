import { useState, type FormEvent } from 'react';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { ActionError, Field, SubmitButton } from '../../components/form-kit.tsx';
import { RegionOptions } from '../../components/region-options.tsx';
import { useAction } from '../../components/use-action.ts';
import { formatCount } from '../../format.ts';
import { useI18n, type Lang } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { minePath, navigate, useAppLocation } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import type { UpgradeTarget, UpgradingView } from '../../api/generated/api-schema.ts';
import { putJson } from './expertise-api.ts';
import { ExpertiseTabs } from './expertise-common.tsx';

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
  const { regions } = useRegions();
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

  return (
    <section
      className="page"
      data-testid="expertise-upgrading-page"
      data-busy={view.isLoading ? 'true' : 'false'}
    >
      <div className="page-head">
        <h1>{t('expertise.upgrading.title')}</h1>
      </div>
      <ExpertiseTabs current="upgrading" />
      <div className="filters">
        <select
          className="select"
          data-testid="upgrading-filter-region"
          value={regionId}
          onChange={(e) =>
            navigate(withQuery('/expertise/upgrading', { regionId: e.target.value }), { replace: true })
          }
        >
          <option value="">{t('expertise.filter.myRegion')}</option>
          <RegionOptions regions={regions} lang={lang} />
        </select>
      </div>
      {view.error !== null && <ErrorBox error={view.error} onRetry={view.reload} />}
      <div className="kpis" data-testid="upgrading-kpis">
        <div className="kpi" data-testid="upgrading-kpi-mechanised">
          <div className="kpi-label">{t('expertise.progress.mechanised')}</div>
          <div className="kpi-value">{latest ? latest.mechanisedFaces : '—'}</div>
          <div className="kpi-sub">
            {latest ? t('expertise.upgrading.reportingMines', { n: latest.mines }) : ''}
          </div>
        </div>
        <div className="kpi" data-testid="upgrading-kpi-intelligent">
          <div className="kpi-label">{t('expertise.progress.intelligent')}</div>
          <div className="kpi-value">
            {latest ? latest.intelligentFaces : '—'}
            {target !== null && target.intelligentFaces !== null && ` / ${target.intelligentFaces}`}
          </div>
          <Bar percent={intelligentPct} testId="upgrading-intelligent-bar" />
          <div className="kpi-sub">
            {target ? t('expertise.upgrading.due', { on: target.dueOn }) : t('expertise.upgrading.noTarget')}
          </div>
        </div>
        <div className="kpi" data-testid="upgrading-kpi-remote">
          <div className="kpi-label">{t('expertise.progress.remote')}</div>
          <div className="kpi-value">
            {latest ? `${latest.remoteMonitoringMines} / ${latest.mines}` : '—'}
          </div>
        </div>
        <div className="kpi" data-testid="upgrading-kpi-capacity">
          <div className="kpi-label">{t('expertise.capacity.withdrawn')}</div>
          <div className="kpi-value ex-kpi-text" data-testid="upgrading-capacity-total">
            {cap ? formatTonnes(cap.total.withdrawnTPerYear, lang) : '—'}
          </div>
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
        </div>
      </div>
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
        <div className="card table-wrap">
          <div className="card-head">
            <h2>{t('expertise.capacity.title')}</h2>
          </div>
          <table className="table" data-testid="capacity-table">
            <thead>
              <tr>
                <th>{t('expertise.col.district')}</th>
                <th className="num">{t('expertise.capacity.closedMines')}</th>
                <th className="num">{t('expertise.capacity.withdrawn')}</th>
                <th className="num">{t('expertise.capacity.closingMines')}</th>
                <th className="num">{t('expertise.capacity.closing')}</th>
              </tr>
            </thead>
            <tbody>
              {cap?.districts.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('expertise.capacity.noDistricts')}
                  </td>
                </tr>
              )}
              {cap?.districts.map((d) => (
                <tr
                  key={d.regionId}
                  data-testid="capacity-row"
                  data-region-id={d.regionId}
                  data-withdrawn={d.withdrawnTPerYear}
                >
                  <td>{lang === 'zh-CN' ? d.name : d.nameEn}</td>
                  <td className="num">{d.closedMines}</td>
                  <td className="num">{formatTonnes(d.withdrawnTPerYear, lang)}</td>
                  <td className="num">{d.closingMines}</td>
                  <td className="num">{formatTonnes(d.closingTPerYear, lang)}</td>
                </tr>
              ))}
            </tbody>
            {cap && (
              <tfoot>
                <tr data-testid="capacity-total" data-withdrawn={cap.total.withdrawnTPerYear}>
                  <td>{t('expertise.capacity.total')}</td>
                  <td className="num">{cap.total.closedMines}</td>
                  <td className="num">{formatTonnes(cap.total.withdrawnTPerYear, lang)}</td>
                  <td className="num">{cap.total.closingMines}</td>
                  <td className="num">{formatTonnes(cap.total.closingTPerYear, lang)}</td>
                </tr>
              </tfoot>
            )}
          </table>
        </div>
        <div className="card table-wrap">
          <div className="card-head">
            <h2>{t('expertise.progress.overTime')}</h2>
          </div>
          <table className="table" data-testid="progress-table">
            <thead>
              <tr>
                <th>{t('expertise.col.date')}</th>
                <th className="num">{t('expertise.upgrading.mines')}</th>
                <th className="num">{t('expertise.progress.mechanised')}</th>
                <th className="num">{t('expertise.progress.intelligent')}</th>
                <th className="num">{t('expertise.progress.remote')}</th>
              </tr>
            </thead>
            <tbody>
              {v?.progress.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('expertise.progress.none')}
                  </td>
                </tr>
              )}
              {[...(v?.progress ?? [])]
                .reverse()
                .slice(0, 24)
                .map((p) => (
                  <tr key={p.on} data-testid="progress-row" data-on={p.on}>
                    <td className="tabular">{p.on}</td>
                    <td className="num">{p.mines}</td>
                    <td className="num">{p.mechanisedFaces}</td>
                    <td className="num">{p.intelligentFaces}</td>
                    <td className="num">{p.remoteMonitoringMines}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="card table-wrap">
        <div className="card-head">
          <h2>{t('expertise.merger.title')}</h2>
        </div>
        <table className="table" data-testid="mergers-table">
          <thead>
            <tr>
              <th>{t('expertise.merger.enterprise')}</th>
              <th>{t('expertise.col.date')}</th>
              <th>{t('expertise.merger.mines')}</th>
              <th>{t('expertise.merger.flag')}</th>
            </tr>
          </thead>
          <tbody>
            {v?.mergers.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  {t('expertise.merger.none')}
                </td>
              </tr>
            )}
            {v?.mergers.map((m) => (
              <tr
                key={m.id}
                data-testid="merger-row"
                data-merger-id={m.id}
                data-questionable={m.questionable ? 'true' : 'false'}
              >
                <td>{m.enterpriseName}</td>
                <td className="tabular">{m.mergedOn}</td>
                <td>
                  {m.mineViews.map((x) => (
                    <div
                      key={x.mineId}
                      data-testid="merger-mine"
                      data-false-integration={x.falseIntegration ? 'true' : 'false'}
                    >
                      <Link to={minePath(x.mineId)}>{x.mineName}</Link>{' '}
                      <span className="muted">
                        {t('expertise.merger.operators', {
                          old: x.oldOperator ?? '—',
                          now: x.operatorNow ?? '—',
                        })}
                      </span>{' '}
                      {x.falseIntegration && (
                        <span className="ex-badge ex-badge-bad">{t('expertise.merger.sameOperator')}</span>
                      )}
                    </div>
                  ))}
                </td>
                <td>
                  {m.questionable ? (
                    <span className="ex-badge ex-badge-bad" data-testid="merger-false-integration">
                      {t('expertise.merger.falseIntegration')}
                    </span>
                  ) : (
                    <span className="ex-badge ex-badge-ok">{t('expertise.merger.ok')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

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
  const { t } = useI18n();
  const [faces, setFaces] = useState(target?.intelligentFaces?.toString() ?? '');
  const [capacityWan, setCapacityWan] = useState(
    target === null || target.capacityWithdrawnTPerYear === null
      ? ''
      : String(target.capacityWithdrawnTPerYear / 10_000),
  );
  const [dueOn, setDueOn] = useState(target?.dueOn ?? `${new Date().getFullYear()}-12-31`);
  const action = useAction(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
  return (
    <form className="card ex-form" data-testid="target-form" onSubmit={submit}>
      <div className="row">
        <strong>{t('expertise.target.title')}</strong>
        <Field
          label={t('expertise.progress.intelligent')}
          type="number"
          min={0}
          width={80}
          testId="target-intelligent"
          value={faces}
          onChange={setFaces}
        />
        <Field
          label={t('expertise.target.capacityWan')}
          type="number"
          min={0}
          step="any"
          width={100}
          testId="target-capacity"
          value={capacityWan}
          onChange={setCapacityWan}
        />
        <Field
          label={t('expertise.target.dueOn')}
          type="date"
          testId="target-due"
          value={dueOn}
          onChange={setDueOn}
        />
        <SubmitButton action={action} testId="target-save">
          {t('expertise.save')}
        </SubmitButton>
      </div>
      <ActionError action={action} testId="target-error" />
    </form>
  );
}
