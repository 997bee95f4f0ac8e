import { useApiData } from '../../api/use-api.ts';
import type { LeaderShifts } from '../../api/generated/api-schema.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** 矿领导带班下井: the mine's shifts of the last seven days that had people underground and no mine leader. */
export function LeaderShiftsCard({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const view = useApiData<LeaderShifts>(`/api/supervision/mines/${encodeURIComponent(mineId)}/leader-shifts`);
  const v = view.data;
  const missing = v?.shifts.filter((s) => s.leaderless) ?? [];
  const anyone = v?.shifts.some((s) => s.people > 0) ?? false;
  return (
    <div className="card" data-testid="leader-shifts" data-leaderless={v?.leaderless ?? ''}>
      <div className="card-head">
        <h2>{t('supervision.shifts.title')}</h2>
      </div>
      {view.error !== null && <ErrorBox error={view.error} onRetry={view.reload} />}
      <p className="muted">{t('supervision.shifts.rule')}</p>
      {v && !anyone && <p data-testid="leader-shifts-nodata">{t('supervision.shifts.noData')}</p>}
      {v && anyone && missing.length === 0 && (
        <p className="sv-badge sv-badge-ok">{t('supervision.shifts.none')}</p>
      )}
      {missing.length > 0 && (
        <>
          <p className="sv-badge sv-badge-gap">{t('supervision.shifts.missing', { n: missing.length })}</p>
          <table className="table">
            <thead>
              <tr>
                <th>{t('supervision.shifts.shift')}</th>
                <th className="num">{t('supervision.shifts.people')}</th>
                <th className="num">{t('supervision.shifts.leaders')}</th>
              </tr>
            </thead>
            <tbody>
              {missing.map((s) => (
                <tr key={s.startMs} data-testid="leader-shift-missing">
                  <td className="tabular nowrap">
                    {formatDateTime(new Date(s.startMs).toISOString())} –{' '}
                    {formatDateTime(new Date(s.endMs).toISOString())}
                  </td>
                  <td className="num">{s.people}</td>
                  <td className="num">{s.leaders}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
