import { useApiData } from '../../api/use-api.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { codeLabel } from '../../i18n/code-label.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { Link } from '../../router/link.tsx';
import { navigate } from '../../router/router.ts';
import './orders.css';
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
      <DataTable
        testId="campaign-list"
        columns={[
          {
            key: 'name',
            header: t('camp.form.name'),
            cell: (c) => (
              <Link to={campaignPath(c.id)} data-testid={`campaign-link-${c.id}`}>
                {c.name}
              </Link>
            ),
          },
          {
            key: 'period',
            header: t('camp.col.period'),
            cell: (c) => t('orders.camp.period', { from: c.startsOn, to: c.endsOn }),
          },
          { key: 'items', header: t('camp.col.items'), cell: (c) => c.items.length, className: 'tabular' },
        ]}
        rows={list.data?.campaigns}
        rowKey={(c) => c.id}
        rowAttributes={(c) => ({
          'data-testid': `campaign-${c.id}`,
          'data-open': c.id === openId ? 'true' : 'false',
        })}
        empty={t('orders.camp.empty')}
      />
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
      <DataTable
        columns={[
          {
            key: 'name',
            header: t('mines.col.name'),
            cell: (m) => <a href={`/mines/${m.mineId}`}>{m.name}</a>,
          },
          { key: 'region', header: t('mines.col.region'), cell: (m) => m.regionName },
          { key: 'gas', header: t('mines.col.gas'), cell: (m) => codeLabel('gas.', m.gasClass, i18n) },
          {
            key: 'status',
            header: t('mines.col.status'),
            cell: (m) =>
              m.producingIllegally ? t('orders.gas.producing') : codeLabel('status.', m.status, i18n),
          },
        ]}
        rows={data?.items}
        rowKey={(m) => m.mineId}
        rowAttributes={(m) => ({
          'data-testid': `gas-${m.mineId}`,
          'data-illegal': m.producingIllegally ? 'true' : undefined,
        })}
        empty={t('orders.gas.empty')}
      />
    </div>
  );
}
