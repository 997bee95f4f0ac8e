import type { FormEvent } from 'react';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Button, buttonClass } from '../../components/button.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Field, SelectField, useFormFields } from '../../components/form-kit.tsx';
import { PageFrame } from '../../components/page-frame.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../format.ts';
import { auditActionLabel, auditTargetLabel } from '../audit-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import type { ApiAnswer } from '../../api/api-client.ts';
import { securityEventKindValues } from '../../api/generated/api-schema.ts';

type AuditEntry = ApiAnswer<'/api/audit/entries'>['items'][number];
type SecurityEvent = ApiAnswer<'/api/audit/security-events'>['items'][number];

const SOURCES = ['audit', 'security'] as const;
const SOURCE_PATHS: Record<(typeof SOURCES)[number], string> = {
  audit: '/security/audit',
  security: '/security/events',
};

/** A date (YYYY-MM-DD, China Standard Time) as the start or the end of that day in UTC. */
const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00+08:00`).toISOString() : '');
const dayEnd = (d: string) => (d ? new Date(`${d}T23:59:59.999+08:00`).toISOString() : '');

/**
 * The province regulator's audit and security log: the audit trail (who did what, with which
 * credential) and the security events (refused requests, failed and throttled logins), filtered by
 * time, actor and kind, exportable as CSV.
 */
export function AuditLogPage({ source }: { source: 'audit' | 'security' }) {
  const i18n = useI18n();
  const { t } = i18n;
  useDocumentTitle(t('security.audit.title'));
  const { query } = useAppLocation();
  const filters = useFormFields({
    from: query.get('from') ?? '',
    to: query.get('to') ?? '',
    actor: query.get('actor') ?? '',
    kind: query.get('kind') ?? '',
  });
  const params = {
    from: dayStart(query.get('from') ?? ''),
    to: dayEnd(query.get('to') ?? ''),
    actor: query.get('actor') ?? '',
    kind: query.get('kind') ?? '',
  };
  const base = source === 'audit' ? '/api/audit/entries' : '/api/audit/security-events';
  const audit = useApiData<ApiAnswer<'/api/audit/entries'>>(
    source === 'audit' ? withQuery(base, { ...params, limit: 300 }) : null,
  );
  const security = useApiData<ApiAnswer<'/api/audit/security-events'>>(
    source === 'security' ? withQuery(base, { ...params, limit: 300 }) : null,
  );
  const current = source === 'audit' ? audit : security;
  const path = SOURCE_PATHS[source];
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(path, filters.values), { replace: true });
  };
  const via = (v: string | null | undefined) =>
    !v
      ? t('security.audit.via.none')
      : v === 'session'
        ? t('security.audit.via.session')
        : t('security.audit.via.token', { id: v.replace(/^token:/, '') });

  const auditColumns: Column<AuditEntry>[] = [
    { key: 'time', header: t('security.audit.col.time'), cell: (e) => formatDateTime(e.at) },
    { key: 'actor', header: t('security.audit.col.actor'), cell: (e) => e.actorName },
    { key: 'via', header: t('security.audit.col.credential'), cell: (e) => via(e.actorVia) },
    {
      key: 'action',
      header: t('security.audit.col.action'),
      cell: (e) => <span title={e.action}>{auditActionLabel(e.action, i18n)}</span>,
    },
    {
      key: 'target',
      header: t('security.audit.col.target'),
      cell: (e) => (
        <span title={`${e.targetType} ${e.targetId}`}>
          {auditTargetLabel(e.targetType, e.targetId, i18n)}
        </span>
      ),
    },
  ];
  const securityColumns: Column<SecurityEvent>[] = [
    { key: 'time', header: t('security.audit.col.time'), cell: (e) => formatDateTime(e.at) },
    { key: 'kind', header: t('security.audit.kind'), cell: (e) => t(`security.audit.kind.${e.kind}`) },
    {
      key: 'actor',
      header: t('security.audit.col.actor'),
      cell: (e) => (
        <>
          {e.actorName ?? t('security.audit.anonymous')}
          {e.actorVia ? <span className="muted"> · {via(e.actorVia)}</span> : null}
        </>
      ),
    },
    {
      key: 'route',
      header: t('security.audit.col.route'),
      cell: (e) => (
        <code>
          {e.method} {e.route}
        </code>
      ),
    },
    {
      key: 'target',
      header: t('security.audit.col.target'),
      cell: (e) => e.target ?? '—',
      className: 'sec-target',
    },
    { key: 'status', header: t('security.audit.col.status'), cell: (e) => e.status ?? '—' },
    { key: 'reason', header: t('security.audit.col.reason'), cell: (e) => <code>{e.reason}</code> },
    { key: 'ip', header: t('security.audit.col.address'), cell: (e) => e.ip ?? '—' },
  ];

  return (
    <PageFrame
      testId="audit-log-page"
      isBusy={current.isLoading}
      title={t('security.audit.title')}
      attributes={{ 'data-source': source }}
    >
      <nav className="link-tabs sec-tabs" data-testid="audit-tabs">
        {SOURCES.map((x) => (
          <a
            key={x}
            href={SOURCE_PATHS[x]}
            className={source === x ? 'active' : ''}
            data-testid={`audit-tab-${x}`}
          >
            {t(`security.audit.tab.${x}`)}
          </a>
        ))}
      </nav>
      <form className="filters sec-filters" onSubmit={apply} data-testid="audit-filters">
        <Field label={t('security.audit.from')} type="date" {...filters.bind('from', 'audit-from')} />
        <Field label={t('security.audit.to')} type="date" {...filters.bind('to', 'audit-to')} />
        <Field label={t('security.audit.actor')} {...filters.bind('actor', 'audit-actor')} />
        {source === 'security' ? (
          <SelectField
            label={t('security.audit.kind')}
            placeholder={t('security.audit.kind.all')}
            options={securityEventKindValues}
            labelOf={(k) => t(`security.audit.kind.${k}`)}
            {...filters.bind('kind', 'audit-kind')}
          />
        ) : (
          <Field
            label={t('security.audit.kind')}
            placeholder={t('security.audit.kindPrefix')}
            {...filters.bind('kind', 'audit-kind')}
          />
        )}
        <Button variant="primary" type="submit" testId="audit-apply">
          {t('security.audit.apply')}
        </Button>
        <a
          className={buttonClass()}
          href={withQuery('/api/audit/export.csv', { ...params, source })}
          data-testid="audit-export"
          download
        >
          {t('security.audit.export')}
        </a>
      </form>
      {current.error !== null && <ErrorBox error={current.error} onRetry={current.reload} />}
      <div className="card">
        {source === 'audit' ? (
          <DataTable
            testId="audit-table"
            columns={auditColumns}
            rows={audit.data?.items}
            rowKey={(e) => String(e.seq)}
            rowAttributes={(e) => ({ 'data-testid': 'audit-row', 'data-action': e.action })}
            empty={t('security.audit.none')}
            caption={t('security.audit.tab.audit')}
            pageSize={50}
          />
        ) : (
          <DataTable
            testId="security-table"
            columns={securityColumns}
            rows={security.data?.items}
            rowKey={(e) => e.id}
            rowAttributes={(e) => ({ 'data-testid': 'security-row', 'data-kind': e.kind })}
            empty={t('security.audit.none')}
            caption={t('security.audit.tab.security')}
            pageSize={50}
          />
        )}
      </div>
    </PageFrame>
  );
}
