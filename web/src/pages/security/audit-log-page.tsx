import { useState, type FormEvent } from 'react';
import { withQuery } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { Input } from '../../components/form-kit.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { formatDateTime } from '../../format.ts';
import { auditActionLabel, auditTargetLabel } from '../audit-labels.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { navigate, useAppLocation } from '../../router/router.ts';
import type { ApiAnswer } from '../../api/api-client.ts';
import { securityEventKindValues } from '../../api/generated/api-schema.ts';

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
  const [from, setFrom] = useState(query.get('from') ?? '');
  const [to, setTo] = useState(query.get('to') ?? '');
  const [actor, setActor] = useState(query.get('actor') ?? '');
  const [kind, setKind] = useState(query.get('kind') ?? '');
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
  const path = source === 'audit' ? '/security/audit' : '/security/events';
  const apply = (e: FormEvent) => {
    e.preventDefault();
    navigate(withQuery(path, { from, to, actor, kind }), { replace: true });
  };
  const via = (v: string | null | undefined) =>
    !v
      ? t('security.audit.via.none')
      : v === 'session'
        ? t('security.audit.via.session')
        : t('security.audit.via.token', { id: v.replace(/^token:/, '') });

  return (
    <section
      className="page"
      data-testid="audit-log-page"
      data-source={source}
      data-busy={current.isLoading ? 'true' : 'false'}
    >
      <div className="page-head">
        <h1>{t('security.audit.title')}</h1>
      </div>
      <nav className="sec-tabs" data-testid="audit-tabs">
        <a
          href="/security/audit"
          className={source === 'audit' ? 'active' : ''}
          data-testid="audit-tab-audit"
        >
          {t('security.audit.tab.audit')}
        </a>
        <a
          href="/security/events"
          className={source === 'security' ? 'active' : ''}
          data-testid="audit-tab-security"
        >
          {t('security.audit.tab.security')}
        </a>
      </nav>
      <form className="filters sec-filters" onSubmit={apply} data-testid="audit-filters">
        <label className="field">
          <span className="field-label">{t('security.audit.from')}</span>
          <Input type="date" testId="audit-from" value={from} onChange={setFrom} />
        </label>
        <label className="field">
          <span className="field-label">{t('security.audit.to')}</span>
          <Input type="date" testId="audit-to" value={to} onChange={setTo} />
        </label>
        <label className="field">
          <span className="field-label">{t('security.audit.actor')}</span>
          <Input testId="audit-actor" value={actor} onChange={setActor} />
        </label>
        <label className="field">
          <span className="field-label">{t('security.audit.kind')}</span>
          {source === 'security' ? (
            <select
              className="select"
              value={kind}
              onChange={(e) => setKind(e.target.value)}
              data-testid="audit-kind"
            >
              <option value="">{t('security.audit.kind.all')}</option>
              {securityEventKindValues.map((k) => (
                <option key={k} value={k}>
                  {t(`security.audit.kind.${k}`)}
                </option>
              ))}
            </select>
          ) : (
            <Input
              placeholder={t('security.audit.kindPrefix')}
              testId="audit-kind"
              value={kind}
              onChange={setKind}
            />
          )}
        </label>
        <button type="submit" className="btn btn-primary" data-testid="audit-apply">
          {t('security.audit.apply')}
        </button>
        <a
          className="btn"
          href={withQuery('/api/audit/export.csv', { ...params, source })}
          data-testid="audit-export"
          download
        >
          {t('security.audit.export')}
        </a>
      </form>
      {current.error !== null && <ErrorBox error={current.error} onRetry={current.reload} />}
      <div className="card table-wrap">
        {source === 'audit' ? (
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('security.audit.col.time')}</th>
                <th>{t('security.audit.col.actor')}</th>
                <th>{t('security.audit.col.credential')}</th>
                <th>{t('security.audit.col.action')}</th>
                <th>{t('security.audit.col.target')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data?.items.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('security.audit.none')}
                  </td>
                </tr>
              )}
              {audit.data?.items.map((e) => (
                <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{via(e.actorVia)}</td>
                  <td title={e.action}>{auditActionLabel(e.action, i18n)}</td>
                  <td title={`${e.targetType} ${e.targetId}`}>
                    {auditTargetLabel(e.targetType, e.targetId, i18n)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="table" data-testid="security-table">
            <thead>
              <tr>
                <th>{t('security.audit.col.time')}</th>
                <th>{t('security.audit.kind')}</th>
                <th>{t('security.audit.col.actor')}</th>
                <th>{t('security.audit.col.route')}</th>
                <th>{t('security.audit.col.target')}</th>
                <th>{t('security.audit.col.status')}</th>
                <th>{t('security.audit.col.reason')}</th>
                <th>{t('security.audit.col.address')}</th>
              </tr>
            </thead>
            <tbody>
              {security.data?.items.length === 0 && (
                <tr>
                  <td colSpan={8} className="muted">
                    {t('security.audit.none')}
                  </td>
                </tr>
              )}
              {security.data?.items.map((e) => (
                <tr key={e.id} data-testid="security-row" data-kind={e.kind}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{t(`security.audit.kind.${e.kind}`)}</td>
                  <td>
                    {e.actorName ?? t('security.audit.anonymous')}
                    {e.actorVia ? <span className="muted"> · {via(e.actorVia)}</span> : null}
                  </td>
                  <td>
                    <code>
                      {e.method} {e.route}
                    </code>
                  </td>
                  <td className="sec-target">{e.target ?? '—'}</td>
                  <td>{e.status ?? '—'}</td>
                  <td>
                    <code>{e.reason}</code>
                  </td>
                  <td>{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
