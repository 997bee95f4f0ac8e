import { useMemo, useState } from 'react';
import { withQuery, type ApiAnswer } from '../api/api-client.ts';
import { useApiData } from '../api/use-api.ts';
import { ErrorBox } from '../components/error-box.tsx';
import { formatCount, formatShare } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ruleLabel } from './alarm-text.ts';
import { formatMs } from './monitoring-format.ts';

type AlarmEvidenceResponse = ApiAnswer<'/api/mines/{id}/alarm-evidence'>;

const DAY_MS = 86_400_000;
const PERIODS = [1, 7, 30] as const;

/**
 * Evidence beyond the mine's word: Redline's alarms against the alarms the mine itself reported (YCBJ)
 * over a period — how many Redline detected, how many the mine reported, how many it never reported
 * (hidden), and its alarm-handling rate.
 */
export function AlarmEvidencePanel({ mineId }: { mineId: string }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [days, setDays] = useState<(typeof PERIODS)[number]>(7);
  // The period ends at the hour, so the address (and the fetch) stays the same for a while.
  const url = useMemo(() => {
    const to = Math.ceil(Date.now() / 3_600_000) * 3_600_000;
    return withQuery(`/api/mines/${encodeURIComponent(mineId)}/alarm-evidence`, {
      from: new Date(to - days * DAY_MS).toISOString(),
      to: new Date(to).toISOString(),
    });
  }, [mineId, days]);
  const evidence = useApiData<AlarmEvidenceResponse>(url);
  const d = evidence.data;
  const rate =
    d === null || d.handlingRate === null ? '—' : formatShare(Math.round(d.handlingRate * 1000), 1000, lang);

  return (
    <section
      className="card alarm-evidence"
      data-testid="alarm-evidence"
      data-busy={evidence.isLoading ? 'true' : 'false'}
    >
      <header className="card-head">
        <h2>{t('evidence.title')}</h2>
        <label className="muted small">
          {t('evidence.period')}{' '}
          <select
            value={days}
            onChange={(e) => setDays(Number(e.target.value) as (typeof PERIODS)[number])}
            data-testid="alarm-evidence-period"
          >
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {t('evidence.days', { n })}
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="muted small alarm-evidence-hint">{t('evidence.hint', { min: d?.slackMinutes ?? 5 })}</p>
      {evidence.error !== null && <ErrorBox error={evidence.error} onRetry={evidence.reload} />}
      <div className="table-wrap">
        <table className="table" data-testid="alarm-evidence-table">
          <thead>
            <tr>
              <th className="num">{t('evidence.redline')}</th>
              <th className="num">{t('evidence.mine')}</th>
              <th className="num">{t('evidence.hidden')}</th>
              <th className="num">{t('evidence.unhandled')}</th>
              <th className="num">{t('evidence.rate')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="num" data-testid="alarm-evidence-redline">
                {d === null ? '—' : formatCount(d.redlineCount, lang)}
              </td>
              <td className="num" data-testid="alarm-evidence-mine">
                {d === null ? '—' : formatCount(d.mineCount, lang)}
              </td>
              <td
                className={d !== null && d.hiddenCount > 0 ? 'num strong text-danger' : 'num'}
                data-testid="alarm-evidence-hidden"
                data-value={d?.hiddenCount}
              >
                {d === null ? '—' : formatCount(d.hiddenCount, lang)}
              </td>
              <td className="num" data-testid="alarm-evidence-unhandled">
                {d === null ? '—' : formatCount(d.unhandledCount, lang)}
              </td>
              <td className="num" data-testid="alarm-evidence-rate">
                {rate}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {d !== null && d.hidden.length > 0 && (
        <details data-testid="alarm-evidence-hidden-list">
          <summary>{t('evidence.hiddenList', { n: formatCount(d.hiddenCount, lang) })}</summary>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('evidence.col.rule')}</th>
                  <th>{t('evidence.col.point')}</th>
                  <th>{t('evidence.col.raised')}</th>
                  <th>{t('evidence.col.cleared')}</th>
                </tr>
              </thead>
              <tbody>
                {d.hidden.map((h) => (
                  <tr key={`${h.alarmId}@${h.raisedMs}`}>
                    <td>{ruleLabel(h.rule, i18n)}</td>
                    <td className="mono">{h.pointCode}</td>
                    <td>{formatMs(h.raisedMs)}</td>
                    <td>{h.clearedMs === null ? t('evidence.stillActive') : formatMs(h.clearedMs)}</td>
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
