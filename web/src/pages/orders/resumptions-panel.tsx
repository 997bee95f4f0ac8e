import { useState } from 'react';
import { request } from '../../api/api-client.ts';
import { useApiData } from '../../api/use-api.ts';
import { ErrorBox } from '../../components/error-box.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { useSession } from '../../session/session-context.tsx';
import type { ResumptionView } from './orders-types.ts';

const SIGNERS: Readonly<Record<string, readonly string[]>> = {
  plan_approved: ['province_regulator', 'city_regulator', 'county_regulator'],
  group_inspection: ['group_member'],
  leader_signoff: ['leader'],
};
const REGULATORS = ['province_regulator', 'city_regulator', 'county_regulator'];

/** Applications with their checklist: who signed what, blocking items in red, days left of the 20. */
export function ResumptionsPanel() {
  const { t } = useI18n();
  const { user } = useSession().session;
  const { data, error, isLoading, reload } = useApiData<{ resumptions: ResumptionView[] }>(
    '/api/orders/resumptions',
  );
  const [actionError, setActionError] = useState<unknown>(null);
  const act = async (path: string, body: unknown) => {
    setActionError(null);
    try {
      await request('POST', path, { body });
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  if (error !== null) return <ErrorBox error={error} onRetry={reload} />;
  const items = data?.resumptions ?? [];
  return (
    <div data-testid="resumptions" data-busy={isLoading ? 'true' : 'false'}>
      {actionError !== null && <ErrorBox error={actionError} testId="resumption-error" />}
      {items.length === 0 && !isLoading && <p>{t('orders.res.empty')}</p>}
      {items.map((r) => (
        <article key={r.id} className="panel" data-testid={`resumption-${r.id}`} data-status={r.status}>
          <h3>
            {r.mineName} — {t(`orders.res.status.${r.status}`)}
          </h3>
          <p data-testid="resumption-deadline" className={r.decision.overdue ? 'bad' : undefined}>
            {r.decision.overdue
              ? t('orders.res.overdue', { n: -r.decision.daysLeft, due: r.decision.dueOn })
              : t('orders.res.daysLeft', { n: r.decision.daysLeft, due: r.decision.dueOn })}
          </p>
          <ul className="compact-list">
            {r.checklist.map((c) => (
              <li
                key={c.id}
                data-testid={`check-${c.id}`}
                data-done={c.done ? 'true' : 'false'}
                style={c.done ? undefined : { color: '#c8102e' }}
              >
                {c.done ? '✔' : '✘'} {c.label}:{' '}
                {c.signedBy
                  ? t('orders.res.signedBy', { name: c.signedBy.name, at: c.signedBy.at.slice(0, 16) })
                  : c.detail}
                {r.status === 'pending' &&
                  c.how === 'sign' &&
                  !c.done &&
                  SIGNERS[c.id]?.includes(user.role) && (
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid={`sign-${c.id}`}
                      onClick={() => void act(`/api/orders/resumptions/${r.id}/sign-offs`, { item: c.id })}
                    >
                      {t('orders.res.sign')}
                    </button>
                  )}
              </li>
            ))}
          </ul>
          {r.status === 'pending' && REGULATORS.includes(user.role) && (
            <div className="actions">
              <button
                type="button"
                className="btn btn-primary"
                data-testid="resumption-approve"
                onClick={() =>
                  void act(`/api/orders/resumptions/${r.id}/decision`, {
                    decision: 'approve',
                    reason: t('orders.res.approve'),
                  })
                }
              >
                {t('orders.res.approve')}
              </button>
              <button
                type="button"
                className="btn"
                data-testid="resumption-reject"
                onClick={() =>
                  void act(`/api/orders/resumptions/${r.id}/decision`, {
                    decision: 'reject',
                    reason: t('orders.res.reject'),
                  })
                }
              >
                {t('orders.res.reject')}
              </button>
            </div>
          )}
          {r.notice !== null && (
            <p data-testid="resumption-notice" className={r.notice.late ? 'bad' : undefined}>
              {r.notice.recordedOn !== null
                ? `${t('orders.res.notice')}: ${r.notice.recordedOn}`
                : r.notice.late
                  ? t('orders.res.noticeLate', { due: r.notice.dueOn })
                  : t('orders.res.noticeDue', { due: r.notice.dueOn })}
            </p>
          )}
        </article>
      ))}
    </div>
  );
}
