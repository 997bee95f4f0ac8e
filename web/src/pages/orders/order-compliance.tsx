import type { ApiAnswer } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { cstStamp, formatDateTime } from '../../format.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import '../stopped/stopped.css';

/** GET /api/orders/:id/compliance, from the generated API types. */
type ComplianceView = ApiAnswer<'/api/orders/{id}/compliance'>;

const hm = (ms: number) => {
  const min = Math.floor(Math.abs(ms) / 60_000);
  return { h: Math.floor(min / 60), m: min % 60 };
};

/**
 * A stop order's compliance view (ADR 0014): every mine it stopped, with the people still underground
 * beyond its watch crew, production signals, power and the time left to the evacuation deadline.
 */
export function OrderCompliance({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { data, error, isLoading, reload } = useApiData<ComplianceView>(
    `/api/orders/${encodeURIComponent(orderId)}/compliance`,
  );
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  if (data === null) return <div data-testid="order-compliance" data-busy="true" />;
  const { summary } = data;
  return (
    <section
      className="wf-card"
      data-testid="order-compliance"
      data-busy={isLoading ? 'true' : 'false'}
      data-all-clear={summary.isAllClear ? 'true' : 'false'}
    >
      <header className="wf-card-head compliance-title">
        <h3>{t('stopped.compliance.title')}</h3>
        <span className="muted">
          {t('stopped.compliance.deadline', { at: formatDateTime(data.deadline) })}
        </span>
        <button type="button" className="btn" onClick={reload} data-testid="order-compliance-reload">
          ↻
        </button>
      </header>
      {summary.mines === 0 ? (
        <p>{t('stopped.compliance.none')}</p>
      ) : summary.isAllClear ? (
        <p className="tag" data-testid="order-compliance-summary">
          ✓ {t('stopped.compliance.allClear')}
        </p>
      ) : (
        <p className={summary.overdue > 0 ? 'tag tag-danger' : ''} data-testid="order-compliance-summary">
          {t('stopped.compliance.summary', {
            mines: summary.mines,
            clear: summary.clear,
            evacuating: summary.evacuating,
            overdue: summary.overdue,
            noData: summary.noData,
          })}
        </p>
      )}
      {summary.mines > 0 && (
        <ul className="compliance-grid" data-testid="order-compliance-mines">
          {data.mines.map((m) => (
            <li
              key={m.mineId}
              className={`compliance-card compliance-${m.state}`}
              data-testid={`compliance-${m.mineCode}`}
              data-state={m.state}
            >
              <div className="compliance-head">
                <span className="mono">{m.mineCode}</span>
                <strong>{m.mineName}</strong>
                <StatusPill status={m.status} />
                <span className={m.isCritical ? 'tag tag-danger' : 'tag'} data-testid="compliance-state">
                  {t(`stopped.compliance.state.${m.state}`)}
                </span>
              </div>
              <dl className="compliance-facts">
                <dt>{t('stopped.compliance.col.people')}</dt>
                <dd data-testid="compliance-underground">{m.underground}</dd>
                <dt>{t('stopped.compliance.col.beyond')}</dt>
                <dd>{m.beyondCrew}</dd>
                <dt>{t('stopped.compliance.col.production')}</dt>
                <dd>{t('stopped.compliance.onOf', { on: m.productionOn, of: m.productionPoints })}</dd>
                <dt>{t('stopped.compliance.col.power')}</dt>
                <dd>{t('stopped.compliance.powerOnOf', { on: m.powerOn, of: m.powerPoints })}</dd>
                <dt>{t('stopped.compliance.col.feeds')}</dt>
                <dd
                  className={m.mainsFeeds > 0 ? 'text-danger' : undefined}
                  data-testid="compliance-mains-feeds"
                >
                  {m.feedsKnown === 0
                    ? '—'
                    : t('stopped.compliance.feedsOnOf', { on: m.mainsFeeds, of: m.feedsKnown })}
                </dd>
                <dt>{t('stopped.compliance.col.left')}</dt>
                <dd>
                  {m.timeLeftMs === null
                    ? '—'
                    : m.timeLeftMs >= 0
                      ? t('stopped.compliance.left', hm(m.timeLeftMs))
                      : t('stopped.compliance.overdueBy', hm(m.timeLeftMs))}
                </dd>
                <dt>{t('stopped.compliance.col.snapshot')}</dt>
                <dd className="mono">{m.snapshotMs === null ? '—' : cstStamp(m.snapshotMs).slice(0, 16)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
