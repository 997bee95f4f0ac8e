import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { codeLabel } from '../../i18n/code-label.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useCan } from '../../session/session-context.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import { CampaignDetail } from './campaign-detail.tsx';
import { CampaignForm } from './campaign-form.tsx';

const campaignPath = (id: string) => `/orders/campaigns/${encodeURIComponent(id)}`;

/**
 * 专项整治: regulators create a campaign; everyone in scope opens one (its own address, so it can be
 * linked) to see and record each mine's progress and read its report by district.
 */
export function CampaignsPanel({ openId }: { openId?: string }) {
  const { t } = useI18n();
  const may = useCan();
  const list = useApiData<ApiAnswer<'/api/orders/campaigns'>>('/api/orders/campaigns');
  if (list.error !== null) return <ErrorBox error={list.error} onRetry={list.reload} />;
  const campaigns = list.data?.campaigns ?? [];
  return (
    <div className="wf-stack" data-testid="campaigns" data-busy={list.isLoading ? 'true' : 'false'}>
      {may('campaign.manage') && openId === undefined && (
        <CampaignForm
          onCreated={(id) => {
            list.reload();
            navigate(campaignPath(id));
          }}
        />
      )}
      {campaigns.length === 0 && !list.isLoading && <p>{t('orders.camp.empty')}</p>}
      {campaigns.length > 0 && (
        <table className="table" data-testid="campaign-list">
          <thead>
            <tr>
              <th>{t('camp.form.name')}</th>
              <th>{t('camp.col.period')}</th>
              <th>{t('camp.col.items')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id} data-testid={`campaign-${c.id}`} data-open={c.id === openId ? 'true' : 'false'}>
                <td>
                  <a
                    href={campaignPath(c.id)}
                    onClick={(e) => (e.preventDefault(), navigate(campaignPath(c.id)))}
                    data-testid={`campaign-link-${c.id}`}
                  >
                    {c.name}
                  </a>
                </td>
                <td>{t('orders.camp.period', { from: c.startsOn, to: c.endsOn })}</td>
                <td className="tabular">{c.items.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openId !== undefined && <CampaignDetail key={openId} id={openId} />}
    </div>
  );
}

/** High-gas and outburst mines without certified capability; producing ones first, in red. */
export function GasViolationsPanel() {
  const i18n = useI18n();
  const { t } = i18n;
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
        <thead>
          <tr>
            <th>{t('mines.col.name')}</th>
            <th>{t('mines.col.region')}</th>
            <th>{t('mines.col.gas')}</th>
            <th>{t('mines.col.status')}</th>
          </tr>
        </thead>
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
              <td>{codeLabel('gas.', m.gasClass, i18n)}</td>
              <td>
                {m.producingIllegally ? t('orders.gas.producing') : codeLabel('status.', m.status, i18n)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
