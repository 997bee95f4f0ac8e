import type { ReactNode } from 'react';
import { ApiError, withQuery } from '../api/api-client.ts';
import type { MineHistoryResponse, MineResponse, MineRow, Region } from '../api/generated/api-schema.ts';
import { useApiData } from '../api/use-api.ts';
import { KeyFactProcesses } from '../components/key-fact-processes.tsx';
import { ErrorBox } from '../components/error-box.tsx';
import { TableCard } from '../components/table-card.tsx';
import { isSmallMine, lacksGasControl, NoGasControlTag, SmallMineTag } from '../components/mine-tags.tsx';
import { StatusPill } from '../components/status-pill.tsx';
import { useDocumentTitle } from '../components/use-document-title.ts';
import {
  formatCapacity,
  formatCoordinates,
  formatCount,
  formatDate,
  formatDateTime,
  isDateExpired,
  regionName,
} from '../format.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { MineLiveProvider } from '../monitoring/mine-live.tsx';
import { MineAlarms, MineMonitoring } from '../monitoring/mine-monitoring.tsx';
import { Link } from '../router/link.tsx';
import { auditActionLabel } from './audit-labels.ts';
import { homePath, useSession } from '../session/session-context.tsx';
import { AuditDiff } from './audit-diff.tsx';
import { MineOverviewPanel, MinePageNav } from './mine-overview/mine-overview.tsx';
import { StoppedPanel } from './stopped/stopped-panel.tsx';
import { GasControlBanner } from './stopped/gas-control-banner.tsx';
import './stopped/stopped.css';

/** Whether an error means "not yours or not there": the server answers both the same way on purpose. */
function isDenied(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403);
}

function MineDenied() {
  const { t } = useI18n();
  const { session } = useSession();
  useDocumentTitle(t('denied.title'));
  const isMineScoped = session.user.scope.kind === 'mine';
  return (
    <div className="page">
      <div className="denied" data-testid="mine-denied" role="alert">
        <div className="denied-icon" aria-hidden="true">
          ⊘
        </div>
        <h1>{t('denied.title')}</h1>
        <p>{t('denied.body')}</p>
        <Link to={isMineScoped ? homePath(session.user) : '/mines'} className="btn">
          {isMineScoped ? t('denied.home') : t('denied.back')}
        </Link>
      </div>
    </div>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="fact" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function RegionChain({ chain, canLink }: { chain: Region[]; canLink: boolean }) {
  const { t, lang } = useI18n();
  return (
    <nav className="crumbs" data-testid="mine-region-chain" aria-label={t('mine.regionChain')}>
      {chain.map((region, i) => (
        <span key={region.id} className="crumb">
          {i > 0 && <span className="crumb-sep">›</span>}
          {canLink ? (
            <Link to={withQuery('/mines', { regionId: region.id })}>{regionName(region, lang)}</Link>
          ) : (
            regionName(region, lang)
          )}
        </span>
      ))}
    </nav>
  );
}

function FactsGrid({ mine }: { mine: MineRow }) {
  const { t, lang } = useI18n();
  const isExpired = isDateExpired(mine.licenceValidUntil);
  const lacksControl = lacksGasControl(mine);
  return (
    <section className="card">
      <header className="card-head">
        <h2>{t('mine.facts')}</h2>
      </header>
      <dl className="facts">
        <Fact label={t('fact.capacity')} testId="fact-capacity">
          <span
            className={isSmallMine(mine) ? 'text-danger strong' : 'strong'}
            data-value={mine.approvedCapacityTPerYear}
          >
            {formatCapacity(mine.approvedCapacityTPerYear, lang)}
          </span>
          {isSmallMine(mine) && <SmallMineTag />}
        </Fact>
        <Fact label={t('fact.gasClass')} testId="fact-gas-class">
          <span className={mine.gasClass === 'low' ? '' : `gas-${mine.gasClass}`}>
            {t(`gas.${mine.gasClass}`)}
          </span>
        </Fact>
        <Fact label={t('fact.gasControl')} testId="fact-gas-control">
          <span
            className={lacksControl ? 'text-danger strong' : ''}
            data-value={String(mine.hasGasControlCapability)}
          >
            {mine.hasGasControlCapability ? t('fact.gasControl.yes') : t('fact.gasControl.no')}
          </span>
          {lacksControl && <NoGasControlTag />}
          {mine.gasControlCertifiedOn !== null && (
            <div className="fact-note">
              {t('fact.gasControl.certifiedOn', { date: formatDate(mine.gasControlCertifiedOn) })}
            </div>
          )}
          {mine.gasControlEvidence !== null && mine.gasControlEvidence !== '' && (
            <div className="fact-note">{mine.gasControlEvidence}</div>
          )}
        </Fact>
        <Fact label={t('fact.maxUnderground')} testId="fact-max-underground">
          {t('unit.people', { n: formatCount(mine.approvedMaxUnderground, lang) })}
        </Fact>
        <Fact label={t('fact.enterprise')} testId="fact-enterprise">
          {mine.enterpriseName ?? t('common.none')}
        </Fact>
        <Fact label={t('fact.operator')} testId="fact-operator">
          {mine.operator ?? <span className="muted">{t('fact.operator.none')}</span>}
        </Fact>
        <Fact label={t('fact.licence')} testId="fact-licence">
          <span className="mono">{mine.licenceNumber ?? t('common.none')}</span>
          {mine.licenceValidUntil !== null && (
            <div
              className={isExpired ? 'fact-note text-danger strong' : 'fact-note'}
              data-expired={String(isExpired)}
            >
              {t('fact.licence.until', { date: formatDate(mine.licenceValidUntil) })}
              {isExpired && <span className="tag tag-danger">{t('fact.licence.expired')}</span>}
            </div>
          )}
          {mine.licenceSuspension && (
            <div className="fact-note text-danger strong" data-testid="fact-licence-suspended">
              {t('fact.licence.suspended', {
                order: mine.licenceSuspension.orderNumber,
                date: formatDate(mine.licenceSuspension.since),
              })}
            </div>
          )}
        </Fact>
        <Fact label={t('fact.mechanisation')} testId="fact-mechanisation">
          {t(`mech.${mine.mechanisation}`)}
        </Fact>
        <Fact label={t('fact.coordinates')} testId="fact-coordinates">
          <span className="tabular">{formatCoordinates(mine.latitude, mine.longitude)}</span>
        </Fact>
        <Fact label={t('fact.statusSince')} testId="fact-status-since">
          <span className="tabular">{formatDateTime(mine.statusSince)}</span>
        </Fact>
      </dl>
    </section>
  );
}

/** Server codes (status events, audit actions) through the dictionary, as they are when unknown. */
function useCodeLabels(): { event: (code: string) => string; action: (code: string) => string } {
  const i18n = useI18n();
  const event = (code: string) => {
    const key = `event.${code}`;
    return i18n.has(key) ? i18n.t(key) : code;
  };
  const action = (code: string) => {
    // Status changes are audited as `mine.status.<event>`.
    if (code.startsWith('mine.status.'))
      return i18n.t('action.mine.status', { event: event(code.slice(12)) });
    return auditActionLabel(code, i18n);
  };
  return { event, action };
}

function StatusHistory({ history }: { history: MineHistoryResponse }) {
  const { t } = useI18n();
  const labels = useCodeLabels();
  return (
    <TableCard
      title={t('history.title')}
      testId="status-history"
      columns={[
        {
          key: 'at',
          header: t('history.col.at'),
          className: 'tabular nowrap',
          cell: (c) => formatDateTime(c.at),
        },
        {
          key: 'change',
          header: t('history.col.change'),
          className: 'nowrap',
          cell: (c) => (
            <>
              <StatusPill status={c.from} />
              <span className="diff-arrow">→</span>
              <StatusPill status={c.to} />
            </>
          ),
        },
        {
          key: 'event',
          header: t('history.col.event'),
          className: 'nowrap',
          cell: (c) => <span data-event={c.event}>{labels.event(c.event)}</span>,
        },
        { key: 'reason', header: t('history.col.reason'), className: 'wrap', cell: (c) => c.reason },
        { key: 'basis', header: t('history.col.basis'), cell: (c) => c.basis ?? t('common.none') },
        { key: 'actor', header: t('history.col.actor'), className: 'nowrap', cell: (c) => c.actorName },
      ]}
      rows={history.statusChanges}
      rowKey={(c) => c.id}
      rowAttributes={(c) => ({ 'data-testid': 'status-history-row', 'data-from': c.from, 'data-to': c.to })}
      empty={t('history.empty')}
    />
  );
}

function AuditTrail({ history, regions }: { history: MineHistoryResponse; regions: readonly Region[] }) {
  const { t, lang } = useI18n();
  const labels = useCodeLabels();
  const regionNames = new Map(regions.map((r) => [r.id, regionName(r, lang)]));
  return (
    <TableCard
      title={t('audit.title')}
      testId="audit-trail"
      isCompact
      columns={[
        {
          key: 'seq',
          header: t('audit.col.seq'),
          isNumeric: true,
          className: 'muted',
          cell: (entry) => entry.seq,
        },
        {
          key: 'at',
          header: t('audit.col.at'),
          className: 'tabular nowrap',
          cell: (entry) => formatDateTime(entry.at),
        },
        { key: 'actor', header: t('audit.col.actor'), className: 'nowrap', cell: (entry) => entry.actorName },
        {
          key: 'action',
          header: t('audit.col.action'),
          className: 'nowrap',
          cell: (entry) => <span title={entry.action}>{labels.action(entry.action)}</span>,
        },
        {
          key: 'changes',
          header: t('audit.col.changes'),
          headerClassName: 'col-changes',
          cell: (entry) => <AuditDiff entry={entry} regionNames={regionNames} />,
        },
      ]}
      rows={history.audit}
      rowKey={(entry) => String(entry.seq)}
      rowAttributes={(entry) => ({ 'data-testid': 'audit-row', 'data-action': entry.action })}
      empty={t('audit.empty')}
    />
  );
}

/**
 * One mine's 360° page: identity and status, key facts, the overview of every module with the actions
 * the role may take, then monitoring (live alarms, stopped-mine panel, points) and the records (key-fact
 * processes, status history, audit trail).
 */
export function MinePage({ mineId }: { mineId: string }) {
  const { t } = useI18n();
  const { session } = useSession();
  const base = `/api/mines/${encodeURIComponent(mineId)}`;
  const mine = useApiData<MineResponse>(base);
  const history = useApiData<MineHistoryResponse>(`${base}/history`);
  useDocumentTitle(mine.data?.mine.name ?? null);

  if (isDenied(mine.error)) return <MineDenied />;
  const isBusy = mine.isLoading || history.isLoading;
  if (mine.error !== null) {
    return (
      <div className="page">
        <ErrorBox error={mine.error} onRetry={mine.reload} />
      </div>
    );
  }
  if (mine.data === null) {
    return (
      <div className="page" data-testid="mine-page" data-busy="true">
        <div className="muted loading-line">{t('app.loading')}</div>
      </div>
    );
  }
  const m = mine.data.mine;
  return (
    <div className="page" data-testid="mine-page" data-mine-id={m.id} data-busy={isBusy ? 'true' : 'false'}>
      <MineLiveProvider mineId={m.id}>
        <div className="mine-head">
          <RegionChain chain={mine.data.regionChain} canLink={session.user.scope.kind === 'region'} />
          <div className="mine-title">
            <h1 data-testid="mine-name">{m.name}</h1>
            <StatusPill status={m.status} testId="mine-status" />
            <span className="muted">{t('mine.since', { date: formatDate(m.statusSince) })}</span>
          </div>
          <div className="mine-sub">
            <span className="muted">{t('mine.code')}</span>
            <span className="mono" data-testid="mine-code">
              {m.code}
            </span>
          </div>
        </div>

        <MinePageNav />

        <GasControlBanner mine={m} />

        <FactsGrid mine={m} />

        <MineOverviewPanel mine={m} />

        <div id="monitoring" className="mine-part">
          <MineAlarms mineId={m.id} />

          <StoppedPanel mineId={m.id} status={m.status} />

          <MineMonitoring mine={m} />
        </div>

        <div id="records" className="mine-part">
          <KeyFactProcesses mine={m} onChanged={() => (mine.reload(), history.reload())} />

          {history.error !== null && <ErrorBox error={history.error} onRetry={history.reload} />}
          {history.data === null && history.error === null && (
            <div className="muted loading-line">{t('app.loading')}</div>
          )}
          {history.data !== null && (
            <>
              <StatusHistory history={history.data} />
              <AuditTrail history={history.data} regions={mine.data.regionChain} />
            </>
          )}
        </div>
      </MineLiveProvider>
    </div>
  );
}
