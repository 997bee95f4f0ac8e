import { useState } from 'react';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';

/** Campaigns with per-mine progress and the CSV report. */
export function CampaignsPanel() {
  const { t } = useI18n();
  const list = useApiData<ApiAnswer<'/api/orders/campaigns'>>('/api/orders/campaigns');
  const [open, setOpen] = useState<string | null>(null);
  const detail = useApiData<ApiAnswer<'/api/orders/campaigns/{id}'>>(
    open === null ? null : `/api/orders/campaigns/${open}`,
  );
  if (list.error !== null) return <ErrorBox error={list.error} onRetry={list.reload} />;
  const campaigns = list.data?.campaigns ?? [];
  return (
    <div data-testid="campaigns" data-busy={list.isLoading || detail.isLoading ? 'true' : 'false'}>
      {campaigns.length === 0 && !list.isLoading && <p>{t('orders.camp.empty')}</p>}
      <ul className="compact-list">
        {campaigns.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="btn btn-small"
              data-testid={`campaign-${c.id}`}
              onClick={() => setOpen(c.id)}
            >
              {c.name}
            </button>{' '}
            {t('orders.camp.period', { from: c.startsOn, to: c.endsOn })}{' '}
            <a href={`/api/orders/campaigns/${c.id}/report?format=csv`}>{t('orders.camp.csv')}</a>
          </li>
        ))}
      </ul>
      {detail.data !== null && open !== null && (
        <table className="table" data-testid="campaign-progress">
          <tbody>
            {detail.data.mines.map((m) => (
              <tr key={m.mineId}>
                <td>{m.mineName}</td>
                <td>{m.regionName}</td>
                <td>
                  {t('orders.camp.done', { done: m.done, total: detail.data?.campaign.items.length ?? 0 })}
                </td>
                <td className={m.overdue > 0 ? 'bad' : undefined}>
                  {m.overdue > 0 ? t('orders.camp.overdue', { n: m.overdue }) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** High-gas and outburst mines without certified capability; producing ones first, in red. */
export function GasViolationsPanel() {
  const { t } = useI18n();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/orders/gas-control-violations'>>(
    '/api/orders/gas-control-violations',
  );
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  const items = data?.items ?? [];
  return (
    <div data-testid="gas-violations" data-busy={isLoading ? 'true' : 'false'}>
      <p data-testid="gas-summary">{t('orders.gas.summary', { n: items.length, p: data?.producing ?? 0 })}</p>
      {items.length === 0 && !isLoading && <p>{t('orders.gas.empty')}</p>}
      <table className="table">
        <tbody>
          {items.map((m) => (
            <tr
              key={m.mineId}
              data-testid={`gas-${m.mineId}`}
              style={m.producingIllegally ? { color: '#c8102e' } : undefined}
            >
              <td>
                <a href={`/mines/${m.mineId}`}>{m.name}</a>
              </td>
              <td>{m.regionName}</td>
              <td>{m.gasClass}</td>
              <td>{m.producingIllegally ? t('orders.gas.producing') : m.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
