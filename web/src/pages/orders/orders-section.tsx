import { useApiData } from '../../api/use-api.ts';
import { ExportControl } from '../../components/export-control.tsx';
import { ErrorBox } from '../../components/error-box.tsx';
import { orderNoteText } from '../workflow-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate } from '../../router/router.ts';
import { useRegions } from '../../session/regions-context.tsx';
import { useCan, useSession } from '../../session/session-context.tsx';
import { regionName } from '../../format.ts';
import { CampaignsPanel, GasViolationsPanel } from './campaigns-panel.tsx';
import { PrefillGate } from '../follow-up/prefill-gate.tsx';
import { IssueOrderForm } from './issue-order-form.tsx';
import type { ApiAnswer } from '../../api/api-client.ts';
import type { Order, Permission } from '../../api/generated/api-schema.ts';
import { NotForRole } from '../../components/not-for-role.tsx';
import { StatusPill } from '../../components/status-pill.tsx';
import { ResumptionsPanel } from './resumptions-panel.tsx';
import { NoticeFlag, OrderNoticeBlock } from './order-notice.tsx';
import { formatDate, formatDateTime } from '../../format.ts';
import { OrderCompliance } from './order-compliance.tsx';

const TABS = ['', 'resumptions', 'gas', 'campaigns'] as const;
/**
 * What each tab needs: campaigns are for those who run them or record a mine's progress in them. The
 * gas-control violations list is a region's list: everyone who reads orders over a region (regulators,
 * the bureau, the government head, leaders, groups, viewers), not a mine's own officer.
 */
const TAB_PERMISSIONS: Partial<Record<(typeof TABS)[number], readonly Permission[]>> = {
  gas: ['order.read'],
  campaigns: ['campaign.manage', 'campaign.progress'],
};
const REGION_TABS: ReadonlySet<(typeof TABS)[number]> = new Set(['gas']);
const TAB_LABELS = {
  '': 'orders.tab.orders',
  resumptions: 'orders.tab.resumptions',
  gas: 'orders.tab.gas',
  campaigns: 'orders.tab.campaigns',
} as const;

function OrdersList() {
  const { t, lang } = useI18n();
  const may = useCan();
  const { regions } = useRegions();
  const scopeLabel = (o: Order) => {
    const r = o.regionId === null ? undefined : regions.find((x) => x.id === o.regionId);
    return r ? regionName(r, lang) : (o.regionId ?? o.mineIds.join(', '));
  };
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/orders'>>('/api/orders');
  const orders = data?.orders ?? [];
  return (
    <div data-testid="orders-list" data-busy={isLoading ? 'true' : 'false'}>
      {may('order.issue') && (
        <PrefillGate>{(prefill) => <IssueOrderForm onIssued={reload} prefill={prefill} />}</PrefillGate>
      )}
      <ExportControl listUrl="/api/orders" />
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
              <th>{t('order.col.notice')}</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid={`order-${o.id}`}>
                <td>
                  <a
                    href={`/orders/order/${encodeURIComponent(o.id)}`}
                    onClick={(e) => (
                      e.preventDefault(),
                      navigate(`/orders/order/${encodeURIComponent(o.id)}`)
                    )}
                    data-testid={`order-link-${o.id}`}
                  >
                    {o.number}
                  </a>
                </td>
                <td>{t(`orders.kind.${o.kind}`)}</td>
                <td>
                  {o.regionId === null ? t('orders.detail.mines', { n: o.mineIds.length }) : scopeLabel(o)}
                </td>
                <td>{formatDateTime(o.effectiveAt)}</td>
                <td>{t(`orders.status.${o.status}`)}</td>
                <td>{o.issuerName}</td>
                <td>
                  <NoticeFlag notice={o.notice} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One order after issuing: what, why, on what basis, and each mine it touched. */
function OrderDetail({ id }: { id: string }) {
  const { t, has } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/orders/{id}'>>(
    `/api/orders/${encodeURIComponent(id)}`,
  );
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  if (data === null) return <p data-testid="order-detail" data-busy="true" />;
  const { order, mines } = data;
  return (
    <article className="card wf-card" data-testid="order-detail" data-busy={isLoading ? 'true' : 'false'}>
      <header className="wf-card-head">
        <h2 data-testid="order-detail-number">{order.number}</h2>
        <span className="tag">{t(`orders.kind.${order.kind}`)}</span>
        <span className="tag" data-testid="order-detail-status" data-value={order.status}>
          {t(`orders.status.${order.status}`)}
        </span>
      </header>
      <dl className="wf-facts">
        <dt>{t('orders.form.basis')}</dt>
        <dd>{order.legalBasis}</dd>
        <dt>{t('orders.form.reason')}</dt>
        <dd>{order.reason}</dd>
        <dt>{t('orders.col.effective')}</dt>
        <dd>{formatDateTime(order.effectiveAt)}</dd>
        <dt>{t('orders.col.issuer')}</dt>
        <dd>{order.issuerName}</dd>
        {order.evacuateBy !== null && (
          <>
            <dt>{t('orders.detail.evacuateBy')}</dt>
            <dd data-testid="order-detail-evacuate-by">{formatDateTime(order.evacuateBy)}</dd>
          </>
        )}
      </dl>
      {data.notice !== null && (
        <OrderNoticeBlock
          orderId={order.id}
          notice={data.notice}
          noticeRef={order.noticeRef}
          canRecord={may('order.issue')}
          onRecorded={reload}
        />
      )}
      {order.kind !== 'lift' && order.status === 'in_force' && <OrderCompliance orderId={order.id} />}
      <table className="table" data-testid="order-detail-mines">
        <thead>
          <tr>
            <th>{t('closure.col.code')}</th>
            <th>{t('closure.col.mine')}</th>
            <th>{t('orders.detail.before')}</th>
            <th>{t('orders.detail.outcome')}</th>
            <th>{t('orders.detail.lifted')}</th>
            <th>{t('order.col.licence')}</th>
          </tr>
        </thead>
        <tbody>
          {mines.map((m) => (
            <tr key={m.mineId} data-testid={`order-mine-${m.mineCode}`} data-outcome={m.outcome}>
              <td className="mono">{m.mineCode}</td>
              <td>{m.mineName}</td>
              <td>
                <StatusPill status={m.fromStatus} />
              </td>
              <td>
                {t(`orders.preview.${m.outcome}`)}
                {m.outcome === 'unaffected' && (
                  <span className="muted">
                    {' '}
                    ({orderNoteText({ ...m, status: m.fromStatus }, { t, has })})
                  </span>
                )}
              </td>
              <td>{formatDate(m.liftedAt)}</td>
              <td
                data-testid={`order-licence-${m.mineCode}`}
                data-suspended={String(m.licenceSuspendedByThis)}
              >
                {m.licenceSuspendedByThis ? (
                  <span className="tag tag-danger">{t('order.licence.suspendedHere')}</span>
                ) : (
                  t('order.licence.notSuspended')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn"
        onClick={() => navigate('/orders')}
        data-testid="order-detail-back"
      >
        {t('orders.detail.back')}
      </button>
    </article>
  );
}

/** The orders section: its pages live under /orders; `sub` is the path below it. */
export function OrdersSection({ sub }: { sub: string[] }) {
  const { t } = useI18n();
  const may = useCan();
  const { scope } = useSession().session.user;
  const tab = TABS.find((x) => x === (sub[0] ?? '')) ?? '';
  const offered = (x: (typeof TABS)[number]) => {
    if (REGION_TABS.has(x) && scope.kind !== 'region') return false;
    const needs = TAB_PERMISSIONS[x];
    return needs === undefined || needs.some((p) => may(p));
  };
  return (
    <section className="page" data-testid="orders-section" data-busy="false" data-sub={sub.join('/')}>
      <h1>{t('nav.orders')}</h1>
      <nav className="tabs">
        {TABS.filter(offered).map((x) => (
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
      {tab === '' && sub[0] === 'order' && sub[1] !== undefined && (
        <OrderDetail key={sub[1]} id={decodeURIComponent(sub[1])} />
      )}
      {tab === '' && sub[0] !== 'order' && <OrdersList />}
      {!offered(tab) && <NotForRole />}
      {tab === 'resumptions' && <ResumptionsPanel />}
      {tab === 'gas' && offered(tab) && <GasViolationsPanel />}
      {tab === 'campaigns' && offered(tab) && (
        <CampaignsPanel openId={sub[1] === undefined ? undefined : decodeURIComponent(sub[1])} />
      )}
    </section>
  );
}
