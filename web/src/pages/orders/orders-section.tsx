import { useApiData } from '../../api/use-api.ts';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Link } from '../../router/link.tsx';
import { FactList } from '../../components/fact-list.tsx';
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
import { SectionTabs } from '../../components/section-tabs.tsx';
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
  const columns: Column<ListedOrder>[] = [
    {
      key: 'number',
      header: t('orders.col.number'),
      cell: (o) => (
        <Link to={`/orders/order/${encodeURIComponent(o.id)}`} data-testid={`order-link-${o.id}`}>
          {o.number}
        </Link>
      ),
    },
    { key: 'kind', header: t('orders.col.kind'), cell: (o) => t(`orders.kind.${o.kind}`) },
    {
      key: 'scope',
      header: t('orders.col.scope'),
      cell: (o) => (o.regionId === null ? t('orders.detail.mines', { n: o.mineIds.length }) : scopeLabel(o)),
    },
    { key: 'effective', header: t('orders.col.effective'), cell: (o) => formatDateTime(o.effectiveAt) },
    { key: 'status', header: t('orders.col.status'), cell: (o) => t(`orders.status.${o.status}`) },
    { key: 'issuer', header: t('orders.col.issuer'), cell: (o) => o.issuerName },
    { key: 'notice', header: t('order.col.notice'), cell: (o) => <NoticeFlag notice={o.notice} /> },
  ];
  return (
    <div data-testid="orders-list" data-busy={isLoading ? 'true' : 'false'}>
      {may('order.issue') && (
        <PrefillGate>{(prefill) => <IssueOrderForm onIssued={reload} prefill={prefill} />}</PrefillGate>
      )}
      <ExportControl listUrl="/api/orders" />
      {error !== null && <ErrorBox error={error} onRetry={reload} />}
      <DataTable
        columns={columns}
        rows={isLoading && data === null ? undefined : orders}
        rowKey={(o) => o.id}
        rowAttributes={(o) => ({ 'data-testid': `order-${o.id}` })}
        empty={t('orders.list.empty')}
      />
    </div>
  );
}

/** One order after issuing: what, why, on what basis, and each mine it touched. */
type ListedOrder = ApiAnswer<'/api/orders'>['orders'][number];
type OrderMine = ApiAnswer<'/api/orders/{id}'>['mines'][number];

function OrderDetail({ id }: { id: string }) {
  const { t, has } = useI18n();
  const may = useCan();
  const { data, error, isLoading, reload } = useApiData<ApiAnswer<'/api/orders/{id}'>>(
    `/api/orders/${encodeURIComponent(id)}`,
  );
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  if (data === null) return <p data-testid="order-detail" data-busy="true" />;
  const { order, mines } = data;
  const mineColumns: Column<OrderMine>[] = [
    { key: 'code', header: t('closure.col.code'), cell: (m) => m.mineCode, className: 'mono' },
    { key: 'mine', header: t('closure.col.mine'), cell: (m) => m.mineName },
    { key: 'before', header: t('orders.detail.before'), cell: (m) => <StatusPill status={m.fromStatus} /> },
    {
      key: 'outcome',
      header: t('orders.detail.outcome'),
      cell: (m) => (
        <>
          {t(`orders.preview.${m.outcome}`)}
          {m.outcome === 'unaffected' && (
            <span className="muted"> ({orderNoteText({ ...m, status: m.fromStatus }, { t, has })})</span>
          )}
        </>
      ),
    },
    { key: 'lifted', header: t('orders.detail.lifted'), cell: (m) => formatDate(m.liftedAt) },
    {
      key: 'licence',
      header: t('order.col.licence'),
      cell: (m) => (
        <span data-testid={`order-licence-${m.mineCode}`} data-suspended={String(m.licenceSuspendedByThis)}>
          {m.licenceSuspendedByThis ? (
            <span className="tag tag-danger">{t('order.licence.suspendedHere')}</span>
          ) : (
            t('order.licence.notSuspended')
          )}
        </span>
      ),
    },
  ];
  return (
    <article className="card wf-card" data-testid="order-detail" data-busy={isLoading ? 'true' : 'false'}>
      <header className="wf-card-head">
        <h2 data-testid="order-detail-number">{order.number}</h2>
        <span className="tag">{t(`orders.kind.${order.kind}`)}</span>
        <span className="tag" data-testid="order-detail-status" data-value={order.status}>
          {t(`orders.status.${order.status}`)}
        </span>
      </header>
      <FactList
        className="wf-facts"
        facts={[
          { label: t('orders.form.basis'), value: order.legalBasis },
          { label: t('orders.form.reason'), value: order.reason },
          { label: t('orders.col.effective'), value: formatDateTime(order.effectiveAt) },
          { label: t('orders.col.issuer'), value: order.issuerName },
          {
            label: t('orders.detail.evacuateBy'),
            value: formatDateTime(order.evacuateBy),
            testId: 'order-detail-evacuate-by',
            isShown: order.evacuateBy !== null,
          },
        ]}
      />
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
      <DataTable
        testId="order-detail-mines"
        columns={mineColumns}
        rows={mines}
        rowKey={(m) => m.mineId}
        rowAttributes={(m) => ({ 'data-testid': `order-mine-${m.mineCode}`, 'data-outcome': m.outcome })}
      />
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
      <SectionTabs
        label={t('nav.orders')}
        tabs={TABS.filter(offered).map((x) => ({
          to: x ? `/orders/${x}` : '/orders',
          label: t(TAB_LABELS[x]),
          testId: `orders-tab-${x || 'orders'}`,
          isCurrent: x === tab,
        }))}
      />
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
