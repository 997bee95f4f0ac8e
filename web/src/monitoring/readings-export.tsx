import { useState } from 'react';
import { withQuery } from '../api/api-client.ts';
import { useI18n, type MessageKey } from '../i18n/i18n-context.tsx';

const PERIODS: ReadonlyArray<{ key: MessageKey; ms: number }> = [
  { key: 'chart.export.p1h', ms: 3_600_000 },
  { key: 'chart.export.p24h', ms: 86_400_000 },
  { key: 'chart.export.p7d', ms: 7 * 86_400_000 },
  { key: 'chart.export.p30d', ms: 30 * 86_400_000 },
  { key: 'chart.export.p100d', ms: 100 * 86_400_000 },
];

/**
 * Under a point's curve: a period and a link that downloads the point's raw readings of that period
 * as CSV (GET …/readings.csv, streamed from the stored blocks). The period ends when the link is
 * followed.
 */
export function ReadingsExport(props: { mineId: string; pointId: number; pointCode: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(1);
  const hrefAt = (toMs: number) =>
    withQuery(`/api/mines/${encodeURIComponent(props.mineId)}/points/${props.pointId}/readings.csv`, {
      fromMs: toMs - PERIODS[period]!.ms,
      toMs,
    });
  return (
    <div className="chart-export" data-testid="readings-export">
      <span className="muted">{t('chart.export.label')}</span>
      <select
        value={period}
        aria-label={t('chart.export.period')}
        onChange={(e) => setPeriod(Number(e.target.value))}
      >
        {PERIODS.map((p, i) => (
          <option key={p.key} value={i}>
            {t(p.key)}
          </option>
        ))}
      </select>
      <a
        href={hrefAt(Date.now())}
        download
        title={t('chart.export.hint', { point: props.pointCode })}
        onClick={(e) => {
          e.currentTarget.href = hrefAt(Date.now());
        }}
      >
        {t('chart.export.download')}
      </a>
    </div>
  );
}
