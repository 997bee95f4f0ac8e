import { useMemo, useState, type ReactNode } from 'react';
import { withQuery, type ApiAnswer } from '../api/api-client.ts';
import { useApiData } from '../api/use-api.ts';
import { CardSection } from '../components/card-section.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { formatCount, formatShare } from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ruleLabel } from './alarm-text.ts';
import { formatMs } from './monitoring-format.ts';

type AlarmEvidence = ApiAnswer<'/api/mines/{id}/alarm-evidence'>;

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
  const evidence = useApiData<AlarmEvidence>(url);
  const d = evidence.data;
  const rate =
    d === null || d.handlingRate === null ? '—' : formatShare(Math.round(d.handlingRate * 1000), 1000, lang);
  /** One figure of the period ('—' until loaded), with its test id. */
  const count = (
    key: 'redline' | 'mine' | 'unhandled' | 'rate',
    testId: string,
    value: (e: AlarmEvidence) => ReactNode,
  ): Column<AlarmEvidence | null> => ({
    key,
    header: t(`evidence.${key}`),
    isNumeric: true,
    cell: (e) => <span data-testid={testId}>{e === null ? '—' : value(e)}</span>,
  });
  const countColumns: Column<AlarmEvidence | null>[] = [
    count('redline', 'alarm-evidence-redline', (e) => formatCount(e.redlineCount, lang)),
    count('mine', 'alarm-evidence-mine', (e) => formatCount(e.mineCount, lang)),
    {
      key: 'hidden',
      header: t('evidence.hidden'),
      isNumeric: true,
      cell: (e) => (
        <span
          className={e !== null && e.hiddenCount > 0 ? 'strong text-danger' : undefined}
          data-testid="alarm-evidence-hidden"
          data-value={e?.hiddenCount}
        >
          {e === null ? '—' : formatCount(e.hiddenCount, lang)}
        </span>
      ),
    },
    count('unhandled', 'alarm-evidence-unhandled', (e) => formatCount(e.unhandledCount, lang)),
    count('rate', 'alarm-evidence-rate', () => rate),
  ];
  const hiddenColumns: Column<AlarmEvidence['hidden'][number]>[] = [
    { key: 'rule', header: t('evidence.col.rule'), cell: (h) => ruleLabel(h.rule, i18n) },
    { key: 'point', header: t('evidence.col.point'), className: 'mono', cell: (h) => h.pointCode },
    { key: 'raised', header: t('evidence.col.raised'), cell: (h) => formatMs(h.raisedMs) },
    {
      key: 'cleared',
      header: t('evidence.col.cleared'),
      cell: (h) => (h.clearedMs === null ? t('evidence.stillActive') : formatMs(h.clearedMs)),
    },
  ];

  return (
    <CardSection
      className="card alarm-evidence"
      testId="alarm-evidence"
      isBusy={evidence.isLoading}
      title={t('evidence.title')}
      headExtra={
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
      }
    >
      <p className="muted small alarm-evidence-hint">{t('evidence.hint', { min: d?.slackMinutes ?? 5 })}</p>
      {evidence.error !== null && <ErrorBox error={evidence.error} onRetry={evidence.reload} />}
      <DataTable testId="alarm-evidence-table" columns={countColumns} rows={[d]} rowKey={() => 'counts'} />
      {d !== null && d.hidden.length > 0 && (
        <details data-testid="alarm-evidence-hidden-list">
          <summary>{t('evidence.hiddenList', { n: formatCount(d.hiddenCount, lang) })}</summary>
          <DataTable columns={hiddenColumns} rows={d.hidden} rowKey={(h) => `${h.alarmId}@${h.raisedMs}`} />
        </details>
      )}
    </CardSection>
  );
}
