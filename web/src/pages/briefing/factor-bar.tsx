import { cstStamp, formatCount } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ruleLabel } from '../../monitoring/alarm-text.ts';
import {
  riskFactorIdValues as RISK_FACTOR_IDS,
  type FactorContribution,
  type RiskFactorId,
  type RiskRow,
} from '../../api/generated/api-schema.ts';

/** One colour per factor, in the table's order (hazards reds, alarms oranges, static factors blues). */
export const FACTOR_COLOURS: Readonly<Record<RiskFactorId, string>> = {
  live_incident: '#c8102e',
  unacknowledged_critical: '#880e4f',
  open_hazards: '#e57373',
  open_major_hazards: '#b71c1c',
  overdue_hazards: '#d84315',
  alarms_critical_30d: '#6a1b9a',
  alarms_high_30d: '#ef6c00',
  alarms_medium_30d: '#ffb74d',
  data_gaps_30d: '#5d4037',
  gas_class: '#1565c0',
  small_capacity: '#64b5f6',
  inspection_recency: '#00897b',
  accident_history: '#424242',
};

/** A stacked bar: each factor's points as a segment (width relative to `max`), with a tooltip. */
export function FactorBar({ factors, max }: { factors: readonly FactorContribution[]; max: number }) {
  const { t } = useI18n();
  return (
    <div className="bf-bar" data-testid="factor-bar">
      {factors
        .filter((f) => f.points > 0)
        .map((f) => (
          <span
            key={f.id}
            className="bf-seg"
            data-testid="factor-seg"
            data-factor={f.id}
            data-points={f.points}
            title={`${t(`briefing.risk.factor.${f.id}`)}: ${f.points}`}
            style={{ width: `${(f.points / max) * 100}%`, background: FACTOR_COLOURS[f.id] }}
          />
        ))}
    </div>
  );
}

/** The colour key of the bars. */
export function FactorLegend() {
  const { t } = useI18n();
  return (
    <div className="bf-legend" data-testid="factor-legend">
      {RISK_FACTOR_IDS.map((id) => (
        <span key={id}>
          <span className="bf-swatch" style={{ background: FACTOR_COLOURS[id] }} />
          {t(`briefing.risk.factor.${id}`)}
        </span>
      ))}
    </div>
  );
}

/**
 * Why a mine ranks above the points order: each incident in progress by name (the Songzao belt fire
 * pattern, …), or the critical alarms nobody has acknowledged. Nothing for a mine ranked by points.
 */
export function RiskUrgencyNote({ row }: { row: Pick<RiskRow, 'urgency' | 'incidents' | 'factors'> }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  if (row.urgency === 'none') return null;
  const unack = row.factors.find((f) => f.id === 'unacknowledged_critical')?.input;
  return (
    <div className="bf-urgent" data-testid="risk-urgent" data-urgency={row.urgency}>
      {row.urgency === 'live_incident'
        ? row.incidents.map((i) => (
            <div key={i.alarmId} data-rule={i.rule}>
              {t('briefing.risk.urgent.incident', {
                rule: ruleLabel(i.rule, i18n),
                time: i.sinceMs === null ? '—' : cstStamp(i.sinceMs).slice(0, 16),
              })}
            </div>
          ))
        : t('briefing.risk.urgent.unack', { n: formatCount(Number(unack ?? 0), lang) })}
    </div>
  );
}
