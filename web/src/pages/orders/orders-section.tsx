import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import { regionName } from '../../format.ts';
import { CampaignsPanel, GasViolationsPanel } from './campaigns-panel.tsx';
import { IssueOrderForm } from './issue-order-form.tsx';
import type { OrderView } from './orders-types.ts';
import { ResumptionsPanel } from './resumptions-panel.tsx';

const TABS = ['', 'resumptions', 'gas', 'campaigns'] as const;
const TAB_LABELS = {
  '': 'orders.tab.orders',
  resumptions: 'orders.tab.resumptions',
  gas: 'orders.tab.gas',
  campaigns: 'orders.tab.campaigns',
} as const;
const REGULATORS = ['province_regulator', 'city_regulator', 'county_regulator'];

function OrdersList() {
  const { t, lang } = useI18n();
  const { user } = useSession().session;
  const { regions } = useRegions();
  const scopeLabel = (o: OrderView) => {
    const r = o.regionId === null ? undefined : regions.find((x) => x.id === o.regionId);
    return r ? regionName(r, lang) : (o.regionId ?? o.mineIds.join(', '));
  };
  const { data, error, isLoading, reload } = useApiData<{ orders: OrderView[] }>('/api/orders');
  const orders = data?.orders ?? [];
  return (
    <div data-testid="orders-list" data-busy={isLoading ? 'true' : 'false'}>
      {REGULATORS.includes(user.role) && <IssueOrderForm onIssued={reload} />}
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      {orders.length === 0 && !isLoading && <p>{t('orders.list.empty')}</p>}
      {orders.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('orders.col.number')}</th>
              <th>{t('orders.col.kind')}</th>
              <th>{t('orders.col.scope')}</th>
              <th>{t('orders.col.effective')}</th>
              <th>{t('orders.col.status')}</th>
              <th>{t('orders.col.issuer')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid={`order-${o.id}`}>
                <td>{o.number}</td>
                <td>{t(`orders.kind.${o.kind}`)}</td>
                <td>{scopeLabel(o)}</td>
                <td>{o.effectiveAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{t(`orders.status.${o.status}`)}</td>
                <td>{o.issuerName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The orders section: its pages live under /orders; `sub` is the path below it. */
export function OrdersSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const tab = TABS.find((x) => x === (sub[0] ?? '')) ?? '';
  return (
    <section className="page" data-testid="orders-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.orders')}</h1>
      <nav className="tabs">
        {TABS.map((x) => (
          <button
            key={x}
            type="button"
            className={x === tab ? 'btn btn-primary' : 'btn'}
            data-testid={`orders-tab-${x || 'orders'}`}
            onClick={() => navigate(x ? `/orders/${x}` : '/orders')}
          >
            {t(TAB_LABELS[x])}
          </button>
        ))}
      </nav>
      {tab === '' && <OrdersList />}
      {tab === 'resumptions' && <ResumptionsPanel />}
      {tab === 'gas' && <GasViolationsPanel />}
      {tab === 'campaigns' && <CampaignsPanel />}
    </section>
  );
}
