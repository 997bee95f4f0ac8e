import { useApiData } from '../../api/use-api.ts';
import type { LeaderShifts } from '../../api/generated/api-schema.ts';
import { DataTable } from '../../components/data-table.tsx';
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
          <DataTable
            columns={[
              {
                key: 'shift',
                header: t('supervision.shifts.shift'),
                className: 'tabular nowrap',
                cell: (s) =>
                  `${formatDateTime(new Date(s.startMs).toISOString())} – ${formatDateTime(new Date(s.endMs).toISOString())}`,
              },
              {
                key: 'people',
                header: t('supervision.shifts.people'),
                cell: (s) => s.people,
                isNumeric: true,
              },
              {
                key: 'leaders',
                header: t('supervision.shifts.leaders'),
                cell: (s) => s.leaders,
                isNumeric: true,
              },
            ]}
            rows={missing}
            rowKey={(s) => String(s.startMs)}
            rowAttributes={() => ({ 'data-testid': 'leader-shift-missing' })}
          />
        </>
      )}
    </div>
  );
}
