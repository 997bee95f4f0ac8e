import { useI18n, type MessageKey } from '../../i18n/i18n-context.tsx';
import { formatValue } from '../monitoring-format.ts';
import { LIVE_SPAN_MS, type CurveView, type Resolution } from './curve-data.ts';
import type { CurveLine } from './curve-plot.ts';

const SPANS: ReadonlyArray<{ key: MessageKey; ms: number }> = [
  { key: 'curve.span.m30', ms: LIVE_SPAN_MS },
  { key: 'curve.span.h6', ms: 6 * 3_600_000 },
  { key: 'curve.span.d1', ms: 86_400_000 },
  { key: 'curve.span.d7', ms: 7 * 86_400_000 },
  { key: 'curve.span.d30', ms: 30 * 86_400_000 },
];

/** The pan buttons: a span earlier, and a span later (none later than now while live). */
const PAN_BUTTONS = [
  { testId: 'curve-earlier', label: 'curve.pan.back', arrow: '‹', step: -1 },
  { testId: 'curve-later', label: 'curve.pan.forward', arrow: '›', step: 1 },
] as const;

/**
 * Above a curve: the live periods (30 min to 30 days ending now), a step earlier or later by half the
 * period shown, back to live, and the resolution the shown data have.
 */
export function CurveTools(props: {
  view: CurveView;
  resolution: Resolution | null;
  onView: (view: CurveView) => void;
}) {
  const { t } = useI18n();
  const { view, onView } = props;
  const isLive = view.toMs === null;
  const pan = (direction: -1 | 1) => {
    const now = Date.now();
    const to = (view.toMs ?? now) + (direction * view.spanMs) / 2;
    onView({ spanMs: view.spanMs, toMs: to >= now ? null : Math.round(to) });
  };
  return (
    <div className="chart-tools">
      <div className="chart-spans" role="group" aria-label={t('curve.span.label')}>
        {SPANS.map((s) => (
          <button
            key={s.key}
            type="button"
            className={isLive && view.spanMs === s.ms ? 'chip active' : 'chip'}
            aria-pressed={isLive && view.spanMs === s.ms}
            data-testid="curve-span"
            data-span-ms={s.ms}
            onClick={() => onView({ spanMs: s.ms, toMs: null })}
          >
            {t(s.key)}
          </button>
        ))}
      </div>
      <div className="chart-pan">
        {PAN_BUTTONS.map((b) => (
          <button
            key={b.testId}
            type="button"
            className="chip"
            data-testid={b.testId}
            title={t(b.label)}
            aria-label={t(b.label)}
            disabled={b.step > 0 && isLive}
            onClick={() => pan(b.step)}
          >
            {b.arrow}
          </button>
        ))}
        {!isLive && (
          <button
            type="button"
            className="chip"
            data-testid="curve-live"
            onClick={() => onView({ spanMs: LIVE_SPAN_MS, toMs: null })}
          >
            {t('curve.live')}
          </button>
        )}
      </div>
      {props.resolution !== null && (
        <span className="chart-resolution" data-testid="curve-resolution" data-resolution={props.resolution}>
          {t(`curve.resolution.${props.resolution}`)}
        </span>
      )}
      <span className="chart-zoom-hint muted">{t('curve.zoomHint')}</span>
    </div>
  );
}

const LEGEND: Readonly<Record<Resolution, { line: MessageKey; band: MessageKey }>> = {
  raw: { line: 'curve.legend.raw', band: 'curve.legend.band' },
  '1m': { line: 'curve.legend.mean', band: 'curve.legend.band' },
  '1h': { line: 'curve.legend.hourMean', band: 'curve.legend.hourBand' },
};

/** Under a curve: what each line is — the reading (or minute mean and min–max band) and each threshold. */
export function CurveLegend(props: { lines: readonly CurveLine[]; resolution: Resolution; unit: string }) {
  const { t, lang } = useI18n();
  const isAggregated = props.resolution !== 'raw';
  return (
    <ul className="chart-legend" data-testid="curve-legend">
      <li className="curve-legend-series">
        <span className="curve-swatch curve-swatch-line" aria-hidden="true" />
        {t(LEGEND[props.resolution].line)}
      </li>
      {isAggregated && (
        <li className="curve-legend-band">
          <span className="curve-swatch curve-swatch-band" aria-hidden="true" />
          {t(LEGEND[props.resolution].band)}
        </li>
      )}
      {props.lines.map((line) =>
        line.kind === 'mine' ? (
          <li key={`mine-${line.key}`} data-mine-threshold={line.key} data-value={line.v}>
            <span className="curve-swatch curve-swatch-mine" aria-hidden="true" />
            {t('chart.mineSetting', { what: t(`threshold.short.${line.key}`), v: formatValue(line.v, lang) })}
          </li>
        ) : (
          <li key={line.key} data-threshold={line.key} data-value={line.v}>
            <span className={`curve-swatch curve-swatch-${line.kind}`} aria-hidden="true" />
            {t(`threshold.short.${line.key}`)} {formatValue(line.v, lang)} {props.unit}
          </li>
        ),
      )}
    </ul>
  );
}
